import { describe, expect, it } from 'vitest';
import { buildAxes, buildAxis, numberOf } from './axes';
import type { Axis, CategoricalAxis, NumericAxis } from './axes';
import {
  brushFromPositions,
  brushSpans,
  brushedRuns,
  fillBrushMask,
  keyboardBrush,
  withBrush,
} from './brush';
import { random, runsOf } from './test-runs';
import type { AxisValue, Brush, Brushes, ParcoordsRun } from './types';

const linear = (key: string) => ({ key, scale: 'linear' as const });
const ids = (runs: readonly ParcoordsRun[]) => runs.map((r) => r.id);

const cmp = runsOf([
  { 'p:lr': '0.01', 'p:opt': 'adam', 'm:loss': 0.37 },
  { 'p:lr': '0.1', 'p:opt': 'sgd', 'm:loss': 0.61 },
  { 'p:lr': '0.01', 'p:opt': 'adam', 'm:loss': NaN },
  { 'p:opt': 'rmsprop', 'm:loss': 0.5 },
]);
const cmpAxes = buildAxes([linear('p:lr'), linear('p:opt'), linear('m:loss')], cmp);

describe('brushedRuns', () => {
  it('keeps every run with no brush, or brushes on no shown axis', () => {
    expect(ids(brushedRuns(cmp, cmpAxes, new Map()))).toEqual(['r0', 'r1', 'r2', 'r3']);
    const elsewhere: Brushes = new Map([['p:other', { kind: 'missing' }]]);
    expect(ids(brushedRuns(cmp, cmpAxes, elsewhere))).toEqual(['r0', 'r1', 'r2', 'r3']);
  });

  it('keeps the runs inside a range, ends included', () => {
    const b: Brushes = new Map([['p:lr', { kind: 'range', lo: 0.05, hi: 0.1, missing: false }]]);
    expect(ids(brushedRuns(cmp, cmpAxes, b))).toEqual(['r1']);
    const withMissing: Brushes = new Map([
      ['p:lr', { kind: 'range', lo: 0.01, hi: 0.01, missing: true }],
    ]);
    expect(ids(brushedRuns(cmp, cmpAxes, withMissing))).toEqual(['r0', 'r2', 'r3']);
  });

  it('keeps the runs whose category is in a set, and NaN metrics on the missing slot', () => {
    const b: Brushes = new Map<string, Brush>([
      ['p:opt', { kind: 'set', values: ['adam', 'rmsprop'], missing: false }],
    ]);
    expect(ids(brushedRuns(cmp, cmpAxes, b))).toEqual(['r0', 'r2', 'r3']);
    const both = withBrush(b, 'm:loss', { kind: 'missing' });
    expect(ids(brushedRuns(cmp, cmpAxes, both))).toEqual(['r2']);
  });

  it('ignores a brush that does not fit its axis', () => {
    const b: Brushes = new Map<string, Brush>([
      ['p:opt', { kind: 'range', lo: 0, hi: 1, missing: false }],
      ['p:lr', { kind: 'set', values: ['0.1'], missing: false }],
    ]);
    expect(ids(brushedRuns(cmp, cmpAxes, b))).toHaveLength(4);
  });

  // The oracle: each run tested from its raw values, brush by brush, with no column or mask.
  function inside(run: ParcoordsRun, axes: readonly Axis[], brushes: Brushes): boolean {
    return axes.every((axis) => {
      const brush = brushes.get(axis.key);
      if (!brush) return true;
      const value: AxisValue = run.values.get(axis.key);
      if (axis.kind === 'numeric') {
        if (brush.kind === 'set') return true;
        const n = numberOf(value);
        const missing = n === undefined || !Number.isFinite(n);
        if (brush.kind === 'missing') return missing;
        return missing ? brush.missing : (n as number) >= brush.lo && (n as number) <= brush.hi;
      }
      if (brush.kind === 'range') return true;
      if (value === undefined) return brush.kind === 'missing' || brush.missing;
      return brush.kind === 'set' && brush.values.includes(String(value));
    });
  }

  it('agrees with a brute-force test of each run (random runs and brushes)', () => {
    const next = random(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
    for (let trial = 0; trial < 200; trial++) {
      const runs = runsOf(
        Array.from({ length: 1 + Math.floor(next() * 40) }, () => ({
          'm:a': next() < 0.1 ? undefined : next() < 0.05 ? NaN : Math.round(next() * 100) / 10,
          'p:b': next() < 0.1 ? undefined : pick(['x', 'y', 'z', 'w']),
          'p:c': next() < 0.2 ? undefined : String(pick([1, 2, 4, 8])),
        })),
      );
      const axes = buildAxes([linear('m:a'), linear('p:b'), linear('p:c')], runs);
      const brushes = new Map<string, Brush>();
      for (const axis of axes) {
        if (next() < 0.4) continue;
        const missing = next() < 0.3;
        if (next() < 0.15) brushes.set(axis.key, { kind: 'missing' });
        else if (axis.kind === 'numeric') {
          const [u, v] = [next() * 12 - 1, next() * 12 - 1].sort((x, y) => x - y);
          brushes.set(axis.key, { kind: 'range', lo: u as number, hi: v as number, missing });
        } else {
          const values = ['x', 'y', 'z', 'w', 'v'].filter(() => next() < 0.5);
          brushes.set(axis.key, { kind: 'set', values, missing });
        }
      }
      const expected = runs.filter((r) => inside(r, axes, brushes));
      expect(ids(brushedRuns(runs, axes, brushes))).toEqual(ids(expected));
    }
  });
});

describe('fillBrushMask', () => {
  it('marks inside runs and counts them, in a mask it is given', () => {
    const mask = new Uint8Array(4);
    const columns = cmpAxes.map((a) => {
      const col = new Float64Array(4);
      cmp.forEach((run, r) => {
        const v = run.values.get(a.key);
        col[r] =
          a.kind === 'categorical'
            ? v === undefined
              ? NaN
              : a.categories.indexOf(String(v))
            : (numberOf(v) ?? NaN);
      });
      return col;
    });
    const b: Brushes = new Map([['m:loss', { kind: 'range', lo: 0.4, hi: 1, missing: false }]]);
    expect(fillBrushMask(cmpAxes, columns, b, mask)).toBe(2);
    expect([...mask]).toEqual([0, 1, 0, 1]);
    expect(fillBrushMask(cmpAxes, columns, new Map(), mask)).toBe(4);
  });
});

describe('brushFromPositions', () => {
  const lr = buildAxis(linear('p:lr'), cmp) as NumericAxis; // 0.01 … 0.1
  const opt = buildAxis(linear('p:opt'), cmp) as CategoricalAxis; // adam, rmsprop, sgd

  it('turns a span of a numeric axis into a range rounded outward', () => {
    // Positions 0.5 … 1 are 0.055 … 0.1; the span is 0.09, so ends round to 1e-5.
    expect(brushFromPositions(lr, 1, 0.5, false)).toEqual({
      kind: 'range',
      lo: 0.055,
      hi: 0.1,
      missing: false,
    });
    expect(brushFromPositions(lr, 0.3333, 0.6667, false)).toEqual({
      kind: 'range',
      lo: 0.03999,
      hi: 0.07001,
      missing: false,
    });
  });

  it('clips to the axis, and keeps the missing slot when asked', () => {
    expect(brushFromPositions(lr, -0.3, 0.2, true)).toMatchObject({ lo: 0.01, missing: true });
    expect(brushFromPositions(lr, -0.3, -0.1, true)).toEqual({ kind: 'missing' });
    expect(brushFromPositions(lr, -0.3, -0.1, false)).toBeUndefined();
  });

  it('turns a span of a categorical axis into the categories inside it', () => {
    expect(brushFromPositions(opt, 0, 0.5, false)).toEqual({
      kind: 'set',
      values: ['adam', 'rmsprop'],
      missing: false,
    });
    expect(brushFromPositions(opt, 0.1, 0.4, false)).toBeUndefined();
    expect(brushFromPositions(opt, 0.1, 0.4, true)).toEqual({ kind: 'missing' });
  });

  it('rounds a log axis to four significant digits of the value', () => {
    const runs = runsOf([{ 'm:x': 0.001 }, { 'm:x': 1000 }]);
    const axis = buildAxis({ key: 'm:x', scale: 'log' }, runs) as NumericAxis;
    expect(brushFromPositions(axis, 0.5, 0.75, false)).toEqual({
      kind: 'range',
      lo: 1,
      hi: 31.63,
      missing: false,
    });
  });
});

describe('brushSpans', () => {
  const opt = buildAxis(
    linear('p:o'),
    runsOf(['a', 'b', 'c', 'd', 'e'].map((o) => ({ 'p:o': o }))),
  ) as CategoricalAxis;

  it('draws a set as its runs of contiguous categories', () => {
    expect(brushSpans(opt, { kind: 'set', values: ['a', 'b', 'd', 'zz'], missing: true })).toEqual({
      spans: [
        [0, 0.25],
        [0.75, 0.75],
      ],
      missing: true,
    });
    expect(brushSpans(opt, { kind: 'set', values: ['e'], missing: false }).spans).toEqual([[1, 1]]);
  });

  it('draws a range clipped to the domain, and nothing for one outside it', () => {
    const x = buildAxis(linear('m:x'), runsOf([{ 'm:x': 2 }, { 'm:x': 6 }])) as NumericAxis;
    expect(brushSpans(x, { kind: 'range', lo: 0, hi: 4, missing: false }).spans).toEqual([
      [0, 0.5],
    ]);
    expect(brushSpans(x, { kind: 'range', lo: 7, hi: 9, missing: false }).spans).toEqual([]);
  });
});

describe('keyboardBrush', () => {
  const lr = buildAxis(linear('m:x'), runsOf([{ 'm:x': 0 }, { 'm:x': 10 }])) as NumericAxis;
  const opt = buildAxis(
    linear('p:o'),
    runsOf(['a', 'b', 'c'].map((o) => ({ 'p:o': o }))),
  ) as CategoricalAxis;

  it('starts a brush at the bottom with ↑, at the top with ↓', () => {
    expect(keyboardBrush(lr, undefined, 'grow-up')).toEqual({
      kind: 'range',
      lo: 0,
      hi: 1,
      missing: false,
    });
    expect(keyboardBrush(lr, undefined, 'down')).toMatchObject({ lo: 9, hi: 10 });
    expect(keyboardBrush(opt, undefined, 'up')).toEqual({
      kind: 'set',
      values: ['a'],
      missing: false,
    });
    expect(keyboardBrush(opt, undefined, 'grow-down')).toMatchObject({ values: ['c'] });
  });

  it('grows with Shift and moves without, within the axis', () => {
    const one: Brush = { kind: 'range', lo: 2, hi: 3, missing: true };
    expect(keyboardBrush(lr, one, 'grow-up')).toEqual({
      kind: 'range',
      lo: 2,
      hi: 4,
      missing: true,
    });
    expect(keyboardBrush(lr, one, 'grow-down')).toMatchObject({ lo: 1, hi: 3 });
    expect(keyboardBrush(lr, one, 'up')).toMatchObject({ lo: 3, hi: 4 });
    expect(keyboardBrush(lr, { ...one, lo: 9, hi: 10 }, 'up')).toMatchObject({ lo: 9, hi: 10 });
    expect(keyboardBrush(lr, { ...one, lo: 0, hi: 1 }, 'down')).toMatchObject({ lo: 0, hi: 1 });
    const a: Brush = { kind: 'set', values: ['a'], missing: false };
    expect(keyboardBrush(opt, a, 'grow-up')).toMatchObject({ values: ['a', 'b'] });
    expect(keyboardBrush(opt, a, 'up')).toMatchObject({ values: ['b'] });
  });

  it('keeps a brush on the missing slot alone as it adds values', () => {
    expect(keyboardBrush(opt, { kind: 'missing' }, 'up')).toEqual({
      kind: 'set',
      values: ['a'],
      missing: true,
    });
  });
});
