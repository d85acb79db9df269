import { describe, expect, it } from 'vitest';
import { pixelCovered, type Geometry } from './spikes.ts';

// 1,000 steps over 100 px (10 steps per pixel column), values 0..100 over 100 px.
const g: Geometry = { x: [0, 1000], y: [0, 100], width: 100, height: 100 };

describe('pixelCovered', () => {
  it('counts a spike that is a vertex', () => {
    expect(pixelCovered([0, 500, 1000], [0, 90, 0], 500, 90, g)).toBe(true);
  });

  it('counts a smaller spike in the same column, crossed by the run up to a larger one', () => {
    // Column 50 holds steps 500..509; its drawn vertices reach 0 and 95.
    expect(pixelCovered([0, 500, 505, 509, 1000], [0, 0, 95, 0, 0], 503, 60, g)).toBe(true);
  });

  it('misses a spike whose column the line only crosses near the baseline', () => {
    expect(pixelCovered([0, 400, 600, 1000], [0, 1, 1, 0], 500, 60, g)).toBe(false);
  });

  it('misses a spike drawn in a neighbouring column only', () => {
    expect(pixelCovered([0, 480, 481, 482, 1000], [0, 0, 95, 0, 0], 530, 95, g)).toBe(false);
  });

  it('does not bridge a gap left by a non-finite value', () => {
    expect(pixelCovered([0, 500, 1000], [0, Number.NaN, 100], 500, 50, g)).toBe(false);
  });
});
