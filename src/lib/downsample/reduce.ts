import { m4 } from './m4';
import { minMaxLttb } from './minmax-lttb';
import { emptyReduced, exactCopy, type IndexedReduced, type ReduceMethod } from './types';

/**
 * The series as it should be drawn with at most `target` points:
 * - every point (`exact: true`) when there are no more than `target`;
 * - else MinMaxLTTB (ratio 4), or M4 with `target / 4` columns when `method` is 'm4'.
 *
 * The first and last points are always kept (target >= 2), and the output never holds more than
 * `target` points, non-finite markers included. A bucket holding NaN or ±Infinity keeps its first
 * non-finite point on top of its usual picks; when that overflows the budget, the reduction is run
 * again with fewer buckets (target minus the overflow, a few times, never below a bucket count
 * that cannot overflow).
 * Series without non-finite values always take one pass.
 */
export function reduce(
  x: Float64Array,
  y: Float64Array,
  target: number,
  method: ReduceMethod = 'minmaxlttb',
): IndexedReduced {
  const n = Math.min(x.length, y.length);
  const t = Math.floor(target);
  if (n === 0) return emptyReduced(true);
  if (!(t >= 1)) return emptyReduced(false);
  if (n <= t) return exactCopy(x, y, n);
  return method === 'm4' && t >= 8 ? reduceM4(x, y, t) : reduceMinMaxLttb(x, y, t);
}

function reduceMinMaxLttb(x: Float64Array, y: Float64Array, t: number): IndexedReduced {
  // 2 + 2 * (safe - 2) <= t: every bucket can emit both its point and its marker.
  const safe = Math.floor(t / 2) + 1;
  let tried = t;
  for (let attempt = 0; attempt < 4 && tried > safe; attempt++) {
    const out = minMaxLttb(x, y, tried);
    if (out.x.length <= t) return out;
    tried = Math.max(safe, tried - (out.x.length - t));
  }
  return minMaxLttb(x, y, safe);
}

function reduceM4(x: Float64Array, y: Float64Array, t: number): IndexedReduced {
  // At most 5 points per column (4 + a marker), so t / 5 columns always fit.
  const safe = Math.floor(t / 5);
  let tried = Math.floor(t / 4);
  for (let attempt = 0; attempt < 4 && tried > safe; attempt++) {
    const out = m4(x, y, tried);
    if (out.x.length <= t) return out;
    tried = Math.max(safe, tried - Math.ceil((out.x.length - t) / 4));
  }
  return m4(x, y, safe);
}
