import { describe, expect, it } from 'vitest';
import { minMaxLttb } from './minmax-lttb';
import { gaussian, prng, randomSeries } from './test-series';
import type { IndexedReduced } from './types';

function checkShape(r: IndexedReduced, x: Float64Array, y: Float64Array, target: number) {
  const n = x.length;
  expect(r.x.length).toBeLessThanOrEqual(Math.max(target, 0));
  expect(r.x.every((v, i) => i === 0 || v > (r.x[i - 1] as number))).toBe(true);
  if (n > 0 && target >= 2) {
    expect(r.x[0]).toBe(x[0]);
    expect(r.x[r.x.length - 1]).toBe(x[n - 1]);
  }
  const bad = [...r.index].findIndex((i, k) => {
    const v = r.y[k] as number;
    if (r.x[k] !== x[i] || !Object.is(v, y[i])) return true;
    return Number.isFinite(v) && !((r.bandMin[k] as number) <= v && (r.bandMax[k] as number) >= v);
  });
  expect(bad).toBe(-1);
}

describe('minMaxLttb', () => {
  const sizes = [0, 1, 2, 3, 10, 101, 2_000, 20_011, 100_000];
  const targets = [1, 2, 3, 10, 64, 500, 2_000];
  for (const n of sizes) {
    it(`keeps shape, first/last, and the whole range in its band (n=${n})`, () => {
      for (const [j, target] of targets.entries()) {
        const { x, y } = randomSeries(n, 17 * n + j, j % 2 === 1);
        const r = minMaxLttb(x, y, target);
        checkShape(r, x, y, target);
        expect(r.exact).toBe(n <= target);
        if (n > 0 && target >= 3 && n > target) {
          // Buckets tile the series: the bands reach its extremes.
          const finite = [...y];
          expect(Math.max(...r.bandMax)).toBe(Math.max(...finite));
          expect(Math.min(...r.bandMin)).toBe(Math.min(...finite));
        }
        if (n > 0 && n <= target) expect([...r.y]).toEqual([...y]);
      }
    });
  }

  it('always keeps a +10σ spike, wherever it is', () => {
    const random = prng(42);
    const normal = gaussian(random);
    for (let trial = 0; trial < 200; trial++) {
      const n = 5_000 + Math.floor(random() * 100_000);
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        x[i] = i;
        y[i] = normal();
      }
      const at = Math.floor(random() * n);
      const sign = trial % 2 === 0 ? 1 : -1;
      y[at] = sign * 10;
      const r = minMaxLttb(x, y, 200 + Math.floor(random() * 2_000));
      expect(r.index.includes(at), `trial ${trial}: spike at ${at} of ${n}`).toBe(true);
    }
  }, 30_000);

  it('keeps every isolated NaN and ±Infinity as a point with a NaN band', () => {
    const { x, y } = randomSeries(100_000, 9);
    const odd = new Map([
      [10_000, NaN],
      [30_000, Infinity],
      [50_000, -Infinity],
      [70_000, NaN],
    ]);
    for (const [i, v] of odd) y[i] = v;
    const r = minMaxLttb(x, y, 500);
    for (const [i, v] of odd) {
      const k = r.index.indexOf(i);
      expect(k, `point ${i}`).toBeGreaterThanOrEqual(0);
      expect(Object.is(r.y[k], v)).toBe(true);
      expect(r.bandMin[k]).toBeNaN();
    }
    // The finite neighbours still carry the bucket's finite range.
    expect([...r.bandMax].filter(Number.isFinite).length).toBeGreaterThan(400);
  });

  it('reduces an all-NaN series to markers', () => {
    const x = Float64Array.from({ length: 10_000 }, (_, i) => i);
    const y = new Float64Array(10_000).fill(NaN);
    const r = minMaxLttb(x, y, 100);
    checkShape(r, x, y, 100);
    expect(r.x.length).toBeGreaterThan(50);
    expect([...r.y].every(Number.isNaN)).toBe(true);
    expect([...r.bandMin].every(Number.isNaN)).toBe(true);
  });

  it('skips empty buckets on very uneven steps', () => {
    const x = Float64Array.of(0, 1, 2, 3, 1_000_000, 1_000_001, 1_000_002);
    const y = Float64Array.of(1, 5, 2, 3, 4, 9, 6);
    const r = minMaxLttb(x, y, 5);
    checkShape(r, x, y, 5);
  });
});
