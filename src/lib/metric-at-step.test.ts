import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestIndex,
  historyArrays,
  indexAtOrBefore,
  latestIndex,
  pickMetric,
  type HistoryArrays,
} from './metric-at-step';
import type { StepChoice as UrlStepChoice } from './run-diff/compare-url';

function history(points: [step: number, value: number, timestamp?: number][]): HistoryArrays {
  const withTime = points.every((p) => p[2] !== undefined);
  return {
    step: Float64Array.from(points, (p) => p[0]),
    value: Float64Array.from(points, (p) => p[1]),
    timestamp: withTime ? Float64Array.from(points, (p) => p[2] as number) : undefined,
  };
}

// A series cache history: sorted, one point per step.
const loss = history([
  [0, 2.0, 1000],
  [10, 1.2, 1010],
  [20, 0.7, 1020],
  [30, 0.9, 1030],
  [40, 0.7, 1040],
  [50, NaN, 1050],
]);

describe('pickMetric on a series cache history', () => {
  it('latest is the highest step, even when its value is NaN', () => {
    expect(pickMetric(loss, { kind: 'latest' })).toMatchObject({
      found: true,
      step: 50,
      exact: true,
    });
    expect(pickMetric(loss, { kind: 'latest' })).toHaveProperty('value', NaN);
  });

  it('reads the exact step, or the last point before it, flagged', () => {
    expect(pickMetric(loss, { kind: 'step', step: 20 })).toEqual({
      found: true,
      index: 2,
      step: 20,
      value: 0.7,
      exact: true,
      askedStep: 20,
    });
    expect(pickMetric(loss, { kind: 'step', step: 25 })).toEqual({
      found: true,
      index: 2,
      step: 20,
      value: 0.7,
      exact: false,
      askedStep: 25,
    });
    expect(pickMetric(loss, { kind: 'step', step: 1e9 })).toMatchObject({ step: 50, exact: false });
  });

  it('says when nothing was logged at or before the step', () => {
    expect(pickMetric(loss, { kind: 'step', step: -1 })).toEqual({
      found: false,
      why: 'before-first',
      askedStep: -1,
    });
    expect(pickMetric(loss, { kind: 'step', step: NaN })).toMatchObject({ found: false });
  });

  it('min and max skip NaN and tie to the earliest step', () => {
    expect(pickMetric(loss, { kind: 'min' })).toEqual({
      found: true,
      index: 2,
      step: 20,
      value: 0.7,
      exact: true,
    });
    expect(pickMetric(loss, { kind: 'max' })).toMatchObject({ step: 0, value: 2 });
  });

  it('reads the value at the step where another metric is best', () => {
    const accuracy = history([
      [0, 0.5, 1000],
      [10, 0.8, 1010],
      [20, 0.9, 1020],
      [30, 0.95, 1030],
      [40, 0.95, 1040],
    ]);
    expect(
      pickMetric(
        loss,
        { kind: 'best', metric: 'accuracy' },
        { history: accuracy, direction: 'max' },
      ),
    ).toEqual({ found: true, index: 3, step: 30, value: 0.9, exact: true, askedStep: 30 });
    // the best step was not logged for this metric: the last point before it, flagged
    const sparse = history([
      [0, 2, 1000],
      [25, 1, 1025],
      [35, 0.5, 1035],
    ]);
    expect(
      pickMetric(
        sparse,
        { kind: 'best', metric: 'accuracy' },
        { history: accuracy, direction: 'max' },
      ),
    ).toMatchObject({ found: true, step: 25, value: 1, exact: false, askedStep: 30 });
    expect(
      pickMetric(
        loss,
        { kind: 'best', metric: 'accuracy' },
        { history: accuracy, direction: 'min' },
      ),
    ).toMatchObject({ step: 0, value: 2, exact: true });
  });

  it('says when the other metric is missing or has no finite value', () => {
    const choice = { kind: 'best', metric: 'acc' } as const;
    const ref = (h: HistoryArrays) => ({ history: h, direction: 'max' as const });
    expect(pickMetric(loss, choice)).toEqual({ found: false, why: 'no-reference' });
    expect(pickMetric(loss, choice, ref(history([])))).toEqual({
      found: false,
      why: 'no-reference',
    });
    expect(pickMetric(loss, choice, ref(history([[1, NaN, 1]])))).toEqual({
      found: false,
      why: 'no-reference',
    });
  });

  it('says when the history is empty or has no finite value', () => {
    const empty = history([]);
    for (const choice of [
      { kind: 'latest' },
      { kind: 'step', step: 3 },
      { kind: 'min' },
      { kind: 'max' },
    ] as const) {
      expect(pickMetric(empty, choice)).toEqual({ found: false, why: 'empty' });
    }
    const diverged = history([
      [0, NaN, 1],
      [1, Infinity, 2],
      [2, -Infinity, 3],
    ]);
    expect(pickMetric(diverged, { kind: 'min' })).toEqual({ found: false, why: 'no-finite' });
    expect(pickMetric(diverged, { kind: 'latest' })).toMatchObject({ value: -Infinity });
  });

  it("takes the compare page URL's step choice as it is", () => {
    const fromUrl: UrlStepChoice = { kind: 'best', metric: 'loss' };
    expect(pickMetric(loss, fromUrl, { history: loss, direction: 'min' })).toMatchObject({
      step: 20,
      value: 0.7,
      exact: true,
    });
  });

  it('reads the series cache shape through historyArrays', () => {
    const h = historyArrays({
      x: Float64Array.of(1, 2),
      y: Float64Array.of(5, 6),
      t: Float64Array.of(9, 9),
    });
    expect(pickMetric(h, { kind: 'latest' })).toMatchObject({ step: 2, value: 6 });
  });
});

describe('raw histories (any order, repeated steps)', () => {
  it('latest follows MLflow: highest step, then timestamp, then the larger value', () => {
    // logged out of order: step 5 came after step 7
    expect(
      latestIndex(
        history([
          [7, 1, 100],
          [5, 2, 200],
        ]),
      ),
    ).toBe(0);
    // step 7 twice: the later timestamp counts even though it came first in the arrays
    expect(
      latestIndex(
        history([
          [7, 1, 300],
          [7, 2, 200],
        ]),
      ),
    ).toBe(0);
    // same step, same timestamp: the larger value
    expect(
      latestIndex(
        history([
          [7, 3, 300],
          [7, 2, 300],
        ]),
      ),
    ).toBe(0);
    expect(
      latestIndex(
        history([
          [7, 2, 300],
          [7, NaN, 300],
        ]),
      ),
    ).toBe(0);
    // same step, timestamp and value: the later point in the arrays
    expect(
      latestIndex(
        history([
          [7, 3, 300],
          [7, 3, 300],
        ]),
      ),
    ).toBe(1);
    // without timestamps: the later point in the arrays
    expect(
      latestIndex(
        history([
          [7, 3],
          [7, 2],
        ]),
      ),
    ).toBe(1);
  });

  it('ignores points whose step is NaN', () => {
    const h = history([
      [NaN, 0, 1],
      [3, 1, 2],
      [NaN, -5, 3],
    ]);
    expect(latestIndex(h)).toBe(1);
    expect(bestIndex(h, 'min')).toBe(1);
    expect(indexAtOrBefore(h, 3)).toBe(1);
  });

  it('reads plain arrays too', () => {
    expect(latestIndex({ step: [1, 3, 2], value: [0, 0, 0] })).toBe(1);
  });
});

// ---- Oracle: sort a copy of the points and read the answer off the sorted list. ----

interface Point {
  i: number;
  step: number;
  value: number;
  time: number;
}

/** a before b when b counts over a at the same step (time, then value with NaN lowest, then order). */
function sameStepOrder(a: Point, b: Point, timed: boolean): number {
  if (timed && a.time !== b.time) return a.time - b.time;
  if (timed) {
    const an = Number.isNaN(a.value);
    const bn = Number.isNaN(b.value);
    if (an !== bn) return an ? -1 : 1;
    if (!an && a.value !== b.value) return a.value < b.value ? -1 : 1;
  }
  return a.i - b.i;
}

function points(h: HistoryArrays): Point[] {
  return Array.from({ length: h.step.length }, (_, i) => ({
    i,
    step: h.step[i] as number,
    value: h.value[i] as number,
    time: h.timestamp ? (h.timestamp[i] as number) : 0,
  })).filter((p) => !Number.isNaN(p.step));
}

function oracleAtOrBefore(h: HistoryArrays, step: number): number {
  const timed = h.timestamp !== undefined;
  const before = points(h).filter((p) => p.step <= step);
  if (before.length === 0) return -1;
  const top = Math.max(...before.map((p) => p.step));
  const at = before.filter((p) => p.step === top).sort((a, b) => sameStepOrder(a, b, timed));
  return (at[at.length - 1] as Point).i;
}

function oracleBest(h: HistoryArrays, direction: 'min' | 'max'): number {
  const timed = h.timestamp !== undefined;
  const finite = points(h).filter((p) => Number.isFinite(p.value));
  if (finite.length === 0) return -1;
  const values = finite.map((p) => p.value);
  const top = direction === 'min' ? Math.min(...values) : Math.max(...values);
  const tied = finite.filter((p) => p.value === top);
  const first = Math.min(...tied.map((p) => p.step));
  const at = tied.filter((p) => p.step === first).sort((a, b) => sameStepOrder(a, b, timed));
  return (at[at.length - 1] as Point).i;
}

// Mostly a few values, so that equal values (ties for min, max and one step) are common.
const value = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1, 2) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, min: -1e6, max: 1e6 }) },
);

/** Raw histories: few distinct steps and times, so repeats and ties are common. */
const rawHistory = fc
  .array(
    fc.tuple(
      fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(NaN)),
      value,
      fc.integer({ min: 0, max: 2 }),
    ),
    { maxLength: 30, size: 'medium' },
  )
  .chain((pts) =>
    fc.boolean().map((timed): HistoryArrays => ({
      step: Float64Array.from(pts, (p) => p[0]),
      value: Float64Array.from(pts, (p) => p[1]),
      timestamp: timed ? Float64Array.from(pts, (p) => p[2]) : undefined,
    })),
  );

/** Series cache histories: strictly increasing steps, one point each. */
const cacheHistory = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 5 }), value), { maxLength: 40 })
  .map((pts): HistoryArrays => {
    let step = 0;
    const steps = pts.map(([gap]) => (step += gap));
    return {
      step: Float64Array.from(steps),
      value: Float64Array.from(pts, (p) => p[1]),
      timestamp: Float64Array.from(steps, (s) => 1000 + s),
    };
  });

describe('oracle', () => {
  for (const [name, arb] of [
    ['raw', rawHistory],
    ['series cache', cacheHistory],
  ] as const) {
    it(`latest and at-or-before agree with sorting (${name} histories)`, () => {
      fc.assert(
        fc.property(arb, fc.integer({ min: -2, max: 220 }), (h, step) => {
          expect(latestIndex(h)).toBe(oracleAtOrBefore(h, Infinity));
          expect(indexAtOrBefore(h, step)).toBe(oracleAtOrBefore(h, step));
        }),
        { numRuns: 400 },
      );
    });

    it(`min and max agree with sorting (${name} histories)`, () => {
      fc.assert(
        fc.property(arb, (h) => {
          expect(bestIndex(h, 'min')).toBe(oracleBest(h, 'min'));
          expect(bestIndex(h, 'max')).toBe(oracleBest(h, 'max'));
        }),
        { numRuns: 400 },
      );
    });

    it(`best reads the target at the reference's best step (${name} histories)`, () => {
      fc.assert(
        fc.property(arb, arb, fc.constantFrom('min', 'max'), (target, reference, direction) => {
          const got = pickMetric(
            target,
            { kind: 'best', metric: 'r' },
            { history: reference, direction },
          );
          const r = oracleBest(reference, direction);
          if (target.step.length === 0) return void expect(got).toMatchObject({ why: 'empty' });
          if (r < 0) return void expect(got).toMatchObject({ why: 'no-reference' });
          const askedStep = reference.step[r] as number;
          const t = oracleAtOrBefore(target, askedStep);
          if (t < 0) return void expect(got).toMatchObject({ why: 'before-first', askedStep });
          expect(got).toEqual({
            found: true,
            index: t,
            step: target.step[t],
            value: target.value[t],
            exact: target.step[t] === askedStep,
            askedStep,
          });
        }),
        { numRuns: 400 },
      );
    });
  }
});
