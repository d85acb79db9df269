import { memo, useDeferredValue, useId, useMemo } from 'react';
import { CartesianGrid, ComposedChart, XAxis, YAxis } from 'recharts';
import type { XAxisMode, YScale } from '@/lib/chart-axes';
import { axisTicks, logTicks, niceLinearTicks } from '@/lib/chart-points';
import { safeDomain } from '@/lib/plot-range';
import type { DrawnRun } from './chart-types';
import { PLOT, plotBox } from './chart-types';
import { RunPaths } from './RunPaths';
import { formatX, formatY, tickLabel } from './axis-labels';
import { useFrameStage } from './useFrameStage';

interface ChartPlotProps {
  runs: readonly DrawnRun[];
  width: number;
  height: number;
  xMode: XAxisMode;
  yScale: YScale;
  xDomain: [number, number];
  yDomain: [number, number];
}

/** Room for one x tick label. */
const X_TICK_SPACING = 90;

/**
 * The plot; its updates render in a transition. Series arrive through react-query, whose updates
 * render synchronously: redrawing the chart in that same render made one long task of the page's
 * update and the chart's draw. Deferred, React renders it after the rest has painted.
 */
export function ChartPlot(props: ChartPlotProps) {
  const { runs, width, height, xMode, yScale, xDomain, yDomain } = props;
  const current = useMemo(
    () => ({ runs, width, height, xMode, yScale, xDomain, yDomain }),
    [runs, width, height, xMode, yScale, xDomain, yDomain],
  );
  return <PlotFrame {...useDeferredValue(current)} />;
}

/**
 * recharts draws the frame (grid, axes, tick labels); the runs' lines are our own paths on the same
 * plot box (RunPaths). Memoised: hovering and dragging happen in an overlay above it, so they never
 * re-render thousands of path vertices.
 */
const PlotFrame = memo(function PlotFrame({
  runs,
  width,
  height,
  xMode,
  yScale,
  xDomain: xData,
  yDomain,
}: ChartPlotProps) {
  const clipId = useId();
  const stage = useFrameStage();
  // The domains reach recharts' scales and so its attributes: guarded like the lines' (plot-range.ts).
  const yTicks = useMemo(() => {
    const log = yScale === 'log';
    const domain = safeDomain(yDomain, log);
    return log ? { domain, ticks: logTicks(domain) } : niceLinearTicks(domain);
  }, [yScale, yDomain]);
  const xDomain = useMemo(() => safeDomain(xData, false), [xData]);
  const box = plotBox(width, height);
  const xTicks = useMemo(
    () => axisTicks(xDomain, Math.max(2, Math.floor(box.width / X_TICK_SPACING))),
    [xDomain, box.width],
  );
  const xTick = useMemo(() => {
    const span = xDomain[1] - xDomain[0];
    return tickLabel((x) => formatX(xMode, x, span));
  }, [xMode, xDomain]);
  const yTick = useMemo(() => tickLabel(formatY), []);
  return (
    <ComposedChart
      width={width}
      height={height}
      margin={{ top: PLOT.top, right: PLOT.right, bottom: PLOT.bottom, left: PLOT.left }}
      // The overlay handles the pointer; an unlabelled focusable SVG would only be a dead tab stop.
      accessibilityLayer={false}
    >
      {stage >= 3 && <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />}
      {stage >= 1 && (
        <XAxis
          type="number"
          dataKey="x"
          domain={xDomain}
          allowDataOverflow
          height={PLOT.xAxisHeight}
          ticks={xTicks}
          interval={0}
          stroke="var(--text-faint)"
          tick={xTick}
        />
      )}
      {stage >= 2 && (
        <YAxis
          type="number"
          scale={yScale}
          // Our domain and ticks, never 'auto': the lines are ours, so recharts has no data to scan.
          domain={yTicks.domain}
          allowDataOverflow
          ticks={yTicks.ticks}
          interval={0}
          width={PLOT.yAxisWidth}
          stroke="var(--text-faint)"
          tick={yTick}
        />
      )}
      <defs>
        <clipPath id={clipId} className="metric-plot-clip">
          <rect x={box.left} y={box.top} width={box.width} height={box.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        <g transform={`translate(${box.left},${box.top})`}>
          <RunPaths
            runs={runs}
            xDomain={xDomain}
            yDomain={yTicks.domain}
            yScale={yScale}
            width={box.width}
            height={box.height}
          />
        </g>
      </g>
    </ComposedChart>
  );
});
