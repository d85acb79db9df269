import { describe, expect, it } from 'vitest';
import { smoothEma } from '@/lib/smoothing';
import { transferables } from './protocol';
import type { ChartSeries } from './protocol';
import { seriesClient } from './series-client';

describe('series client', () => {
  it('smooths on the main thread where no Worker exists, leaving the caller’s arrays intact', async () => {
    const step = Float64Array.from([0, 1, 2, 3]);
    const value = Float64Array.from([1, 3, 2, 4]);
    const out = await seriesClient.smooth(step, value, 0.6);
    expect([...out]).toEqual([...smoothEma(step, value, 0.6)]);
    expect(step.length).toBe(4);
    expect(value.length).toBe(4);
  });

  it('lists each buffer of a result once for transfer', () => {
    const a = new Float64Array(2);
    const series: ChartSeries = {
      runId: 'r',
      key: 'k',
      source: 'full',
      rawCount: 2,
      windowCount: 2,
      exact: true,
      running: false,
      step: a,
      value: new Float64Array(2),
      timestamp: new Float64Array(2),
      bandMin: null,
      bandMax: a,
    };
    expect(transferables([series])).toHaveLength(3);
    expect(transferables(new Float64Array(1))).toHaveLength(1);
  });
});
