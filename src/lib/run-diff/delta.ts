// A cell against the baseline run's: how far, and by what fraction of the baseline. Whether that is
// better or worse is the metric's direction (src/lib/metric-direction), not decided here.

export interface Delta {
  /** value − baseline. */
  absolute: number;
  /**
   * absolute / |baseline|: its sign is the change's sign even below zero (−2 → −1 is +50 %).
   * Undefined for a zero baseline, from which any change is infinitely large; 0 when neither moved.
   */
  relative: number | undefined;
}

/** The delta of `value` from `baseline`; undefined when either is missing or not a finite number. */
export function deltaOf(
  baseline: number | undefined,
  value: number | undefined,
): Delta | undefined {
  if (baseline === undefined || value === undefined) return undefined;
  if (!Number.isFinite(baseline) || !Number.isFinite(value)) return undefined;
  // `|| 0` writes −0 as 0: no change has no sign.
  const absolute = value - baseline || 0;
  if (baseline === 0) return { absolute, relative: absolute === 0 ? 0 : undefined };
  return { absolute, relative: absolute / Math.abs(baseline) };
}

/** The items with the baseline's moved to the front (its column pins first); the rest keep their order. */
export function baselineFirst<T>(
  items: readonly T[],
  baselineId: string | undefined,
  idOf: (item: T) => string,
): T[] {
  const index = baselineId === undefined ? -1 : items.findIndex((x) => idOf(x) === baselineId);
  if (index <= 0) return [...items];
  return [items[index] as T, ...items.slice(0, index), ...items.slice(index + 1)];
}
