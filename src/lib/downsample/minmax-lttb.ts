// Written by us, not taken from a package: this is the heart of the product, and the
// npm options work on boxed {x,y} objects at a fraction of the speed.
import {
  emptyReduced,
  exactCopy,
  type IndexedReduced,
  isNonFinite,
  lowerBound,
  ReducedBuilder,
} from './types';
import { MAX, MAX_AT, MIN, MIN_AT, NON_FINITE_AT, scanBin } from './scan';

/**
 * MinMaxLTTB (Van Der Donckt et al., IEEE VIS 2023): the points between the first and the last are
 * cut into `target - 2` equal-width x buckets; each bucket is split into `ratio / 2` sub-bins whose
 * min and max finite points are the candidates (one pass over the data); then LTTB keeps, per bucket,
 * the candidate making the largest triangle with the point kept before it and the mean of the next
 * bucket's candidates. First and last points are always kept.
 *
 * Buckets are whole groups of sub-bins, so a kept point's band is exactly the finite min/max of every
 * raw point in its bucket. Known limit: two spikes in one bucket keep only one, but
 * the band still reaches the other; M4 is the mode that keeps every column's extremes.
 *
 * Non-finite values: candidates, means and areas use finite values only. A bucket holding NaN or
 * ±Infinity also keeps its first non-finite point (with a NaN band), so it may emit 2 points and the
 * output can reach `2 * target - 2`; `reduce` shrinks the target until the output fits. Input x must
 * be sorted ascending (strictly, for a strictly increasing output).
 */
export function minMaxLttb(
  x: Float64Array,
  y: Float64Array,
  target: number,
  ratio = 4,
): IndexedReduced {
  const n = Math.min(x.length, y.length);
  const t = Math.floor(target);
  if (n === 0) return emptyReduced(true);
  if (!(t >= 1)) return emptyReduced(false);
  if (n <= t) return exactCopy(x, y, n);
  if (t < 3) {
    const out = new ReducedBuilder(x, y, 2);
    out.pushSelf(0);
    if (t === 2) out.pushSelf(n - 1);
    return out.finish(n);
  }

  const buckets = t - 2;
  const perBucket = Math.max(1, Math.floor(ratio / 2));
  const bins = buckets * perBucket;
  // Per bucket: up to 2 candidates per sub-bin, its finite band, its first non-finite point.
  const cand = new Int32Array(bins * 2);
  const candStart = new Int32Array(buckets + 1);
  const bandLo = new Float64Array(buckets);
  const bandHi = new Float64Array(buckets);
  const marker = new Int32Array(buckets);
  const meanX = new Float64Array(buckets);
  const meanY = new Float64Array(buckets);
  const scan = new Float64Array(5);

  const x0 = x[0] as number;
  const span = (x[n - 1] as number) - x0;
  const last = n - 1;
  let lo = 1;
  let c = 0;
  for (let b = 0; b < buckets; b++) {
    candStart[b] = c;
    let bMin = Infinity;
    let bMax = -Infinity;
    let nonFinite = -1;
    let sumX = 0;
    let sumY = 0;
    for (let s = 0; s < perBucket; s++) {
      const edge = b * perBucket + s + 1;
      let hi = last;
      if (edge < bins && span > 0) hi = lowerBound(x, x0 + (span * edge) / bins, lo, last);
      if (hi <= lo) continue;
      scanBin(y, lo, hi, scan);
      const iMin = scan[MIN_AT] as number;
      const iMax = scan[MAX_AT] as number;
      const mn = scan[MIN] as number;
      const mx = scan[MAX] as number;
      if (nonFinite < 0) nonFinite = scan[NON_FINITE_AT] as number;
      if (iMin >= 0) {
        const first = iMin < iMax ? iMin : iMax;
        const second = iMin < iMax ? iMax : iMin;
        cand[c++] = first;
        sumX += x[first] as number;
        sumY += y[first] as number;
        if (second !== first) {
          cand[c++] = second;
          sumX += x[second] as number;
          sumY += y[second] as number;
        }
        if (mn < bMin) bMin = mn;
        if (mx > bMax) bMax = mx;
      }
      lo = hi;
    }
    const count = c - (candStart[b] as number);
    bandLo[b] = count > 0 ? bMin : NaN;
    bandHi[b] = count > 0 ? bMax : NaN;
    marker[b] = nonFinite;
    meanX[b] = count > 0 ? sumX / count : NaN;
    meanY[b] = count > 0 ? sumY / count : NaN;
  }
  candStart[buckets] = c;

  const out = new ReducedBuilder(x, y, 2 + 2 * buckets);
  out.pushSelf(0);
  const lastX = x[last] as number;
  const lastY = y[last] as number;
  let aX = x0;
  let aY = y[0] as number;
  let aFinite = !isNonFinite(aY);
  let next = 0; // the next bucket with candidates, found lazily (empty buckets are skipped)
  for (let b = 0; b < buckets; b++) {
    const from = candStart[b] as number;
    const to = candStart[b + 1] as number;
    const mark = marker[b] as number;
    if (from === to) {
      if (mark >= 0) out.push(mark, NaN, NaN);
      continue;
    }
    if (next <= b) {
      next = b + 1;
      while (next < buckets && candStart[next] === candStart[next + 1]) next++;
    }
    let nX = lastX;
    let nY = lastY;
    if (next < buckets) {
      nX = meanX[next] as number;
      nY = meanY[next] as number;
    }
    if (!aFinite) {
      // Nothing finite kept yet (the series starts non-finite): measure from this bucket's mean.
      aX = meanX[b] as number;
      aY = meanY[b] as number;
    }
    if (isNonFinite(nY)) nY = aY;

    let best = cand[from] as number;
    let bestArea = -1;
    const dx = aX - nX;
    const dy = nY - aY;
    for (let k = from; k < to; k++) {
      const i = cand[k] as number;
      // Twice the triangle's area; the constant factor does not change the argmax.
      const area = Math.abs(dx * ((y[i] as number) - aY) - (aX - (x[i] as number)) * dy);
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    if (mark >= 0 && mark < best) out.push(mark, NaN, NaN);
    out.push(best, bandLo[b] as number, bandHi[b] as number);
    if (mark > best) out.push(mark, NaN, NaN);
    aX = x[best] as number;
    aY = y[best] as number;
    aFinite = true;
  }
  out.pushSelf(last);
  return out.finish(n);
}
