import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { StepWindow } from '@/api/metrics';
import { BULK_INTERVAL_MAX_RESULTS } from '@/api/metrics';
import { metricQueries } from '@/api/queries/metrics';
import { pointsPerRun } from '@/lib/chart-points';
import type { ChartSeries } from '@/workers/protocol';
import type { ChartRun, RunSeriesState } from './chart-types';

const REFRESH_RUNNING_MS = 10_000;

/**
 * Each run's series for one metric: MLflow's stride sample first (one request for all runs),
 * replaced run by run by Parallax's full-fidelity series as it arrives. While a new zoom window
 * loads, each run's last full series stays on screen (drawn against the new axes, a coarse preview)
 * and MLflow is not asked for a sample: the server already holds the history.
 */
export function useChartSeries(
  runs: readonly ChartRun[],
  metricKey: string,
  width: number,
  window: StepWindow | undefined,
) {
  const points = pointsPerRun(width, runs.length);
  const enabled = width > 0;
  const full = useQueries({
    queries: runs.map((run) => ({
      ...metricQueries.series({ runId: run.runId, key: metricKey, points, window }),
      enabled,
      refetchInterval: run.running ? REFRESH_RUNNING_MS : (false as const),
    })),
  });
  // keepPreviousData does not carry over when useQueries gets a new key (a new observer), so the
  // last full series of each run is kept here (React's adjust-state-in-render pattern).
  const [shown, setShown] = useState<{ key: string; byRun: ReadonlyMap<string, ChartSeries> }>({
    key: metricKey,
    byRun: new Map(),
  });
  const byRun = shown.key === metricKey ? shown.byRun : new Map<string, ChartSeries>();
  let nextByRun: Map<string, ChartSeries> | null = null;
  runs.forEach((run, i) => {
    const data = full[i]?.data;
    if (data && byRun.get(run.runId) !== data) (nextByRun ??= new Map(byRun)).set(run.runId, data);
  });
  if (nextByRun || shown.key !== metricKey) setShown({ key: metricKey, byRun: nextByRun ?? byRun });
  const waiting = full.some((q) => q.data === undefined || q.isError);
  const nothingShown = runs.some((r) => !byRun.has(r.runId));
  const anyRunning = runs.some((r) => r.running);
  // A zoom made before the full history is in: MLflow is asked for as many points as it gives,
  // so a window of up to that many steps comes back whole and is drawn exact at once. Only for a
  // few runs: an overlay of many would draw far more points than its width can show.
  const wholeWindow = window !== undefined && runs.length * BULK_INTERVAL_MAX_RESULTS <= 10_000;
  const sampleSize = wholeWindow
    ? BULK_INTERVAL_MAX_RESULTS
    : Math.min(BULK_INTERVAL_MAX_RESULTS, points);
  const sampled = useQuery({
    ...metricQueries.sampled({
      runIds: runs.map((r) => r.runId),
      key: metricKey,
      points: Math.max(points, sampleSize),
      window,
      maxResults: sampleSize,
    }),
    enabled: enabled && waiting && nothingShown && runs.length > 0,
    refetchInterval: anyRunning && waiting ? REFRESH_RUNNING_MS : false,
  });

  // Rebuilt each render (cheap); what is costly downstream is cached per series object.
  const states: RunSeriesState[] = runs.map((run, i) => {
    const q = full[i];
    return {
      run,
      // Fresh full data first, then MLflow's sample of this window, then the last window shown.
      series: q?.data ?? sampled.data?.find((s) => s.runId === run.runId) ?? byRun.get(run.runId),
      fullError: q?.error ?? null,
    };
  });
  // A failed request is not pending: when both the sample and the full series fail, the chart
  // stops loading and says why.
  const fullPending = full.some((q) => q.data === undefined && !q.isError);
  const loading =
    states.some((s) => s.series === undefined) &&
    ((sampled.isPending && sampled.isFetching) || fullPending);
  const fetching = sampled.isFetching || full.some((q) => q.isFetching);
  return { states, loading, fetching, sampledError: sampled.error, points };
}
