/** Slots of the scratch array `scanBin` fills. */
export const MIN_AT = 0;
export const MAX_AT = 1;
export const NON_FINITE_AT = 2;
export const MIN = 3;
export const MAX = 4;

/**
 * Finds, in y[lo, hi), the first index of the minimum and of the maximum finite value, and the
 * first non-finite value's index (-1 where there is none), writing them and the two values to
 * `out`. The hot loop is kept as small as possible and runs in its own function, which V8
 * compiles far better than the same loop nested inside a reducer's bookkeeping.
 */
export function scanBin(y: Float64Array, lo: number, hi: number, out: Float64Array): void {
  let mn = Infinity;
  let mx = -Infinity;
  let iMin = -1;
  let iMax = -1;
  // NaN fails every comparison and the sum turns non-finite with any NaN or ±Infinity in the bin:
  // one check after the loop sends those rare bins to the careful scan.
  let sum = 0;
  for (let i = lo; i < hi; i++) {
    const v = y[i] as number;
    sum += v;
    if (v < mn) {
      mn = v;
      iMin = i;
    }
    if (v > mx) {
      mx = v;
      iMax = i;
    }
  }
  if (sum - sum !== 0) {
    scanBinCarefully(y, lo, hi, out);
    return;
  }
  out[MIN_AT] = iMin;
  out[MAX_AT] = iMax;
  out[NON_FINITE_AT] = -1;
  out[MIN] = mn;
  out[MAX] = mx;
}

/** The same, for a bin holding NaN or ±Infinity (or finite values whose sum overflows). */
function scanBinCarefully(y: Float64Array, lo: number, hi: number, out: Float64Array): void {
  let mn = Infinity;
  let mx = -Infinity;
  let iMin = -1;
  let iMax = -1;
  let nonFinite = -1;
  for (let i = lo; i < hi; i++) {
    const v = y[i] as number;
    // -Infinity is always below `mn` and +Infinity above `mx` (neither ever holds one), and NaN
    // fails both comparisons.
    if (v < mn) {
      if (v === -Infinity) {
        if (nonFinite < 0) nonFinite = i;
      } else {
        mn = v;
        iMin = i;
      }
    }
    if (v > mx) {
      if (v === Infinity) {
        if (nonFinite < 0) nonFinite = i;
      } else {
        mx = v;
        iMax = i;
      }
    } else if (v !== v && nonFinite < 0) {
      nonFinite = i;
    }
  }
  out[MIN_AT] = iMin;
  out[MAX_AT] = iMax;
  out[NON_FINITE_AT] = nonFinite;
  out[MIN] = mn;
  out[MAX] = mx;
}
