import { describe, expect, it } from 'vitest';
import { quantile, snapToVsync } from './stats.ts';

describe('snapToVsync', () => {
  const v = 1000 / 60;
  it('reads timestamp jitter as one interval and a missed vsync as two', () => {
    expect(snapToVsync([16.5, 16.8, 17.4, 33.3, 50.2], v)).toEqual([v, v, v, 2 * v, 3 * v]);
  });
  it('never reads a short frame as zero intervals', () => {
    expect(snapToVsync([2, 7.9], v)).toEqual([v, v]);
  });
  it('keeps a p95 above one interval when more than 5% of frames miss', () => {
    const deltas = [...Array<number>(90).fill(16.7), ...Array<number>(10).fill(33.4)];
    expect(quantile(snapToVsync(deltas, v), 0.95)).toBeCloseTo(2 * v);
  });
});
