// SVG path data for a series on the plot, built straight from its typed arrays.
//
// Written here rather than drawn with recharts' <Line>: recharts builds several objects per point
// (its point list, label entries, curve segments) inside one React commit, which cost ~250 ms for
// 10 runs × 1,000 points on the CI box. A path string from typed arrays costs ~1 ms for the same
// points, and keeps every vertex the reduction chose, so no spike is lost on the way to the screen.
import { drawable } from './chart-axes';
import type { YScale } from './chart-axes';
import { extent } from './chart-points';
import { safeDomain, svgCoordinate } from './plot-range';

/** Where the plot's data domains land: a box of `width` × `height` pixels, y growing downwards. */
export interface PlotScale {
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  yScale: YScale;
  width: number;
  height: number;
}

export function projector({ xDomain, yDomain, yScale, width, height }: PlotScale) {
  const log = yScale === 'log';
  const t = (v: number) => (log ? Math.log10(v) : v);
  // Guarded again here, the last step before the attribute: a domain whose span is not a finite
  // positive number would turn every point into NaN.
  // A single value keeps its place at the start, one unit (one decade) wide.
  const [x0, x1] = safeDomain(xDomain, false, [xDomain[0], xDomain[0] + 1]);
  const [yLo, yHi] = safeDomain(yDomain, log, [yDomain[0], log ? yDomain[0] * 10 : yDomain[0] + 1]);
  const y0 = t(yLo);
  const kx = width / (x1 - x0);
  const ky = height / (t(yHi) - y0);
  return {
    px: (x: number) => (x - x0) * kx,
    py: (v: number) => height - (t(v) - y0) * ky,
  };
}

/** The vertex `x,y` as path text, or null when either coordinate is no number (left out). */
function vertex(x: number, y: number): string | null {
  const sx = svgCoordinate(x);
  const sy = svgCoordinate(y);
  return sx === null || sy === null ? null : `${sx},${sy}`;
}

/**
 * A polyline through every drawable point; NaN, ±Infinity, values beyond the plot's range (and
 * values ≤ 0 on a log scale) lift the pen, so the line has a gap there rather than a bridge. Empty
 * when nothing can be drawn. No NaN or Infinity ever reaches the text.
 */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>, scale: PlotScale): string {
  const { px, py } = projector(scale);
  let d = '';
  let down = false;
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const y = ys[i] as number;
    const v = drawable(y, scale.yScale) ? vertex(px(xs[i] as number), py(y)) : null;
    if (v === null) {
      down = false;
      continue;
    }
    d += `${down ? 'L' : 'M'}${v}`;
    down = true;
  }
  return d;
}

/**
 * The min/max band as closed shapes: along the maxima, back along the minima, one shape per run of
 * points where both bounds can be drawn.
 */
export function bandPath(
  xs: ArrayLike<number>,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  scale: PlotScale,
): string {
  const { px, py } = projector(scale);
  const n = Math.min(xs.length, lo.length, hi.length);
  const top: (string | null)[] = new Array<string | null>(n);
  const bottom: (string | null)[] = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const a = lo[i] as number;
    const b = hi[i] as number;
    const both = drawable(a, scale.yScale) && drawable(b, scale.yScale);
    const x = px(xs[i] as number);
    top[i] = both ? vertex(x, py(b)) : null;
    bottom[i] = both ? vertex(x, py(a)) : null;
  }
  const ok = (i: number) => top[i] != null && bottom[i] != null;
  let d = '';
  let i = 0;
  while (i < n) {
    if (!ok(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && ok(j + 1)) j++;
    for (let k = i; k <= j; k++) d += `${k === i ? 'M' : 'L'}${top[k] as string}`;
    for (let k = j; k >= i; k--) d += `L${bottom[k] as string}`;
    d += 'Z';
    i = j + 1;
  }
  return d;
}

/**
 * A sparkline's path in a `width` × `height` box: the drawable points' own extent fills it (a flat
 * series runs through the middle), and whatever cannot be drawn lifts the pen as on the charts.
 */
export function sparklinePath(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  width: number,
  height: number,
): string {
  const xr = extent([xs]) ?? [0, 1];
  const yr = extent([ys]) ?? [0, 1];
  return linePath(xs, ys, {
    xDomain: safeDomain(xr, false, [xr[0] - 1, xr[0] + 1]),
    yDomain: safeDomain(yr, false, [yr[0] - 1, yr[0] + 1]),
    yScale: 'linear',
    width,
    height,
  });
}
