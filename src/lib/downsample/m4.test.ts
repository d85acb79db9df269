import { describe, expect, it } from 'vitest';
import { m4 } from './m4';
import { randomSeries } from './test-series';
import type { IndexedReduced } from './types';

/** Brute force: each column's raw indices, with the same edges as m4. */
function columns(x: Float64Array, buckets: number): number[][] {
  const n = x.length;
  const out: number[][] = Array.from({ length: buckets }, () => []);
  const x0 = x[0] as number;
  const span = (x[n - 1] as number) - x0;
  for (let i = 0; i < n; i++) {
    let b = 0;
    while (b < buckets - 1 && span > 0 && (x[i] as number) >= x0 + (span * (b + 1)) / buckets) b++;
    out[b]?.push(i);
  }
  return out;
}

function expectIncreasing(r: IndexedReduced) {
  for (let i = 1; i < r.x.length; i++) expect(r.x[i]).toBeGreaterThan(r.x[i - 1] as number);
}

describe('m4', () => {
  it('handles empty, one and two points', () => {
    expect(m4(new Float64Array(0), new Float64Array(0), 10)).toMatchObject({ exact: true });
    const one = m4(Float64Array.of(5), Float64Array.of(1), 10);
    expect([...one.x]).toEqual([5]);
    expect(one.exact).toBe(true);
    const two = m4(Float64Array.of(1, 2), Float64Array.of(3, 4), 1);
    expect([...two.y]).toEqual([3, 4]);
    expect([...two.bandMin]).toEqual([3, 3]);
    expect(two.exact).toBe(true);
  });

  for (const [n, buckets, uneven] of [
    [3, 1, false],
    [100, 7, false],
    [1000, 50, true],
    [10_007, 250, false],
    [100_000, 500, true],
  ] as const) {
    it(`keeps every column's first, last, min and max (n=${n}, ${buckets} columns${uneven ? ', uneven steps' : ''})`, () => {
      const { x, y } = randomSeries(n, n + buckets, uneven);
      const r = m4(x, y, buckets);
      expect(r.x.length).toBeLessThanOrEqual(4 * buckets);
      expectIncreasing(r);
      expect(r.x[0]).toBe(x[0]);
      expect(r.x[r.x.length - 1]).toBe(x[n - 1]);
      const kept = new Set(r.index);
      for (const col of columns(x, buckets)) {
        if (col.length === 0) continue;
        const values = col.map((i) => y[i] as number);
        const lo = Math.min(...values);
        const hi = Math.max(...values);
        expect(kept.has(col[0] as number)).toBe(true);
        expect(kept.has(col[col.length - 1] as number)).toBe(true);
        expect(col.some((i) => kept.has(i) && y[i] === lo)).toBe(true);
        expect(col.some((i) => kept.has(i) && y[i] === hi)).toBe(true);
        for (const i of col.filter((i) => kept.has(i))) {
          const k = r.index.indexOf(i);
          expect([r.bandMin[k], r.bandMax[k]]).toEqual([lo, hi]);
        }
      }
      expect(r.exact).toBe(r.x.length === n);
      for (let k = 0; k < r.x.length; k++) expect(r.y[k]).toBe(y[r.index[k] as number]);
    });
  }

  it('keeps a non-finite point in each column holding one, with a NaN band, and skips it for min/max', () => {
    const { x, y } = randomSeries(10_000, 3);
    y[1234] = NaN;
    y[5000] = Infinity;
    y[8765] = -Infinity;
    const r = m4(x, y, 100);
    expect(r.x.length).toBeLessThanOrEqual(5 * 100);
    for (const i of [1234, 5000, 8765]) {
      const k = r.index.indexOf(i);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(r.bandMin[k]).toBeNaN();
      expect(r.bandMax[k]).toBeNaN();
    }
    for (let k = 0; k < r.x.length; k++) {
      const v = r.y[k] as number;
      if (Number.isFinite(v)) expect(Number.isFinite(r.bandMax[k])).toBe(true);
    }
    expectIncreasing(r);
  });

  it('turns an all-NaN series into markers with NaN bands', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => i);
    const y = new Float64Array(1000).fill(NaN);
    const r = m4(x, y, 10);
    expect(r.x.length).toBeLessThanOrEqual(40);
    expect(r.x[0]).toBe(0);
    expect(r.x[r.x.length - 1]).toBe(999);
    expect([...r.y].every(Number.isNaN)).toBe(true);
    expect([...r.bandMax].every(Number.isNaN)).toBe(true);
  });
});
