/**
 * TensorBoard's debiased exponential moving average (tensorboard/webapp's `smoothing` of scalar
 * cards): `weight` 0 draws the raw line, 0.6 is TensorBoard's default, values near 1 smooth hardest.
 *
 * - Non-finite values (NaN, ±Infinity) come out as NaN and are skipped by the average, so one NaN
 *   does not poison the rest of the line; the debias 1 − wⁿ counts finite points only.
 * - Uneven steps: each point's weight is `weight ** (gap / typicalGap)`, where the typical gap is
 *   the median step gap of the series. On evenly spaced steps this is exactly TensorBoard's EMA; where
 *   a run logged sparsely for a while, a long gap forgets the past as much as the missing points
 *   would have. The debias generalises to the running sum of the weights actually used.
 */
export function smoothEma(x: Float64Array, y: Float64Array, weight: number): Float64Array {
  const n = Math.min(x.length, y.length);
  const out = new Float64Array(n);
  const w = Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 0.999999) : 0;
  if (w === 0) {
    for (let i = 0; i < n; i++) {
      const v = y[i] as number;
      out[i] = v - v === 0 ? v : NaN;
    }
    return out;
  }
  const gap = typicalGap(x, n);
  let acc = 0; // EMA of the values, started at 0 as TensorBoard does
  let norm = 0; // the same EMA of 1s: 1 − wⁿ for evenly spaced points
  let prevX = NaN;
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    const xi = x[i] as number;
    const d = xi - prevX;
    // A non-finite point is still a logged step: the gap to the next one is measured from it.
    prevX = xi;
    if (v - v !== 0) {
      out[i] = NaN;
      continue;
    }
    let wi = w;
    // A ratio of 1 is the common case; Math.pow only runs where the spacing changes.
    if (gap > 0 && d > 0 && d !== gap) wi = Math.pow(w, d / gap);
    acc = acc * wi + (1 - wi) * v;
    norm = norm * wi + (1 - wi);
    out[i] = acc / norm;
  }
  return out;
}

const GAP_SAMPLE = 4097;

/** The median gap between consecutive x, from at most ~4k evenly spread gaps; NaN if none. */
function typicalGap(x: Float64Array, n: number): number {
  if (n < 2) return NaN;
  const gaps = n - 1;
  const stride = Math.max(1, Math.floor(gaps / GAP_SAMPLE));
  const sample = new Float64Array(Math.ceil(gaps / stride));
  let k = 0;
  for (let i = 0; i < gaps && k < sample.length; i += stride) {
    const d = (x[i + 1] as number) - (x[i] as number);
    if (d > 0) sample[k++] = d;
  }
  if (k === 0) return NaN;
  const used = sample.subarray(0, k).sort();
  return used[k >> 1] as number;
}
