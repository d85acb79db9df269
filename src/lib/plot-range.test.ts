import { describe, expect, it } from 'vitest';
import { PLOT_MAX, PLOT_MIN, inPlotRange, safeDomain, svgCoordinate } from './plot-range';

describe('inPlotRange', () => {
  it('takes finite values up to 1e300 on a linear axis', () => {
    for (const v of [0, -0, 1, -1e300, 1e300, 5e-324])
      expect(inPlotRange(v, false), `${v}`).toBe(true);
    for (const v of [Number.NaN, Infinity, -Infinity, 1e308, -1e308, 1.0000001e300])
      expect(inPlotRange(v, false), `${v}`).toBe(false);
  });

  it('takes 1e-300 … 1e300 on a log axis', () => {
    for (const v of [1e-300, 1, 1e300]) expect(inPlotRange(v, true), `${v}`).toBe(true);
    for (const v of [0, -1, 5e-324, 1e-301, 1e308, Infinity, Number.NaN])
      expect(inPlotRange(v, true), `${v}`).toBe(false);
  });

  it('leaves room for the axes: twice the limit, padded, is still finite', () => {
    expect(Number.isFinite(PLOT_MAX - -PLOT_MAX)).toBe(true);
    expect(Number.isFinite(2 * PLOT_MAX * 1.1 * 10)).toBe(true);
    expect(1 / PLOT_MIN).toBeLessThan(Number.MAX_VALUE);
  });
});

describe('safeDomain', () => {
  it('keeps a usable domain', () => {
    expect(safeDomain([0, 10], false)).toEqual([0, 10]);
    expect(safeDomain([-1e300, 1e300], false)).toEqual([-1e300, 1e300]);
    expect(safeDomain([0.01, 100], true)).toEqual([0.01, 100]);
  });

  it('replaces empty, reversed, non-finite and overflowing domains', () => {
    expect(safeDomain([3, 3], false)).toEqual([0, 1]);
    expect(safeDomain([5, 1], false)).toEqual([0, 1]);
    expect(safeDomain([Number.NaN, 1], false)).toEqual([0, 1]);
    expect(safeDomain([-Infinity, Infinity], false)).toEqual([0, 1]);
    // Both ends finite, the span not: 1e308 − (−1e308) overflows.
    expect(safeDomain([-1e308, 1e308], false)).toEqual([0, 1]);
    expect(safeDomain([0, 5e-324], false)).toEqual([0, 1]);
    expect(safeDomain([0, 10], true)).toEqual([0.1, 1]);
    expect(safeDomain([3, 3], false, [3, 4])).toEqual([3, 4]);
    // A fallback that is itself unusable is not taken.
    expect(safeDomain([1e300, 1e300], false, [1e300, 1e300 + 1])).toEqual([0, 1]);
  });
});

describe('svgCoordinate', () => {
  it('rounds to a tenth, holds ±1e6, and refuses what no attribute takes', () => {
    expect(svgCoordinate(1 / 3)).toBe('0.3');
    expect(svgCoordinate(-0.01)).toBe('0');
    expect(svgCoordinate(5e9)).toBe('1000000');
    expect(svgCoordinate(-5e9)).toBe('-1000000');
    expect(svgCoordinate(Number.NaN)).toBeNull();
    expect(svgCoordinate(Infinity)).toBeNull();
    expect(svgCoordinate(-Infinity)).toBeNull();
  });
});

it('PLOT_MIN is a normal number', () => {
  expect(PLOT_MIN).toBeGreaterThan(2.2250738585072014e-308);
});
