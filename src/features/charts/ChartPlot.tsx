import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from 'recharts';
import type { XAxisMode, YScale } from '@/lib/chart-axes';
import { formatDuration, formatStep, formatWallTime } from '@/lib/chart-axes';
import { bandPoints, linePoints, logTicks } from '@/lib/chart-points';
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
  const layers = useMemo(
    () =>
      runs.map((r) => ({
        run: r,
        raw: linePoints(r.x, r.series.value, yScale),
        smoothed: r.smoothed ? linePoints(r.x, r.smoothed, yScale) : null,
        band:
          r.series.bandMin && r.series.bandMax
            ? bandPoints(r.x, r.series.bandMin, r.series.bandMax, yScale)
            : null,
      })),
    [runs, yScale],
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
        // Linear: recharts rounds the data's extent to tidy ticks. Log: whole decades from us,
        // since recharts' automatic log domain can start at 0.
        domain={yScale === 'log' ? yDomain : ['auto', 'auto']}
        allowDataOverflow={yScale === 'log'}
        ticks={yScale === 'log' ? logTicks(yDomain) : undefined}
        width={PLOT.yAxisWidth}
        tickFormatter={formatY}
        stroke="var(--text-faint)"
        tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
      />
      {layers.map(({ run, band }) =>
        band ? (
          <Area
            key={`band-${run.runId}`}
            data={band}
            dataKey="band"
            stroke="none"
            fill={run.color}
            fillOpacity={0.18}
            isAnimationActive={false}
            dot={false}
            activeDot={false}
          />
        ) : null,
      )}
      {layers.map(({ run, raw, smoothed }) => (
        <Line
          key={`raw-${run.runId}`}
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
      ))}
      {layers.map(({ run, smoothed }) =>
        smoothed ? (
          <Line
            key={`smooth-${run.runId}`}
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
        ) : null,
      )}
    </ComposedChart>
  );
});
