import { describe, expect, it } from 'vitest';
import {
  bandPoints,
  extent,
  linePoints,
  logTicks,
  MAX_POINTS_PER_CHART,
  paddedDomain,
  pointsPerRun,
} from './chart-points';

describe('chart points', () => {
  it('leaves gaps where a value cannot be drawn', () => {
    const ys = [1, Number.NaN, -1, Number.POSITIVE_INFINITY];
    expect(linePoints([0, 1, 2, 3], ys, 'linear').map((p) => p.y)).toEqual([1, null, -1, null]);
    expect(linePoints([0, 1, 2, 3], ys, 'log').map((p) => p.y)).toEqual([1, null, null, null]);
  });
  it('builds a band from per-point min and max', () => {
    expect(bandPoints([0, 1], [1, Number.NaN], [2, 3], 'linear')).toEqual([
      { x: 0, band: [1, 2] },
      { x: 1, band: null },
    ]);
  });
  it('finds the extent of finite values, positive ones on a log scale', () => {
    expect(extent([[3, Number.NaN, -2], [5]])).toEqual([-2, 5]);
    expect(extent([[3, -2, 0]], 'log')).toEqual([3, 3]);
    expect(extent([[Number.NaN]])).toBeNull();
  });
  it('pads domains and rounds log domains to decades', () => {
    expect(paddedDomain([0, 100], 'linear')).toEqual([-4, 104]);
    expect(paddedDomain([0.02, 30], 'log')).toEqual([0.01, 100]);
    expect(paddedDomain(null, 'linear')).toEqual([0, 1]);
    const [a, b] = paddedDomain([2, 2], 'linear');
    expect(a).toBeLessThan(2);
    expect(b).toBeGreaterThan(2);
  });
  it('puts log ticks on decades, with 2 and 5 between few decades', () => {
    expect(logTicks([0.01, 100])).toEqual([0.01, 0.1, 1, 10, 100]);
    expect(logTicks([0.1, 10])).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
  });
  it('asks for about two points per pixel column, within 20k points per chart', () => {
    expect(pointsPerRun(500, 1)).toBe(1024);
    expect(pointsPerRun(501, 1)).toBe(1024);
    expect(pointsPerRun(1300, 1)).toBe(2816);
    for (const runs of [1, 7, 20, 100]) {
      expect(pointsPerRun(4000, runs) * runs).toBeLessThanOrEqual(MAX_POINTS_PER_CHART);
    }
    expect(pointsPerRun(0, 1)).toBeGreaterThan(0);
  });
});
