import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { StepWindow } from '@/api/metrics';
import { BULK_INTERVAL_MAX_RESULTS } from '@/api/metrics';
import { metricQueries } from '@/api/queries/metrics';
import { pointsPerRun } from '@/lib/chart-points';
import type { ChartRun, RunSeriesState } from './chart-types';

const REFRESH_RUNNING_MS = 10_000;

/**
 * Each run's series for one metric: MLflow's stride sample first (one request for all runs),
 * replaced run by run by Parallax's full-fidelity series as it arrives. While a new zoom window
 * loads, the previous window stays on screen.
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
      placeholderData: keepPreviousData,
      refetchInterval: run.running ? REFRESH_RUNNING_MS : (false as const),
    })),
  });
  const waiting = full.some((q) => q.data === undefined || q.isPlaceholderData || q.isError);
  const anyRunning = runs.some((r) => r.running);
  const sampled = useQuery({
    ...metricQueries.sampled({
      runIds: runs.map((r) => r.runId),
      key: metricKey,
      points,
      window,
      maxResults: Math.min(BULK_INTERVAL_MAX_RESULTS, points),
    }),
    enabled: enabled && waiting && runs.length > 0,
    refetchInterval: anyRunning && waiting ? REFRESH_RUNNING_MS : false,
  });

  // Rebuilt each render (cheap); what is costly downstream is cached per series object.
  const states: RunSeriesState[] = runs.map((run, i) => {
    const q = full[i];
    const fresh = q && !q.isPlaceholderData ? q.data : undefined;
    return {
      run,
      // Fresh full data first, then MLflow's sample of this window, then the last window shown.
      series: fresh ?? sampled.data?.find((s) => s.runId === run.runId) ?? q?.data,
      fullError: q?.error ?? null,
    };
  });
  const loading = states.some((s) => s.series === undefined) && (sampled.isPending || waiting);
  const fetching = sampled.isFetching || full.some((q) => q.isFetching);
  return { states, loading, fetching, sampledError: sampled.error, points };
}
