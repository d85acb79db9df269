import { describe, expect, it } from 'vitest';
import {
  formatZoom,
  lastIndexAtOrBefore,
  nearestIndex,
  parseZoom,
  stepWindowOf,
  undrawable,
  unionWindow,
  valuesAt,
  xCoordinates,
} from './chart-axes';

const xs = Float64Array.from([0, 10, 20, 30]);

describe('lookups in sorted steps', () => {
  it('finds the last index at or before x', () => {
    expect(lastIndexAtOrBefore(xs, -1)).toBe(-1);
    expect(lastIndexAtOrBefore(xs, 10)).toBe(1);
    expect(lastIndexAtOrBefore(xs, 29)).toBe(2);
    expect(lastIndexAtOrBefore(xs, 99)).toBe(3);
  });
  it('finds the nearest index, ties going left', () => {
    expect(nearestIndex(xs, 14)).toBe(1);
    expect(nearestIndex(xs, 15)).toBe(1);
    expect(nearestIndex(xs, 16)).toBe(2);
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 50)).toBe(3);
    expect(nearestIndex(new Float64Array(), 1)).toBe(-1);
  });
  it('carries values through to other x positions', () => {
    expect([...valuesAt(xs, [1, 2, 3, 4], [0, 21, 30])]).toEqual([1, 3, 4]);
  });
});

describe('x coordinates', () => {
  const ts = Float64Array.from([5000, 6000, 8000, 9000]);
  it('uses steps, wall times or seconds since the first point', () => {
    expect(xCoordinates('step', xs, ts)).toBe(xs);
    expect(xCoordinates('wall', xs, ts)).toBe(ts);
    expect([...xCoordinates('relative', xs, ts)]).toEqual([0, 1, 3, 4]);
    expect([...xCoordinates('relative', xs, ts, 4000)]).toEqual([1, 2, 4, 5]);
  });
});

describe('zoom windows', () => {
  it('maps an x range to the steps inside it, in either drag direction', () => {
    const ts = Float64Array.from([100, 200, 300, 400]);
    expect(stepWindowOf(ts, xs, 350, 150)).toEqual({ startStep: 10, endStep: 20 });
    expect(stepWindowOf(ts, xs, 210, 290)).toBeNull();
  });
  it('joins windows and skips empty ones', () => {
    expect(unionWindow([null, { startStep: 5, endStep: 9 }, { startStep: 2, endStep: 7 }])).toEqual(
      { startStep: 2, endStep: 9 },
    );
    expect(unionWindow([null])).toBeNull();
  });
  it('round-trips through the URL and rejects nonsense', () => {
    expect(parseZoom(formatZoom({ startStep: 12, endStep: 480 }))).toEqual({
      startStep: 12,
      endStep: 480,
    });
    expect(parseZoom('-5-10')).toEqual({ startStep: -5, endStep: 10 });
    expect(parseZoom('10-5')).toBeNull();
    expect(parseZoom('abc')).toBeNull();
    expect(parseZoom(null)).toBeNull();
  });
});

describe('undrawable values', () => {
  it('counts NaN, infinities and, on a log scale, values ≤ 0', () => {
    const v = [1, Number.NaN, 0, -2, Number.POSITIVE_INFINITY, 3];
    expect(undrawable(v, 'linear')).toEqual({ nan: 1, infinite: 1, outOfRange: 0, nonPositive: 0 });
    expect(undrawable(v, 'log')).toEqual({ nan: 1, infinite: 1, outOfRange: 0, nonPositive: 2 });
  });

  it('counts finite values beyond the plot range (a diverged run) apart from the infinities', () => {
    const v = [1e308, -1e308, 1e300, Number.NEGATIVE_INFINITY, 1e-310, 0.5];
    expect(undrawable(v, 'linear')).toEqual({ nan: 0, infinite: 1, outOfRange: 2, nonPositive: 0 });
    // On a log scale 1e-310 is too close to 0 to have a decade; -1e308 is ≤ 0 before anything else.
    expect(undrawable(v, 'log')).toEqual({ nan: 0, infinite: 1, outOfRange: 2, nonPositive: 1 });
  });
});
