import { memo, useDeferredValue, useId, useMemo } from 'react';
import { CartesianGrid, ComposedChart, XAxis, YAxis } from 'recharts';
import type { BaseTickContentProps } from 'recharts';
import type { XAxisMode, YScale } from '@/lib/chart-axes';
import { formatDuration, formatStep, formatWallTime } from '@/lib/chart-axes';
import { axisTicks, logTicks, niceLinearTicks } from '@/lib/chart-points';
import type { DrawnRun } from './chart-types';
import { PLOT, plotBox } from './chart-types';
import { RunPaths } from './RunPaths';

interface ChartPlotProps {
  runs: readonly DrawnRun[];
  width: number;
  height: number;
  xMode: XAxisMode;
  yScale: YScale;
  xDomain: [number, number];
  yDomain: [number, number];
}

export function formatX(mode: XAxisMode, x: number, span: number): string {
  if (mode === 'wall') return formatWallTime(x, span);
  if (mode === 'relative') return formatDuration(x);
  return formatStep(x);
}

function formatY(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1);
  return String(+v.toPrecision(4));
}

/** Room for one x tick label. */
const X_TICK_SPACING = 90;

/**
 * Tick labels as plain SVG text. recharts' own <Text> measures every label in the DOM to wrap it
 * (and `minTickGap` measures them again to thin them out), which was most of the cost of a chart's
 * first draw; our ticks are few and short, and spaced by us.
 */
function tickLabel(format: (v: number) => string) {
  return function TickLabel({
    x,
    y,
    payload,
    textAnchor,
    verticalAnchor,
    className,
  }: BaseTickContentProps) {
    return (
      <text
        x={x}
        y={y}
        textAnchor={textAnchor}
        dy={verticalAnchor === 'start' ? '0.71em' : '0.32em'}
        className={className}
        fill="var(--text-muted)"
        fontSize={11}
      >
        {format(Number(payload.value))}
      </text>
    );
  };
}

/**
 * The plot, rendered in a transition. Series arrive through react-query, whose updates render
 * synchronously: drawing the chart in that same render made one long task of the page's update and
 * the chart's first draw. Deferred, React renders the chart in slices after the page has painted.
 */
export function ChartPlot(props: ChartPlotProps) {
  const { runs, width, height, xMode, yScale, xDomain, yDomain } = props;
  const current = useMemo(
    () => ({ runs, width, height, xMode, yScale, xDomain, yDomain }),
    [runs, width, height, xMode, yScale, xDomain, yDomain],
  );
  const shown = useDeferredValue<ChartPlotProps | null>(current, null);
  return shown && <PlotFrame {...shown} />;
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
  xDomain,
  yDomain,
}: ChartPlotProps) {
  const clipId = useId();
  const yTicks = useMemo(
    () =>
      yScale === 'log' ? { domain: yDomain, ticks: logTicks(yDomain) } : niceLinearTicks(yDomain),
    [yScale, yDomain],
  );
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
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
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
