// A value against the baseline run's value, and whether that is better or worse.
//
// Decisions:
// - `same` means exactly equal (0 and -0 too); logged values that agree are copies of one float,
//   and a tolerance would hide real, tiny differences.
// - NaN on either side, or a missing value, compares with nothing: verdict `incomparable`, no
//   deltas. Infinities order as numbers do (a loss of +Infinity is worse than any finite loss);
//   two equal infinities are `same` with a delta of 0, not Infinity - Infinity = NaN.
// - Relative is against the baseline's magnitude, (value - baseline) / |baseline|, so its sign is
//   the absolute delta's sign even for a negative baseline. It is undefined when the baseline is 0
//   or not finite (no meaningful ratio); a finite baseline against an infinite value gives ±Infinity.
// - With a neutral direction a difference is `neutral`: shown, never colored.

import type { MetricDirection } from './types';

export type Verdict = 'better' | 'worse' | 'same' | 'neutral' | 'incomparable';

export interface Delta {
  /** value - baseline; undefined when incomparable. */
  absolute: number | undefined;
  /** (value - baseline) / |baseline|, a fraction (0.1 is +10%); see the rules above. */
  relative: number | undefined;
  verdict: Verdict;
}

const INCOMPARABLE: Delta = { absolute: undefined, relative: undefined, verdict: 'incomparable' };

export function deltaAgainst(
  value: number | null | undefined,
  baseline: number | null | undefined,
  direction: MetricDirection,
): Delta {
  if (value == null || baseline == null || Number.isNaN(value) || Number.isNaN(baseline)) {
    return INCOMPARABLE;
  }
  const baselineRatio = Number.isFinite(baseline) && baseline !== 0;
  if (value === baseline) {
    return { absolute: 0, relative: baselineRatio ? 0 : undefined, verdict: 'same' };
  }
  const absolute = value - baseline;
  const relative = baselineRatio ? absolute / Math.abs(baseline) : undefined;
  let verdict: Verdict = 'neutral';
  if (direction === 'min') verdict = value < baseline ? 'better' : 'worse';
  else if (direction === 'max') verdict = value > baseline ? 'better' : 'worse';
  return { absolute, relative, verdict };
}
