// The axes' domains and ticks, and how many points a chart asks for.
import { drawable } from './chart-axes';
import type { YScale } from './chart-axes';
import { PLOT_MIN } from './plot-range';

/** [min, max] of the drawable values (see `drawable`) across arrays; null when none. */
export function extent(arrays: readonly ArrayLike<number>[], scale: YScale = 'linear') {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i] as number;
      if (!drawable(v, scale)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? ([min, max] as [number, number]) : null;
}

/** Decades a log axis may span: 10^±300, the plot's range (plot-range.ts). */
const MAX_DECADE = 300;

/**
 * A y domain with a little air, never empty; on a log scale, whole decades around the data. The
 * range comes from `extent`, so it lies within the plot's range and every bound here is finite.
 */
export function paddedDomain(range: [number, number] | null, scale: YScale): [number, number] {
  if (!range) return scale === 'log' ? [0.1, 1] : [0, 1];
  const [min, max] = range;
  if (scale === 'log') {
    const lo = Math.max(-MAX_DECADE, Math.floor(Math.log10(min)));
    const hi = Math.min(MAX_DECADE, Math.ceil(Math.log10(max) + 1e-9));
    return [10 ** lo, 10 ** Math.max(hi, lo + 1)];
  }
  // A span below PLOT_MIN (equal values, or subnormals) is one value: air around it, at least
  // PLOT_MIN of it, so the tick step below never underflows to 0.
  if (max - min < PLOT_MIN) {
    const c = (min + max) / 2;
    const half = c === 0 ? 0.05 : Math.max(Math.abs(c) * 0.05, PLOT_MIN);
    return [c - half, c + half];
  }
  const pad = (max - min) * 0.04;
  return [min - pad, max + pad];
}

/**
 * Tidy ticks (1, 2 or 5 × 10^k apart) and the domain they span, for a linear axis: the axis starts
 * and ends on a tick, and the lines (drawn by us, not recharts) use the same domain.
 */
export function niceLinearTicks(
  [min, max]: [number, number],
  count = 5,
): { domain: [number, number]; ticks: number[] } {
  if (!(Number.isFinite(min) && Number.isFinite(max)) || min >= max) {
    return { domain: [min, max], ticks: Number.isFinite(min) ? [min] : [] };
  }
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  // Rounded so that 0.1 * 3 style float error does not reach the labels.
  for (let i = 0, v = lo; v <= hi + step / 2; i++, v = lo + i * step)
    ticks.push(+v.toPrecision(12));
  return { domain: [+lo.toPrecision(12), +hi.toPrecision(12)], ticks };
}

/** Tidy tick values inside a fixed domain (the x axis keeps the data's exact extent). */
export function axisTicks([min, max]: readonly [number, number], count: number): number[] {
  return niceLinearTicks([min, max], count).ticks.filter((t) => t >= min && t <= max);
}

/** Tick values for a log axis: each decade, with 2 and 5 between them when there are few decades. */
export function logTicks([min, max]: [number, number]): number[] {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const steps = hi - lo <= 2 ? [1, 2, 5] : [1];
  // At most ~12 labelled decades: a range of 10^-300…10^300 would otherwise get 600 labels.
  const every = Math.max(1, Math.ceil((hi - lo) / 12));
  const out: number[] = [];
  for (let e = lo; e <= hi; e += every) {
    for (const m of steps) {
      // Rounded so that 0.1 * 3 style float error does not reach the labels.
      const v = +(m * 10 ** e).toPrecision(12);
      if (v >= min && v <= max) out.push(v);
    }
  }
  return out;
}

/** The ceiling on points per chart. */
export const MAX_POINTS_PER_CHART = 20_000;

/**
 * Overlays get half the budget: every run's points cross the wire and the reduction on each zoom,
 * while 10 runs still get 1,000 points each (3× MLflow's 320), and M4 keeps every column's min and
 * max as vertices.
 */
export const MAX_POINTS_PER_OVERLAY = 10_000;

/**
 * Points to ask for per run, for M4: four per column (first, last, min, max) with at least one
 * column per pixel (rounded up to 64 so that resizing by a few pixels does not refetch), which
 * makes a single run's line pixel-exact; never more than 20k for a chart (10k for an overlay).
 */
export function pointsPerRun(width: number, runCount: number): number {
  const columns = Math.ceil(Math.max(width, 200) / 64) * 64;
  const budget = runCount > 1 ? MAX_POINTS_PER_OVERLAY : MAX_POINTS_PER_CHART;
  return Math.max(64, Math.min(4 * columns, Math.floor(budget / Math.max(1, runCount))));
}

/** The fewest points a sparkline asks for: four M4 columns (the server's floor is 10). */
const MIN_SPARKLINE_POINTS = 16;

/**
 * Points a sparkline `width` pixels wide asks for: M4's four per column (first, last, min, max),
 * one column per pixel, so its line is pixel-identical to drawing every point and each column's
 * spike or dip is a vertex. Not rounded up to 64 columns nor floored at 200 pixels as a chart's
 * ask is: a sparkline's width is fixed, and a run page shows dozens of them.
 */
export function sparklinePoints(width: number): number {
  // A width that is no finite positive number (not laid out, a bad style) gets the floor.
  if (!(width > 0 && Number.isFinite(width))) return MIN_SPARKLINE_POINTS;
  return Math.max(MIN_SPARKLINE_POINTS, 4 * Math.ceil(width));
}
