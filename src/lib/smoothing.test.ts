import { describe, expect, it } from 'vitest';
import { smoothEma } from './smoothing';

const steps = (n: number) => Float64Array.from({ length: n }, (_, i) => i);

/** TensorBoard's loop, written out plainly (tensorboard/webapp/widgets/line_chart_v2). */
function tensorboard(values: number[], weight: number): number[] {
  let last = 0;
  let finite = 0;
  return values.map((v) => {
    if (!Number.isFinite(v)) return NaN;
    last = last * weight + (1 - weight) * v;
    finite++;
    return last / (1 - Math.pow(weight, finite));
  });
}

describe('smoothEma', () => {
  it('matches TensorBoard on evenly spaced steps', () => {
    const values = [1, 2, 3, 10, 2, 1, 0.5, 7];
    const out = smoothEma(steps(values.length), Float64Array.from(values), 0.6);
    const expected = tensorboard(values, 0.6);
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 12));
    expect(out[0]).toBe(1); // debiased: the first point is itself
    expect(out[2]).toBeCloseTo(1.824 / 0.784, 12);
  });

  it('is the identity at weight 0 and keeps a constant constant', () => {
    expect([...smoothEma(steps(3), Float64Array.of(4, 5, 6), 0)]).toEqual([4, 5, 6]);
    const flat = smoothEma(steps(100), new Float64Array(100).fill(3), 0.99);
    expect(flat.every((v) => Math.abs(v - 3) < 1e-9)).toBe(true);
  });

  it('passes NaN and ±Infinity through as NaN without poisoning later points', () => {
    const values = [1, NaN, 2, Infinity, 3, -Infinity, 4];
    const out = smoothEma(steps(values.length), Float64Array.from(values), 0.6);
    expect([out[1], out[3], out[5]].every(Number.isNaN)).toBe(true);
    // The debias counts finite points only: same as smoothing 1, 2, 3, 4 on their own.
    const finite = tensorboard([1, 2, 3, 4], 0.6);
    expect(out[0]).toBeCloseTo(finite[0] as number, 12);
    expect(out[6]).toBeCloseTo(finite[3] as number, 12);
  });

  it('forgets more across a long gap in steps, as the missing points would have', () => {
    const x = Float64Array.of(0, 1, 2, 3, 4, 14, 15);
    const y = Float64Array.of(0, 0, 0, 0, 0, 10, 10);
    const out = smoothEma(x, y, 0.6);
    // Gap 10 at a typical gap of 1: the weight is 0.6^10, so the new level dominates at once.
    expect(out[5]).toBeGreaterThan(9.9);
    const even = smoothEma(steps(7), y, 0.6);
    expect(even[5]).toBeLessThan(7);
    expect(out.every(Number.isFinite)).toBe(true);
  });

  it('tolerates repeated steps, empty input and out-of-range weights', () => {
    expect(smoothEma(new Float64Array(0), new Float64Array(0), 0.6)).toHaveLength(0);
    const out = smoothEma(Float64Array.of(1, 1, 2), Float64Array.of(1, 3, 5), 0.6);
    expect(out.every(Number.isFinite)).toBe(true);
    expect(smoothEma(steps(2), Float64Array.of(1, 2), 1.5).every(Number.isFinite)).toBe(true);
    expect([...smoothEma(steps(2), Float64Array.of(1, 2), -1)]).toEqual([1, 2]);
  });
});
