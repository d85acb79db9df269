// Which numbers may become a coordinate on a chart, and the domains that keep every step from a
// value to an SVG attribute finite. A metric may hold NaN, ±Infinity or ±1e308 (a diverged run):
// a 1e308 is finite, but the span of [-1e308, 1e308] is not, and neither is 10^309 on a log axis,
// so such values once reached a path as "M14.4,NaN" and the browser refused the whole line.

/**
 * The largest magnitude drawn. Spans (2 × 1e300), padding, tick steps and 10^k on a log axis all
 * stay finite with room to spare below Number.MAX_VALUE (~1.8e308). Nobody reads a value out here
 * off a chart; the chart says how many it left out instead.
 */
export const PLOT_MAX = 1e300;

/**
 * The smallest positive value on a log axis, and the smallest span of a linear one: their logs,
 * reciprocals and tick steps stay normal numbers (subnormals lose precision until they read as 0).
 */
export const PLOT_MIN = 1e-300;

/** Whether a value has a place on a linear axis (`log` false) or a log axis (`log` true). */
export function inPlotRange(v: number, log: boolean): boolean {
  if (!Number.isFinite(v)) return false;
  if (log) return v >= PLOT_MIN && v <= PLOT_MAX;
  return v >= -PLOT_MAX && v <= PLOT_MAX;
}

function usable([lo, hi]: readonly [number, number], log: boolean): boolean {
  if (log) return lo > 0 && hi > lo && Number.isFinite(Math.log10(hi) - Math.log10(lo));
  return Number.isFinite(hi - lo) && hi - lo >= PLOT_MIN;
}

/**
 * A domain the projection can divide by: finite ends, lo < hi and a finite span of at least
 * PLOT_MIN; positive ends on a log axis. Anything else (a single value, a bug upstream) becomes
 * `fallback` when that is usable, else [0, 1] ([0.1, 1] on a log axis), so the axes draw empty or
 * off to one side rather than NaN.
 */
export function safeDomain(
  domain: readonly [number, number],
  log: boolean,
  fallback?: readonly [number, number],
): [number, number] {
  if (usable(domain, log)) return [domain[0], domain[1]];
  if (fallback && usable(fallback, log)) return [fallback[0], fallback[1]];
  return log ? [0.1, 1] : [0, 1];
}

/** Far outside the box a coordinate only needs to stay far outside: SVG loses precision past ~1e7. */
const FAR = 1e6;

/**
 * A coordinate as SVG text: a tenth of a pixel (below what a 1.5 px stroke shows, and short), held
 * within ±1e6. Null for NaN or ±Infinity, which no attribute accepts: the caller leaves the point out.
 */
export function svgCoordinate(v: number): string | null {
  if (!Number.isFinite(v)) return null;
  const held = v < -FAR ? -FAR : v > FAR ? FAR : v;
  // `+ 0` turns -0 into 0, so no "-0" reaches the path.
  return String(Math.round(held * 10) / 10 + 0);
}
