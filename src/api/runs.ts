import { datasetsFromInputs } from '@/lib/run-diff/diff-model';
import type { DiffDataset } from '@/lib/run-diff/diff-model';
import { api, parseMetricValue, toInt } from './client';
import { TAGS } from './types';
import type {
  GetRunResponse,
  LifecycleStage,
  Run,
  RunStatus,
  SearchRunsResponse,
  ViewType,
} from './types';

export interface SearchRunsParams {
  experimentIds: readonly string[];
  /** MLflow's filter grammar, e.g. `metrics.acc > 0.9 AND params.model = 'svm'`. */
  filter?: string;
  /** Entries like `metrics.\`val loss\` DESC` (see src/lib/run-sort.ts). */
  orderBy?: readonly string[];
  runViewType?: ViewType;
  maxResults?: number;
  pageToken?: string;
}

/** runs/search is POST-only on every MLflow version. */
export function searchRuns(
  params: SearchRunsParams,
  signal?: AbortSignal,
): Promise<SearchRunsResponse> {
  return api.post<SearchRunsResponse>(
    '/api/2.0/mlflow/runs/search',
    {
      experiment_ids: params.experimentIds,
      filter: params.filter || undefined,
      order_by: params.orderBy?.length ? params.orderBy : undefined,
      run_view_type: params.runViewType,
      max_results: params.maxResults,
      page_token: params.pageToken || undefined,
    },
    signal,
  );
}

/**
 * The runs of one experiment among `runIds`, whatever their lifecycle stage: one search instead of
 * a runs/get per run. MLflow takes `IN` on run_id only; ids are quoted as its grammar wants, and the
 * caller passes well-formed ids only (src/lib/run-diff/compare-url.ts), so no quote is inside one.
 */
export async function searchRunsByIds(
  experimentId: string,
  runIds: readonly string[],
  signal?: AbortSignal,
): Promise<RunView[]> {
  const list = runIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ');
  const res = await searchRuns(
    {
      experimentIds: [experimentId],
      filter: `attributes.run_id IN (${list})`,
      runViewType: 'ALL',
      maxResults: Math.max(1, runIds.length),
    },
    signal,
  );
  return (res.runs ?? []).map(normalizeRun);
}

export function getRun(runId: string, signal?: AbortSignal): Promise<GetRunResponse> {
  return api.get<GetRunResponse>('/api/2.0/mlflow/runs/get', { run_id: runId }, signal);
}

/** A metric's latest value as runs/get and runs/search report it (latest timestamp, not last step). */
export interface RunMetric {
  key: string;
  /** NaN and ±Infinity are real values here, parsed from MLflow's strings. */
  value: number;
  step: number;
  timestamp: number | undefined;
}

/** A run as the UI reads it: parsed numbers, maps instead of lists, the special tags resolved. */
export interface RunView {
  runId: string;
  experimentId: string;
  /** `info.run_name`, else the `mlflow.runName` tag, else the run id, so there is always a label. */
  name: string;
  status: RunStatus | undefined;
  lifecycleStage: LifecycleStage;
  startTime: number | undefined;
  endTime: number | undefined;
  /** End minus start; undefined while the run has no end time. */
  durationMs: number | undefined;
  /** The `mlflow.user` tag, else the deprecated `info.user_id`. */
  user: string | undefined;
  parentRunId: string | undefined;
  artifactUri: string | undefined;
  // Maps, not objects: keys are user data, and a param named `__proto__` must stay a param.
  metrics: ReadonlyMap<string, RunMetric>;
  params: ReadonlyMap<string, string>;
  tags: ReadonlyMap<string, string>;
  /** Its dataset inputs (name, digest, context), empty when it logged none. */
  datasets: readonly DiffDataset[];
}

export function normalizeRun(run: Run): RunView {
  const { info, data, inputs } = run;
  const tags = new Map((data?.tags ?? []).map((t) => [t.key, t.value] as const));
  const params = new Map((data?.params ?? []).map((p) => [p.key, p.value] as const));
  const metrics = new Map<string, RunMetric>();
  for (const m of data?.metrics ?? []) {
    metrics.set(m.key, {
      key: m.key,
      value: parseMetricValue(m.value),
      step: toInt(m.step) ?? 0,
      timestamp: toInt(m.timestamp),
    });
  }
  const runId = info.run_id || info.run_uuid || '';
  // Some servers send 0 rather than omitting the end time of a running run.
  const startTime = toInt(info.start_time) || undefined;
  const endTime = toInt(info.end_time) || undefined;
  return {
    runId,
    experimentId: info.experiment_id,
    name: info.run_name || tags.get(TAGS.runName) || runId,
    status: info.status,
    lifecycleStage: info.lifecycle_stage ?? 'active',
    startTime,
    endTime,
    durationMs:
      startTime !== undefined && endTime !== undefined && endTime >= startTime
        ? endTime - startTime
        : undefined,
    user: tags.get(TAGS.user) || info.user_id || undefined,
    parentRunId: tags.get(TAGS.parentRunId) || undefined,
    artifactUri: info.artifact_uri,
    metrics,
    params,
    tags,
    datasets: datasetsFromInputs(inputs),
  };
}
