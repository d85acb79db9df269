import { memo, useMemo } from 'react';
import type { YScale } from '@/lib/chart-axes';
import { bandPath, linePath } from '@/lib/chart-path';
import type { PlotScale } from '@/lib/chart-path';
import type { DrawnRun } from './chart-types';

/**
 * Bands only where they stay readable, and where they add something: an M4 line already reaches
 * every bucket's min and max, so only sampled (MinMaxLTTB) series of a few runs get one.
 */
const MAX_BAND_RUNS = 3;

interface RunPathsProps {
  runs: readonly DrawnRun[];
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  yScale: YScale;
  width: number;
  height: number;
}

/** Every run's band, raw line and smoothed line, in the plot box's own pixels. */
export const RunPaths = memo(function RunPaths({
  runs,
  xDomain,
  yDomain,
  yScale,
  width,
  height,
}: RunPathsProps) {
  const scale = useMemo(
    () => ({ xDomain, yDomain, yScale, width, height }),
    [xDomain, yDomain, yScale, width, height],
  );
  const bands = runs.length <= MAX_BAND_RUNS;
  return (
    <g className="metric-lines">
      {runs.map((run) => (
        <RunPath key={run.runId} run={run} scale={scale} band={bands} />
      ))}
    </g>
  );
});

/** One run, memoised: when one run's series changes the other runs' paths are not rebuilt. */
const RunPath = memo(function RunPath({
  run,
  scale,
  band,
}: {
  run: DrawnRun;
  scale: PlotScale;
  band: boolean;
}) {
  const { bandMin, bandMax, value } = run.series;
  const raw = useMemo(() => linePath(run.x, value, scale), [run.x, value, scale]);
  const smoothed = useMemo(
    () => (run.smoothed ? linePath(run.x, run.smoothed, scale) : null),
    [run.x, run.smoothed, scale],
  );
  const area = useMemo(
    () => (band && bandMin && bandMax ? bandPath(run.x, bandMin, bandMax, scale) : null),
    [band, run.x, bandMin, bandMax, scale],
  );
  return (
    <g data-run-id={run.runId}>
      {area && <path className="metric-band" d={area} fill={run.color} fillOpacity={0.18} />}
      <path
        className="metric-line metric-line-raw"
        d={raw}
        fill="none"
        stroke={run.color}
        strokeWidth={smoothed ? 1 : 1.5}
        strokeOpacity={smoothed ? 0.3 : 1}
        strokeLinejoin="round"
      />
      {smoothed && (
        <path
          className="metric-line metric-line-smoothed"
          d={smoothed}
          fill="none"
          stroke={run.color}
          strokeWidth={1.75}
          strokeLinejoin="round"
        />
      )}
    </g>
  );
});
