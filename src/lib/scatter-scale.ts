// A scatter's linear axis: a "nice" domain around the values (widened to whole tick steps, so the
// outermost points never sit on the frame) and the round ticks inside it. Written here rather than
// taken from a chart library because the scatter draws at most a few hundred points with plain SVG:
// recharts spent ~150 ms of one main-thread task laying out 200 of them.
import { linearTicks, tickStep } from './parcoords/ticks';

export interface ScatterScale {
  lo: number;
  hi: number;
  ticks: number[];
  /** The value's position in [0, 1] along the axis (0 at lo). */
  at: (v: number) => number;
}

/** The axis over `values` (finite numbers), about `count` ticks. */
export function scatterScale(values: readonly number[], count = 5): ScatterScale {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(min <= max)) [min, max] = [0, 1];
  // One value (or all equal): a window around it, so the point sits in the middle.
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const step = tickStep(min, max, count);
  const lo = Number.isFinite(step) ? Math.floor(min / step) * step : min;
  const hi = Number.isFinite(step) ? Math.ceil(max / step) * step : max;
  const span = hi - lo;
  return { lo, hi, ticks: linearTicks(lo, hi, count), at: (v) => (v - lo) / span };
}
