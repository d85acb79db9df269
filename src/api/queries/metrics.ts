import { queryOptions } from '@tanstack/react-query';
import { seriesClient } from '@/workers/series-client';
import { BULK_INTERVAL_MAX_RESULTS, getMetricHistory, getMetricsAtStep } from '../metrics';
import type { MetricsAtStepParams, StepWindow } from '../metrics';

/** A window's key part: null for the whole history, so "no zoom" is one cache entry. */
function windowKey(window: StepWindow | undefined) {
  return window ? { start: window.startStep, end: window.endStep } : null;
}

export const metricQueries = {
  all: ['metrics'] as const,
  /** Everything drawn for one run, so one invalidation refreshes a running run's charts. */
  ofRun: (runId: string) => [...metricQueries.all, 'run', runId] as const,

  /**
   * Parallax's full-fidelity series for one run and key: the step window and the resolution are
   * part of the key, so every zoom level is cached on its own.
   */
  series: (params: { runId: string; key: string; points: number; window?: StepWindow }) =>
    queryOptions({
      queryKey: [
        ...metricQueries.ofRun(params.runId),
        'series',
        params.key,
        { window: windowKey(params.window), points: params.points },
      ] as const,
      queryFn: ({ signal }) =>
        seriesClient.full(
          {
            runId: params.runId,
            key: params.key,
            points: params.points,
            window: params.window,
          },
          signal,
        ),
      // Typed arrays: nothing for structural sharing to compare.
      structuralSharing: false,
      staleTime: 60_000,
    }),

  sampledAll: () => [...metricQueries.all, 'sampled'] as const,

  /** MLflow's own stride sample for many runs at once: the first paint before the full series. */
  sampled: (params: {
    runIds: readonly string[];
    key: string;
    points: number;
    window?: StepWindow;
    maxResults?: number;
  }) =>
    queryOptions({
      queryKey: [
        ...metricQueries.sampledAll(),
        params.key,
        {
          runIds: [...params.runIds].sort(),
          window: windowKey(params.window),
          points: params.points,
          maxResults: params.maxResults ?? BULK_INTERVAL_MAX_RESULTS,
        },
      ] as const,
      queryFn: ({ signal }) =>
        seriesClient.sampled(
          {
            runIds: params.runIds,
            key: params.key,
            points: params.points,
            maxResults: params.maxResults ?? BULK_INTERVAL_MAX_RESULTS,
            window: params.window,
          },
          signal,
        ),
      structuralSharing: false,
      staleTime: 60_000,
    }),

  /** Every raw point of one run's metric (for CSV export of a window). */
  history: (runId: string, key: string) =>
    queryOptions({
      queryKey: [...metricQueries.ofRun(runId), 'history', key] as const,
      queryFn: ({ signal }) => getMetricHistory(runId, key, signal),
      staleTime: 60_000,
    }),

  atStepAll: () => [...metricQueries.all, 'at-step'] as const,

  /**
   * One value per run and key for the compare page's step choice, from full histories. Run ids
   * and keys are sorted and deduplicated, in the key and in the request alike, so the order the
   * page lists them in makes no second entry; find a value by its runId and key.
   */
  atStep: (params: MetricsAtStepParams) => {
    const runIds = [...new Set(params.runIds)].sort();
    const keys = [...new Set(params.keys)].sort();
    const referenceDirection =
      params.at.kind === 'best' ? (params.referenceDirection ?? null) : null;
    return queryOptions({
      queryKey: [
        ...metricQueries.atStepAll(),
        { runIds, keys, at: params.at, referenceDirection },
      ] as const,
      queryFn: ({ signal }) =>
        getMetricsAtStep(
          { runIds, keys, at: params.at, referenceDirection: referenceDirection ?? undefined },
          signal,
        ),
      staleTime: 60_000,
    });
  },
};
