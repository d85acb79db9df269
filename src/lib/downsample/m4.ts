// Written by us, not taken from a package: this is the heart of the product, and the
// npm options work on boxed {x,y} objects at a fraction of the speed.
import { emptyReduced, type IndexedReduced, lowerBound, ReducedBuilder } from './types';
import { MAX, MAX_AT, MIN, MIN_AT, NON_FINITE_AT, scanBin } from './scan';

/**
 * M4 (Jugel et al., PVLDB 2014): the x range is cut into `buckets` equal-width columns, and each
 * column keeps its first and last raw point and the points holding its minimum and maximum finite
 * value. Drawn as a line at one column per pixel, this is pixel-identical to drawing every point.
 *
 * Non-finite values: min and max look at finite values only. A column holding NaN or ±Infinity also
 * keeps its first non-finite point (unless that is already its first or last point), so such a
 * column emits at most 5 points; all other columns at most 4. `reduce` accounts for that budget.
 *
 * Every finite point of a column carries the column's finite min/max as its band; non-finite points
 * carry NaN. Input x must be sorted ascending (strictly, for a strictly increasing output).
 * One pass over the data (see scan.ts); the only allocations are the output arrays.
 */
export function m4(x: Float64Array, y: Float64Array, buckets: number): IndexedReduced {
  const n = Math.min(x.length, y.length);
  const columns = Math.floor(buckets);
  if (n === 0) return emptyReduced(true);
  if (!(columns >= 1)) return emptyReduced(false);

  const out = new ReducedBuilder(x, y, Math.min(n, 5 * columns));
  const x0 = x[0] as number;
  const span = (x[n - 1] as number) - x0;
  const picks = new Int32Array(5);
  const scan = new Float64Array(5);
  let lo = 0;
  for (let b = 0; b < columns && lo < n; b++) {
    let hi = n;
    // Edges are found by binary search, so the scan below needs no division per point.
    if (b < columns - 1 && span > 0) hi = lowerBound(x, x0 + (span * (b + 1)) / columns, lo, n);
    if (hi <= lo) continue;

    scanBin(y, lo, hi, scan);
    const iMin = scan[MIN_AT] as number;
    const iMax = scan[MAX_AT] as number;
    const nonFinite = scan[NON_FINITE_AT] as number;
    const mn = scan[MIN] as number;
    const mx = scan[MAX] as number;

    const count = sortUnique(picks, lo, iMin, iMax, hi - 1, nonFinite);
    const bandLo = iMin >= 0 ? mn : NaN;
    const bandHi = iMax >= 0 ? mx : NaN;
    for (let k = 0; k < count; k++) out.push(picks[k] as number, bandLo, bandHi);
    lo = hi;
  }
  return out.finish(n);
}

/** Writes the distinct non-negative values among a..e into `into`, ascending; returns how many. */
export function sortUnique(
  into: Int32Array,
  a: number,
  b: number,
  c: number,
  d: number,
  e: number,
): number {
  let count = 0;
  const add = (v: number) => {
    if (v < 0) return;
    let k = count;
    while (k > 0 && (into[k - 1] as number) > v) {
      into[k] = into[k - 1] as number;
      k--;
    }
    if (k > 0 && into[k - 1] === v) {
      // Already present: undo the shift.
      for (let j = k; j < count; j++) into[j] = into[j + 1] as number;
      return;
    }
    into[k] = v;
    count++;
  };
  add(a);
  add(b);
  add(c);
  add(d);
  add(e);
  return count;
}
