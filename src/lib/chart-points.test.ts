import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  extent,
  logTicks,
  niceLinearTicks,
  MAX_POINTS_PER_CHART,
  paddedDomain,
  pointsPerRun,
  sparklinePoints,
} from './chart-points';

describe('chart points', () => {
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
    expect(pointsPerRun(500, 1)).toBe(2048);
    expect(pointsPerRun(512, 1)).toBe(2048);
    expect(pointsPerRun(513, 1)).toBe(2304);
    expect(pointsPerRun(1300, 1)).toBe(5376);
    expect(pointsPerRun(600, 20)).toBe(500);
    expect(pointsPerRun(1200, 10)).toBe(1000);
    for (const runs of [1, 7, 20, 100]) {
      expect(pointsPerRun(4000, runs) * runs).toBeLessThanOrEqual(MAX_POINTS_PER_CHART);
    }
    expect(pointsPerRun(0, 1)).toBeGreaterThan(0);
  });
  it('asks four points per pixel for a sparkline (an M4 column each), at least four columns', () => {
    expect(sparklinePoints(94)).toBe(376);
    expect(sparklinePoints(93.2)).toBe(376);
    expect(sparklinePoints(3)).toBe(16);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(sparklinePoints(bad)).toBe(16);
    }
  });
});

describe('niceLinearTicks', () => {
  it('spans the range with tidy steps', () => {
    expect(niceLinearTicks([0.13, 0.87])).toEqual({
      domain: [0, 1],
      ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
    });
    expect(niceLinearTicks([-3, 47])).toEqual({
      domain: [-10, 50],
      ticks: [-10, 0, 10, 20, 30, 40, 50],
    });
  });

  it('covers the data and keeps every tick inside the domain', () => {
    for (const [a, b] of [
      [1e-7, 3e-7],
      [12_345, 98_765],
      [-0.004, 0.0031],
      [2.5, 2.5000001],
    ] as [number, number][]) {
      const { domain, ticks } = niceLinearTicks([a, b]);
      expect(domain[0]).toBeLessThanOrEqual(a);
      expect(domain[1]).toBeGreaterThanOrEqual(b);
      expect(ticks[0]).toBe(domain[0]);
      expect(ticks.at(-1)).toBe(domain[1]);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(11);
    }
  });

  it('passes an empty or non-finite range through', () => {
    expect(niceLinearTicks([1, 1]).domain).toEqual([1, 1]);
    expect(niceLinearTicks([Number.NaN, 1]).ticks).toEqual([]);
  });
  it('puts tidy x ticks inside the exact domain', () => {
    expect(axisTicks([3, 997], 5)).toEqual([200, 400, 600, 800]);
    expect(axisTicks([0, 1_000_000], 4)).toEqual([0, 500_000, 1_000_000]);
    expect(axisTicks([5, 5], 4)).toEqual([5]);
  });
});
