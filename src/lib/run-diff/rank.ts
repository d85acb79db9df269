// Which params matter in a selection of runs: the ones that vary across it. The rule, in order:
//   1. rows that vary come before rows whose every run holds the same value;
//   2. more distinct values first (a run without the param counts as one more value, "missing");
//   3. at the same count, the wider spread first: for a row whose values are all numbers, the range
//      over the magnitudes, (max − min) / (|max| + |min|), which lies in [0, 1] whatever the unit
//      (lr 0.001 → 0.1 is 0.98, batch 32 → 64 is 0.33, −1 → 1 is 1); a row with any text value
//      changes category, the whole way, and counts as 1; a row that differs only in which runs
//      have it (one value, and "missing") has no spread, 0;
//   4. then by key, in natural order, so the order never depends on the order runs came in.
// Raw counts compare fairly because every row of one diff counts over the same runs.
import { compareKeys } from '../run-fields';

export interface RankCell {
  text: string;
  /** The value as a number, when the text is one. */
  num: number | undefined;
}

export interface Variation {
  /** Distinct values across the runs, "missing" being one of them. */
  distinct: number;
  /** 0 … 1, see the rule above; 0 for a row that does not vary. */
  spread: number;
}

export function variationOf(cells: readonly (RankCell | null)[]): Variation {
  const texts = new Set<string>();
  let missing = false;
  let numeric = true;
  let min = Infinity;
  let max = -Infinity;
  for (const cell of cells) {
    if (cell === null) {
      missing = true;
      continue;
    }
    texts.add(cell.text);
    if (cell.num === undefined || !Number.isFinite(cell.num)) {
      numeric = false;
      continue;
    }
    min = Math.min(min, cell.num);
    max = Math.max(max, cell.num);
  }
  const distinct = texts.size + (missing ? 1 : 0);
  if (texts.size <= 1) return { distinct, spread: 0 };
  // `1` and `1.0` are distinct texts of one number: the row varies, by nothing.
  const magnitude = Math.abs(max) + Math.abs(min);
  const spread = !numeric ? 1 : magnitude === 0 ? 0 : (max - min) / magnitude;
  return { distinct, spread };
}

/** Sort order for rows by how much they vary (most first); see the rule at the top of the file. */
export function compareByVariation(
  a: { key: string; variation: Variation },
  b: { key: string; variation: Variation },
): number {
  const va = a.variation;
  const vb = b.variation;
  return (
    Number(vb.distinct > 1) - Number(va.distinct > 1) ||
    vb.distinct - va.distinct ||
    vb.spread - va.spread ||
    compareKeys(a.key, b.key)
  );
}
