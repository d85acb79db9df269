import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestInColumn } from './best';

describe('bestInColumn', () => {
  it('finds the lowest for min and the highest for max', () => {
    expect(bestInColumn([0.5, 0.2, 0.9], 'min')).toEqual({
      value: 0.2,
      indices: [1],
      candidates: 3,
    });
    expect(bestInColumn([0.5, 0.2, 0.9], 'max')).toEqual({
      value: 0.9,
      indices: [2],
      candidates: 3,
    });
  });

  it('returns every tie, in column order', () => {
    expect(bestInColumn([3, 1, 2, 1, 1], 'min')).toEqual({
      value: 1,
      indices: [1, 3, 4],
      candidates: 5,
    });
    expect(bestInColumn([7, 7], 'max')).toEqual({ value: 7, indices: [0, 1], candidates: 2 });
    expect(bestInColumn([0, -0], 'max')).toEqual({ value: 0, indices: [0, 1], candidates: 2 });
  });

  it('skips NaN, infinities and missing values', () => {
    expect(bestInColumn([NaN, -Infinity, 4, undefined, null, 5, Infinity], 'min')).toEqual({
      value: 4,
      indices: [2],
      candidates: 2,
    });
    expect(bestInColumn([Infinity, 1, NaN], 'max')).toEqual({
      value: 1,
      indices: [1],
      candidates: 1,
    });
  });

  it('has no best without finite values or without a direction', () => {
    expect(bestInColumn([], 'min')).toBeUndefined();
    expect(bestInColumn([NaN, Infinity, undefined], 'max')).toBeUndefined();
    expect(bestInColumn([1, 2, 3], 'neutral')).toBeUndefined();
  });

  it('reads typed arrays', () => {
    expect(bestInColumn(Float64Array.of(2, -1, 3), 'min')).toEqual({
      value: -1,
      indices: [1],
      candidates: 3,
    });
  });

  it('agrees with sorting the finite values (oracle)', () => {
    const cell = fc.oneof(
      fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, 0, -0, 1, -1),
      fc.integer({ min: -5, max: 5 }),
      fc.double({ noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 40 }),
        fc.constantFrom('min', 'max'),
        (cells, dir) => {
          const finite = cells
            .map((v, i) => ({ v, i }))
            .filter(
              (c): c is { v: number; i: number } => typeof c.v === 'number' && Number.isFinite(c.v),
            );
          const got = bestInColumn(cells, dir);
          if (finite.length === 0) {
            expect(got).toBeUndefined();
            return;
          }
          const sorted = finite.map((c) => c.v).sort((a, b) => (dir === 'min' ? a - b : b - a));
          const top = sorted[0] as number;
          expect(got?.candidates).toBe(finite.length);
          expect(got?.value === top).toBe(true);
          expect(got?.indices).toEqual(finite.filter((c) => c.v === top).map((c) => c.i));
        },
      ),
      { numRuns: 500 },
    );
  });
});
