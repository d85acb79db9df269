import { api, parseMetricValue, toInt } from './client';
import type { Int64, WireDouble } from './types';
import type { MetricSeriesWire } from '@/lib/metric-series';

/** MLflow's limits for get-history-bulk-interval (handlers.py). */
export const BULK_INTERVAL_MAX_RUNS = 100;
export const BULK_INTERVAL_MAX_RESULTS = 2500;
/** get-history pages hold at most this many points (GET_METRIC_HISTORY_MAX_RESULTS). */
const HISTORY_PAGE_SIZE = 25_000;

export interface StepWindow {
  startStep: number;
  endStep: number;
}

export interface MetricPoint {
  runId: string;
  step: number;
  timestamp: number;
  /** NaN and ±Infinity kept as real numbers. */
  value: number;
}

interface WireMetricWithRunId {
  key: string;
  value: WireDouble;
  timestamp?: Int64;
  step?: Int64;
  run_id: string;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * MLflow's stride sample of one metric for many runs: one request per chunk of ≤ 100 runs (the
 * server's limit), `run_ids` repeated. Fast but blind to spikes between the sampled steps.
 */
export async function getMetricHistoryBulkInterval(
  params: {
    runIds: readonly string[];
    metricKey: string;
    maxResults?: number;
    window?: StepWindow | undefined;
  },
  signal?: AbortSignal,
): Promise<MetricPoint[]> {
  const maxResults = Math.max(
    1,
    Math.min(BULK_INTERVAL_MAX_RESULTS, Math.round(params.maxResults ?? BULK_INTERVAL_MAX_RESULTS)),
  );
  const pages = await Promise.all(
    chunks(params.runIds, BULK_INTERVAL_MAX_RUNS).map((runIds) =>
      api.get<{ metrics?: WireMetricWithRunId[] }>(
        '/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval',
        {
          run_ids: runIds,
          metric_key: params.metricKey,
          max_results: maxResults,
          // MLflow takes int32 bounds, both or neither.
          start_step: params.window ? Math.floor(params.window.startStep) : undefined,
          end_step: params.window ? Math.ceil(params.window.endStep) : undefined,
        },
        signal,
      ),
    ),
  );
  return pages.flatMap((page) =>
    (page.metrics ?? []).map((m) => ({
      runId: m.run_id,
      step: toInt(m.step) ?? 0,
      timestamp: toInt(m.timestamp) ?? 0,
      value: parseMetricValue(m.value),
    })),
  );
}

/** Every raw point of one run's metric, paged through get-history (no step filter exists there). */
export async function getMetricHistory(
  runId: string,
  metricKey: string,
  signal?: AbortSignal,
): Promise<MetricPoint[]> {
  const out: MetricPoint[] = [];
  let pageToken: string | undefined;
  do {
    const page = await api.get<{
      metrics?: { value: WireDouble; timestamp?: Int64; step?: Int64 }[];
      next_page_token?: string;
    }>(
      '/api/2.0/mlflow/metrics/get-history',
      {
        run_id: runId,
        metric_key: metricKey,
        max_results: HISTORY_PAGE_SIZE,
        page_token: pageToken,
      },
      signal,
    );
    for (const m of page.metrics ?? []) {
      out.push({
        runId,
        step: toInt(m.step) ?? 0,
        timestamp: toInt(m.timestamp) ?? 0,
        value: parseMetricValue(m.value),
      });
    }
    pageToken = page.next_page_token || undefined;
  } while (pageToken);
  return out;
}

/**
 * Parallax's full-fidelity reduction of one run's metric over a step window: M4 (first, last, min
 * and max of each column), so every spike is a drawn vertex whatever the zoom.
 */
export function getMetricSeries(
  params: { runId: string; metricKey: string; points: number; window?: StepWindow | undefined },
  signal?: AbortSignal,
): Promise<MetricSeriesWire> {
  return api.get<MetricSeriesWire>(
    '/parallax/api/metric-series',
    {
      run_id: params.runId,
      key: params.metricKey,
      points: Math.max(2, Math.round(params.points)),
      start_step: params.window?.startStep,
      end_step: params.window?.endStep,
      method: 'm4',
    },
    signal,
  );
}
