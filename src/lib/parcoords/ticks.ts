// Tick values for a numeric axis: round numbers inside its domain, spaced 1, 2 or 5 × a power of
// ten (linear), or powers of ten and then their 2× and 5× (log). Labels are the caller's business
// (formatMetric): the ticks are the metric's own numbers, never positions.

/** The step between about `count` round ticks over [lo, hi]: 1, 2 or 5 × 10^k. */
export function tickStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return NaN;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const factor =
    error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1;
  return factor * power;
}

/**
 * The multiples of tickStep inside [lo, hi], ascending. A step below 1 divides by its inverse, so
 * 0.1 × 3 is written 0.3, not 0.30000000000000004.
 */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  const step = tickStep(lo, hi, count);
  if (Number.isNaN(step)) return Number.isFinite(lo) ? [lo] : [];
  const inverse = step < 1 ? Math.round(1 / step) : 0;
  const at = (i: number) => (inverse ? i / inverse : i * step);
  const first = Math.ceil(inverse ? lo * inverse : lo / step);
  const last = Math.floor(inverse ? hi * inverse : hi / step);
  const out: number[] = [];
  for (let i = first; i <= last && out.length <= 4 * count; i++) {
    const v = at(i);
    out.push(v === 0 ? 0 : v);
  }
  return out;
}

/**
 * Ticks for a log axis over [lo, hi] (both > 0): the powers of ten inside it; when fewer than two,
 * also their 2× and 5×; when still fewer than two, linear ticks.
 */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo) || !Number.isFinite(hi)) return [];
  const from = Math.floor(Math.log10(lo));
  const to = Math.ceil(Math.log10(hi));
  const pick = (factors: readonly number[]) => {
    const out: number[] = [];
    for (let e = from; e <= to; e++) {
      for (const f of factors) {
        // 10 ** -3 is 0.0010000000000000002; the decimal spelling reads back exact.
        const v = Number(`${f}e${e}`);
        if (v >= lo && v <= hi) out.push(v);
      }
    }
    return out;
  };
  const powers = pick([1]);
  if (powers.length >= 2) return powers.length > 8 ? powers.filter((_, i) => i % 2 === 0) : powers;
  const more = pick([1, 2, 5]);
  return more.length >= 2 ? more : linearTicks(lo, hi, 4);
}
