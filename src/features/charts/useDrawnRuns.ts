import { useMemo } from 'react';
import type { XAxisMode, YScale } from '@/lib/chart-axes';
import { undrawable, xCoordinates } from '@/lib/chart-axes';
import { extent, niceLinearTicks, paddedDomain } from '@/lib/chart-points';
import type { ChartSeries } from '@/workers/protocol';
import type { DrawnRun, RunSeriesState } from './chart-types';
import { seriesId } from './series-ids';

/** The visible runs as drawn, with the axes' domains and what the badge and messages say. */
export function useDrawnRuns(
  states: readonly RunSeriesState[],
  hidden: ReadonlySet<string>,
  colors: ReadonlyMap<string, string>,
  xMode: XAxisMode,
  yScale: YScale,
  smoothed: ReadonlyMap<ChartSeries, Float64Array>,
) {
  const key = states
    .map((s) => `${s.run.runId}:${seriesId(s.series)}:${smoothed.has(s.series as ChartSeries)}`)
    .join(',');
  const runs: DrawnRun[] = useMemo(
    () =>
      states.flatMap((s) =>
        s.series && !hidden.has(s.run.runId)
          ? [
              {
                runId: s.run.runId,
                name: s.run.name,
                color: colors.get(s.run.runId) ?? '#888',
                series: s.series,
                x: xCoordinates(xMode, s.series.step, s.series.timestamp, s.run.startTime),
                smoothed: smoothed.get(s.series) ?? null,
              },
            ]
          : [],
      ),
    // `key` names every series object and whether it has a smoothed copy.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, hidden, colors, xMode],
  );

  const summary = useMemo(() => {
    let drawnPoints = 0;
    let rawCount = 0;
    let rawKnown = true;
    let nan = 0;
    let infinite = 0;
    let outOfRange = 0;
    let nonPositive = 0;
    for (const r of runs) {
      drawnPoints += r.series.step.length;
      if (r.series.windowCount === null) rawKnown = false;
      else rawCount += r.series.windowCount;
      const u = undrawable(r.series.value, yScale);
      nan += u.nan;
      infinite += u.infinite;
      outOfRange += u.outOfRange;
      nonPositive += u.nonPositive;
    }
    const source =
      runs.length === 0
        ? 'none'
        : runs.some((r) => r.series.source === 'sampled')
          ? 'sampled'
          : 'full';
    const exact = runs.length > 0 && runs.every((r) => r.series.exact);
    const xs = extent(runs.map((r) => r.x)) ?? [0, 1];
    const xDomain: [number, number] = xs[0] === xs[1] ? [xs[0] - 1, xs[1] + 1] : xs;
    const yArrays = runs.flatMap((r) => [
      r.series.value,
      ...(r.series.bandMin && r.series.bandMax ? [r.series.bandMin, r.series.bandMax] : []),
    ]);
    const padded = paddedDomain(extent(yArrays, yScale), yScale);
    // The axis as drawn: tidy bounds on a linear scale (ChartPlot derives the same ticks).
    const yDomain = yScale === 'log' ? padded : niceLinearTicks(padded).domain;
    return {
      drawnPoints,
      rawCount: rawKnown ? rawCount : null,
      source: source as 'none' | 'sampled' | 'full',
      exact,
      nan,
      infinite,
      outOfRange,
      nonPositive,
      xDomain,
      yDomain,
    };
  }, [runs, yScale]);

  return { runs, summary };
}
