// The best value in a column of values (one per run), for the runs table's and the diff's marks.
//
// Decisions:
// - Only finite values compete: NaN is not a value, and +/-Infinity is a diverged run, never the
//   one to point at. Missing values (undefined, null) are skipped.
// - Ties are all best: every index holding the best value is returned, in column order.
// - A neutral direction has no best.
// - `candidates` says how many finite values competed, so a caller can leave unmarked a column
//   where every value ties (marking every cell says nothing) or where only one run has a value.

import type { MetricDirection } from './types';

export interface BestInColumn {
  value: number;
  /** Indices into the column holding the best value, ascending. */
  indices: number[];
  /** Finite values that competed. */
  candidates: number;
}

export function bestInColumn(
  values: ArrayLike<number | null | undefined>,
  direction: MetricDirection,
): BestInColumn | undefined {
  if (direction === 'neutral') return undefined;
  const sign = direction === 'min' ? 1 : -1;
  let best = Infinity; // in signed terms: the smallest sign * value seen
  let value = NaN;
  let candidates = 0;
  let indices: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v == null || !Number.isFinite(v)) continue;
    candidates++;
    const signed = sign * v;
    if (signed < best) {
      best = signed;
      value = v;
      indices = [i];
    } else if (signed === best) {
      indices.push(i);
    }
  }
  // 0 and -0 tie; the value reported is the first best one as the column holds it.
  return candidates === 0 ? undefined : { value, indices, candidates };
}
