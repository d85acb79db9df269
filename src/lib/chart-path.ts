// SVG path data for a series on the plot, built straight from its typed arrays.
//
// Written here rather than drawn with recharts' <Line>: recharts builds several objects per point
// (its point list, label entries, curve segments) inside one React commit, which cost ~250 ms for
// 10 runs × 1,000 points on the CI box. A path string from typed arrays costs ~1 ms for the same
// points, and keeps every vertex the reduction chose, so no spike is lost on the way to the screen.
import { drawable } from './chart-axes';
import type { YScale } from './chart-axes';

/** Where the plot's data domains land: a box of `width` × `height` pixels, y growing downwards. */
export interface PlotScale {
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  yScale: YScale;
  width: number;
  height: number;
}

/** Far outside the box a coordinate only needs to stay far outside: SVG loses precision past ~1e7. */
const FAR = 1e6;

const clamp = (v: number) => (v < -FAR ? -FAR : v > FAR ? FAR : v);
/** A tenth of a pixel is below what a 1.5 px stroke shows, and keeps the path text short. */
const fmt = (v: number) => String(Math.round(clamp(v) * 10) / 10);

export function projector({ xDomain, yDomain, yScale, width, height }: PlotScale) {
  const log = yScale === 'log';
  const t = (v: number) => (log ? Math.log10(v) : v);
  const [x0, x1] = xDomain;
  const y0 = t(yDomain[0]);
  const kx = width / (x1 - x0 || 1);
  const ky = height / (t(yDomain[1]) - y0 || 1);
  return {
    px: (x: number) => (x - x0) * kx,
    py: (v: number) => height - (t(v) - y0) * ky,
  };
}

/**
 * A polyline through every drawable point; NaN, ±Infinity (and values ≤ 0 on a log scale) lift the
 * pen, so the line has a gap there rather than a bridge. Empty when nothing can be drawn.
 */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>, scale: PlotScale): string {
  const { px, py } = projector(scale);
  let d = '';
  let down = false;
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const y = ys[i] as number;
    if (!drawable(y, scale.yScale)) {
      down = false;
      continue;
    }
    d += `${down ? 'L' : 'M'}${fmt(px(xs[i] as number))},${fmt(py(y))}`;
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
  const ok = (i: number) =>
    drawable(lo[i] as number, scale.yScale) && drawable(hi[i] as number, scale.yScale);
  let d = '';
  let i = 0;
  while (i < n) {
    if (!ok(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && ok(j + 1)) j++;
    for (let k = i; k <= j; k++)
      d += `${k === i ? 'M' : 'L'}${fmt(px(xs[k] as number))},${fmt(py(hi[k] as number))}`;
    for (let k = j; k >= i; k--) d += `L${fmt(px(xs[k] as number))},${fmt(py(lo[k] as number))}`;
    d += 'Z';
    i = j + 1;
  }
  return d;
}
