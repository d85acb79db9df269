import { describe, expect, it } from 'vitest';
import { m4, minMaxLttb, reduce } from './index';
import { prng, randomSeries } from './test-series';

function sprinkle(y: Float64Array, seed: number, share: number) {
  const random = prng(seed);
  const kinds = [NaN, Infinity, -Infinity];
  for (let i = 0; i < y.length; i++) {
    if (random() < share) y[i] = kinds[Math.floor(random() * 3)] as number;
  }
}

describe('reduce', () => {
  it('returns every point, exact, when there are no more than asked', () => {
    const { x, y } = randomSeries(1_000, 1);
    y[10] = NaN;
    const r = reduce(x, y, 1_000);
    expect(r.exact).toBe(true);
    expect([...r.x]).toEqual([...x]);
    expect(r.bandMin[10]).toBeNaN();
    expect(r.bandMin[11]).toBe(y[11]);
  });

  it('is MinMaxLTTB above the target, M4 on request', () => {
    const { x, y } = randomSeries(50_000, 2);
    expect([...reduce(x, y, 1_000).index]).toEqual([...minMaxLttb(x, y, 1_000).index]);
    expect([...reduce(x, y, 1_000, 'm4').index]).toEqual([...m4(x, y, 250).index]);
  });

  for (const method of ['minmaxlttb', 'm4'] as const) {
    for (const share of [0, 0.0005, 0.05, 0.5, 1]) {
      it(`never exceeds the target, non-finite markers included (${method}, ${share * 100}% non-finite)`, () => {
        for (const [j, n] of [0, 1, 2, 9, 1_000, 30_000, 60_003].entries()) {
          for (const target of [1, 2, 3, 10, 37, 500, 2_000]) {
            const { x, y } = randomSeries(n, n + target + j, true);
            sprinkle(y, n * 7 + target, share);
            const r = reduce(x, y, target, method);
            expect(r.x.length).toBeLessThanOrEqual(target);
            expect(r.x.every((v, i) => i === 0 || v > (r.x[i - 1] as number))).toBe(true);
            if (n > 0 && target >= 2) {
              expect(r.x[0]).toBe(x[0]);
              expect(r.x[r.x.length - 1]).toBe(x[n - 1]);
            }
            if ([...y].some((v) => !Number.isFinite(v)) && target >= 10) {
              expect([...r.y].some((v) => !Number.isFinite(v))).toBe(true);
            }
          }
        }
      });
    }
  }
});
