import type { ChartSeries } from '@/workers/protocol';

/** A run as a chart shows it. */
export interface ChartRun {
  runId: string;
  name: string;
  /** Still logging: the chart refreshes it on a timer. */
  running?: boolean;
  /** Start time (ms), the origin of the relative-time axis. */
  startTime?: number | undefined;
}

/** What one run contributes to a chart right now. */
export interface RunSeriesState {
  run: ChartRun;
  series: ChartSeries | undefined;
  /** The full-fidelity request failed: the sample is all there is. */
  fullError: unknown;
}

/** One run as drawn: where its points go on screen and what they are. */
export interface DrawnRun {
  runId: string;
  name: string;
  color: string;
  series: ChartSeries;
  /** x coordinate of each point in the current axis mode. */
  x: Float64Array;
  /** The smoothed values, when smoothing is on. */
  smoothed: Float64Array | null;
}

/** The plot's margins inside the SVG, shared by the chart and the pointer overlay. */
export const PLOT = { top: 8, right: 16, bottom: 4, left: 4, yAxisWidth: 64, xAxisHeight: 28 };

/** The plot area inside a chart of `width` × `height`: where the axes' domains are drawn. */
export function plotBox(width: number, height: number) {
  const left = PLOT.left + PLOT.yAxisWidth;
  return {
    left,
    top: PLOT.top,
    width: Math.max(1, width - PLOT.right - left),
    height: Math.max(1, height - PLOT.top - PLOT.bottom - PLOT.xAxisHeight),
  };
}
