import { api, parseMetricValue, toInt } from './client';
import type { Int64, WireDouble } from './types';
import type { StepChoice } from '@/lib/metric-at-step';
import type { Direction } from '@/lib/metric-direction/types';
import type {
  MetricAtStepMiss,
  MetricAtStepWire,
  MetricSeriesWire,
  MetricsAtStepRequestWire,
  MetricsAtStepWire,
} from '@/lib/metric-series';
import { formatStepChoice } from '@/lib/run-diff/compare-url';

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

/** One run's value of one metric for a step choice; `value` NaN and ±Infinity as real numbers. */
export type MetricAtStep =
  | {
      runId: string;
      key: string;
      found: true;
      step: number;
      value: number;
      /** False when `askedStep` was not logged and this is the last point before it. */
      exact: boolean;
      /** The step looked for ('step' and 'best' choices). */
      askedStep?: number;
    }
  | {
      runId: string;
      key: string;
      found: false;
      why: MetricAtStepMiss;
      askedStep?: number;
      /** With 'missing': MLflow's error for the run (RESOURCE_DOES_NOT_EXIST, PERMISSION_DENIED). */
      errorCode?: string;
      message?: string;
    };

export interface MetricsAtStepParams {
  runIds: readonly string[];
  keys: readonly string[];
  at: StepChoice;
  /** Which way the reference metric improves; required with a 'best' choice, ignored otherwise. */
  referenceDirection?: Direction | undefined;
}

/** The server's spelling of a step choice: the compare page's URL one, with 'latest' written out. */
function atSpelling(choice: StepChoice): string {
  if (choice.kind === 'latest') return 'latest';
  // Null only for a step or key no URL holds: sent as it is, for the server to refuse by name.
  return (
    formatStepChoice(choice) ??
    (choice.kind === 'step'
      ? `step:${choice.step}`
      : choice.kind === 'best'
        ? `best:${choice.metric}`
        : choice.kind)
  );
}

export function decodeMetricAtStep(wire: MetricAtStepWire): MetricAtStep {
  const asked = wire.asked_step === undefined ? {} : { askedStep: wire.asked_step };
  if (wire.found) {
    return {
      runId: wire.run_id,
      key: wire.key,
      found: true,
      step: wire.step,
      value: parseMetricValue(wire.value),
      exact: wire.exact,
      ...asked,
    };
  }
  return {
    runId: wire.run_id,
    key: wire.key,
    found: false,
    why: wire.why,
    ...asked,
    ...(wire.error_code === undefined ? {} : { errorCode: wire.error_code }),
    ...(wire.message === undefined ? {} : { message: wire.message }),
  };
}

/**
 * One value per run and key for a step choice (latest, step N, min, max, at the best step of a
 * reference metric), read by Parallax's server from each metric's full history. At most 200 runs,
 * 100 keys and 2,000 pairs per call. Each distinct (run, key) once, run-major in the order given;
 * a run MLflow does not know is `found: false, why: 'missing'` and the others still answer.
 */
export async function getMetricsAtStep(
  params: MetricsAtStepParams,
  signal?: AbortSignal,
): Promise<MetricAtStep[]> {
  if (params.runIds.length === 0 || params.keys.length === 0) return [];
  const body: MetricsAtStepRequestWire = {
    run_ids: [...params.runIds],
    keys: [...params.keys],
    at: atSpelling(params.at),
  };
  if (params.at.kind === 'best' && params.referenceDirection) {
    body.reference_direction = params.referenceDirection;
  }
  const answer = await api.post<Partial<MetricsAtStepWire>>(
    '/parallax/api/metrics-at-step',
    body,
    signal,
  );
  return (answer.values ?? []).map(decodeMetricAtStep);
}
