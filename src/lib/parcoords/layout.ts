// Pixels: where the axes stand, where a position is drawn, each run's y on each axis (computed once
// per change of axes, runs or size, in one Float32Array), the run nearest the pointer, and a drag on
// an axis as a brush. All in CSS pixels; the canvas scales by the device pixel ratio itself.
import { positionOf } from './axes';
import type { Axis } from './axes';
import { brushFromPositions } from './brush';
import type { Brush } from './types';

export interface PlotLayout {
  width: number;
  height: number;
  /** x of the first and the last axis. */
  left: number;
  right: number;
  /** y of position 1 (top) and 0 (bottom). */
  top: number;
  bottom: number;
  /** y of the missing slot, below the axis. */
  missingY: number;
}

/** Room for tick labels left of the first axis, for the missing slot below the last tick. */
export const MARGIN = { left: 84, right: 56, top: 12, bottom: 12, missingGap: 26 } as const;

export function plotLayout(width: number, height: number): PlotLayout {
  const missingY = height - MARGIN.bottom;
  const bottom = missingY - MARGIN.missingGap;
  return {
    width,
    height,
    left: MARGIN.left,
    right: Math.max(MARGIN.left, width - MARGIN.right),
    top: MARGIN.top,
    bottom: Math.max(MARGIN.top + 1, bottom),
    missingY,
  };
}

/** The x of axis i of n: evenly spread from left to right, a lone axis in the middle. */
export function axisX(layout: PlotLayout, i: number, n: number): number {
  if (n <= 1) return (layout.left + layout.right) / 2;
  return layout.left + ((layout.right - layout.left) * i) / (n - 1);
}

/** The slot nearest an x: where an axis dropped there goes. */
export function axisIndexAt(layout: PlotLayout, n: number, x: number): number {
  if (n <= 1) return 0;
  const i = Math.round(((x - layout.left) / (layout.right - layout.left)) * (n - 1));
  return Math.max(0, Math.min(n - 1, i));
}

/** The y of a position; NaN (the missing slot) at missingY. */
export function yOf(layout: PlotLayout, p: number): number {
  if (Number.isNaN(p)) return layout.missingY;
  return layout.bottom - p * (layout.bottom - layout.top);
}

/** The position at a y (yOf's inverse); below 0 under the axis. */
export function positionAtY(layout: PlotLayout, y: number): number {
  return (layout.bottom - y) / (layout.bottom - layout.top);
}

/**
 * Each run's y on each axis, run-major: `out[run * axes + axis]`. `columns` are the axes'
 * axisColumn arrays. Reuses `out` when it has the right length.
 */
export function projectRuns(
  axes: readonly Axis[],
  columns: readonly Float64Array[],
  runs: number,
  layout: PlotLayout,
  out?: Float32Array,
): Float32Array {
  const n = axes.length;
  const ys = out && out.length === runs * n ? out : new Float32Array(runs * n);
  axes.forEach((axis, a) => {
    const column = columns[a];
    for (let r = 0; r < runs; r++) {
      ys[r * n + a] = yOf(layout, positionOf(axis, column ? (column[r] as number) : NaN));
    }
  });
  return ys;
}

/**
 * The run whose line passes nearest (x, y), within `within` pixels measured vertically; -1 for none.
 * `xs` are the axes' x, ascending. Of two as near, the one drawn later (higher index) wins, as it is
 * the one on top.
 */
export function nearestRun(
  ys: Float32Array,
  xs: readonly number[],
  x: number,
  y: number,
  within: number,
): number {
  const n = xs.length;
  if (n === 0) return -1;
  const runs = ys.length / n;
  let a = 0;
  while (a < n - 2 && x > (xs[a + 1] as number)) a++;
  const x0 = xs[a] as number;
  const x1 = n > 1 ? (xs[a + 1] as number) : x0;
  const t = x1 === x0 ? 0 : Math.max(0, Math.min(1, (x - x0) / (x1 - x0)));
  const b = n > 1 ? a + 1 : a;
  let best = -1;
  let bestDistance = within;
  for (let r = 0; r < runs; r++) {
    const y0 = ys[r * n + a] as number;
    const y1 = ys[r * n + b] as number;
    const d = Math.abs(y0 + (y1 - y0) * t - y);
    if (d <= bestDistance) {
      best = r;
      bestDistance = d;
    }
  }
  return best;
}

/** How near the missing slot a drag must reach to take it in. */
export const MISSING_REACH = 8;

/** The brush a vertical drag from y0 to y1 makes on an axis (see brushFromPositions). */
export function brushFromDrag(
  axis: Axis,
  layout: PlotLayout,
  y0: number,
  y1: number,
): Brush | undefined {
  const missing = Math.max(y0, y1) >= layout.missingY - MISSING_REACH;
  return brushFromPositions(
    axis,
    positionAtY(layout, Math.min(y0, y1)),
    positionAtY(layout, Math.max(y0, y1)),
    missing,
  );
}
