// Pure helpers behind the metric charts: x-axis modes, lookups by step, zoom windows and log scale.
import { inPlotRange } from './plot-range';

export type XAxisMode = 'step' | 'wall' | 'relative';
export type YScale = 'linear' | 'log';

export interface StepWindowLike {
  startStep: number;
  endStep: number;
}

/** Index of the last element ≤ x in a sorted array, or -1 when x is before the first. */
export function lastIndexAtOrBefore(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) <= x) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Index of the element nearest x in a sorted array; -1 for an empty one. */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
  if (xs.length === 0) return -1;
  const i = lastIndexAtOrBefore(xs, x);
  if (i < 0) return 0;
  if (i >= xs.length - 1) return xs.length - 1;
  return x - (xs[i] as number) <= (xs[i + 1] as number) - x ? i : i + 1;
}

/** ys at each of `at`, taken from the nearest x (used to carry timestamps through a reduction). */
export function valuesAt(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  at: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(at.length);
  for (let i = 0; i < at.length; i++) {
    const j = nearestIndex(xs, at[i] as number);
    out[i] = j < 0 ? Number.NaN : (ys[j] as number);
  }
  return out;
}

/**
 * The x coordinates a series is drawn at: its steps, its wall times (ms), or seconds since
 * `origin` (the run's start; the first point when unknown).
 */
export function xCoordinates(
  mode: XAxisMode,
  step: Float64Array,
  timestamp: Float64Array,
  origin?: number,
): Float64Array {
  if (mode === 'step') return step;
  if (mode === 'wall') return timestamp;
  let first = origin ?? Number.POSITIVE_INFINITY;
  if (origin === undefined) for (const t of timestamp) if (t < first) first = t;
  return timestamp.map((t) => (t - first) / 1000);
}

/**
 * The step window covering x coordinates [x0, x1] of one series (any order). Null when no point of
 * the series falls inside: the drag selected empty space.
 */
export function stepWindowOf(
  xs: ArrayLike<number>,
  steps: ArrayLike<number>,
  x0: number,
  x1: number,
): StepWindowLike | null {
  const lo = Math.min(x0, x1);
  const hi = Math.max(x0, x1);
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    if (x < lo || x > hi) continue;
    const s = steps[i] as number;
    if (s < start) start = s;
    if (s > end) end = s;
  }
  return start <= end ? { startStep: start, endStep: end } : null;
}

/** Windows from several series joined into the one that covers them all. */
export function unionWindow(windows: readonly (StepWindowLike | null)[]): StepWindowLike | null {
  let out: StepWindowLike | null = null;
  for (const w of windows) {
    if (!w) continue;
    out = out
      ? {
          startStep: Math.min(out.startStep, w.startStep),
          endStep: Math.max(out.endStep, w.endStep),
        }
      : { ...w };
  }
  return out;
}

/** `12-480` ↔ {startStep: 12, endStep: 480}; anything else reads as no zoom. */
export function parseZoom(text: string | null): StepWindowLike | null {
  const m = /^(-?\d+)-(-?\d+)$/.exec(text ?? '');
  if (!m) return null;
  const startStep = Number(m[1]);
  const endStep = Number(m[2]);
  return startStep <= endStep ? { startStep, endStep } : null;
}

export function formatZoom(w: StepWindowLike): string {
  return `${Math.floor(w.startStep)}-${Math.ceil(w.endStep)}`;
}

/**
 * Counts of the values a chart cannot draw on its y scale, for the message under it: NaN, ±Infinity,
 * finite values beyond the plot's range (|v| > 1e300, or below 1e-300 on a log scale; see
 * plot-range.ts), and values ≤ 0 on a log scale.
 */
export function undrawable(values: ArrayLike<number>, scale: YScale) {
  let nan = 0;
  let infinite = 0;
  let outOfRange = 0;
  let nonPositive = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) nan++;
    else if (!Number.isFinite(v)) infinite++;
    else if (scale === 'log' && v <= 0) nonPositive++;
    else if (!inPlotRange(v, scale === 'log')) outOfRange++;
  }
  return { nan, infinite, outOfRange, nonPositive };
}

/** Whether a value has a place on the y scale: finite, within the plot's range, > 0 on a log scale. */
export function drawable(v: number, scale: YScale): boolean {
  return inPlotRange(v, scale === 'log');
}

/** Short tick labels: 12.5k steps, 3h 20m since start. */
export function formatStep(step: number): string {
  const a = Math.abs(step);
  if (a >= 1e6) return `${+(step / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${+(step / 1e3).toFixed(1)}k`;
  return String(+step.toFixed(2));
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${+seconds.toFixed(1)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${Math.round(seconds % 60)}s`;
  const h = Math.floor(seconds / 3600);
  return `${h}h ${Math.round((seconds % 3600) / 60)}m`;
}

export function formatWallTime(ms: number, spanMs: number): string {
  const d = new Date(ms);
  const iso = d.toISOString();
  // A day or less on screen: the time of day says enough.
  return spanMs <= 86_400_000 ? iso.slice(11, 19) : iso.slice(5, 16).replace('T', ' ');
}
