export function median(xs: readonly (number | null)[]): number | null {
  const v = xs
    .filter((x): x is number => typeof x === 'number' && Number.isFinite(x))
    .sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  const hi = v[m] ?? NaN;
  return v.length % 2 ? hi : ((v[m - 1] ?? NaN) + hi) / 2;
}

export function quantile(xs: readonly number[], q: number): number | null {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v[Math.min(v.length - 1, Math.floor(q * v.length))] ?? null;
}

export function ratio(p: number | null, m: number | null): number | null {
  return p === null || m === null || m === 0 ? null : round(p / m, 3);
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Median of each numeric field over samples (fields that are null in every sample stay null). */
export function medians<K extends string>(
  samples: readonly Partial<Record<K, number | null>>[],
  keys: readonly K[],
): Record<K, number | null> {
  const out = {} as Record<K, number | null>;
  for (const k of keys) {
    const m = median(samples.map((s) => s[k] ?? null));
    out[k] = m === null ? null : round(m, 1);
  }
  return out;
}

/**
 * Frame times snapped to whole display intervals. rAF timestamps in headless Chromium jitter by
 * ±0.1 ms around the interval (an empty page reads a p95 of 16.8 ms at 60 Hz), so a raw p95 says
 * nothing about missed frames at that resolution; a frame that took n intervals counts as n × interval.
 */
export function snapToVsync(deltas: readonly number[], interval: number): number[] {
  return deltas.map((d) => Math.max(1, Math.round(d / interval)) * interval);
}
