import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from 'recharts';
import type { XAxisMode, YScale } from '@/lib/chart-axes';
import { formatDuration, formatStep, formatWallTime } from '@/lib/chart-axes';
import { bandPoints, linePoints, logTicks, niceLinearTicks } from '@/lib/chart-points';
import type { DrawnRun } from './chart-types';
import { PLOT } from './chart-types';

interface ChartPlotProps {
  runs: readonly DrawnRun[];
  width: number;
  height: number;
  xMode: XAxisMode;
  yScale: YScale;
  xDomain: [number, number];
  yDomain: [number, number];
}

/**
 * Bands only where they stay readable, and where they add something: an M4 line already reaches
 * every bucket's min and max. recharts' Area costs about as much as three Lines of the same size.
 */
const MAX_BAND_RUNS = 3;

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

/**
 * The recharts drawing alone, memoised: hovering and dragging happen in an overlay above it, so
 * they never re-render thousands of path vertices. Dots and animation stay off (BENCH.md §3).
 */
export const ChartPlot = memo(function ChartPlot({
  runs,
  width,
  height,
  xMode,
  yScale,
  xDomain,
  yDomain,
}: ChartPlotProps) {
  const bands = runs.length <= MAX_BAND_RUNS;
  const yTicks = useMemo(
    () =>
      yScale === 'log' ? { domain: yDomain, ticks: logTicks(yDomain) } : niceLinearTicks(yDomain),
    [yScale, yDomain],
  );
  const span = xDomain[1] - xDomain[0];
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
        tickFormatter={(x: number) => formatX(xMode, x, span)}
        stroke="var(--text-faint)"
        tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
        minTickGap={24}
      />
      <YAxis
        type="number"
        scale={yScale}
        // Our domain and ticks, never 'auto': recharts would scan every line's points again each
        // time a line is added, and its automatic log domain can start at 0.
        domain={yTicks.domain}
        allowDataOverflow
        ticks={yTicks.ticks}
        width={PLOT.yAxisWidth}
        tickFormatter={formatY}
        stroke="var(--text-faint)"
        tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
      />
      {runs.map((run) => (
        <RunLayer key={run.runId} run={run} yScale={yScale} band={bands} />
      ))}
    </ComposedChart>
  );
});

/**
 * One run's band, raw line and smoothed line, memoised on the run object: when one run's series
 * changes (a refresh, a late arrival) the other runs' lines do not re-render.
 */
const RunLayer = memo(function RunLayer({
  run,
  yScale,
  band,
}: {
  run: DrawnRun;
  yScale: YScale;
  band: boolean;
}) {
  const raw = useMemo(() => linePoints(run.x, run.series.value, yScale), [run, yScale]);
  const smoothed = useMemo(
    () => (run.smoothed ? linePoints(run.x, run.smoothed, yScale) : null),
    [run, yScale],
  );
  const { bandMin, bandMax } = run.series;
  const bandData = useMemo(
    () => (band && bandMin && bandMax ? bandPoints(run.x, bandMin, bandMax, yScale) : null),
    [band, run.x, bandMin, bandMax, yScale],
  );
  return (
    <>
      {bandData && (
        <Area
          data={bandData}
          dataKey="band"
          stroke="none"
          fill={run.color}
          fillOpacity={0.18}
          isAnimationActive={false}
          dot={false}
          activeDot={false}
        />
      )}
      <Line
        data={raw}
        dataKey="y"
        name={run.name}
        stroke={run.color}
        strokeWidth={smoothed ? 1 : 1.5}
        strokeOpacity={smoothed ? 0.3 : 1}
        dot={false}
        activeDot={false}
        isAnimationActive={false}
        className="metric-line-raw"
      />
      {smoothed && (
        <Line
          data={smoothed}
          dataKey="y"
          name={`${run.name} (smoothed)`}
          stroke={run.color}
          strokeWidth={1.75}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          className="metric-line-smoothed"
        />
      )}
    </>
  );
});
