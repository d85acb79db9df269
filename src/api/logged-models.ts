// MLflow 3's logged models (service.proto SearchLoggedModels, GetLoggedModel). Read against a real
// 3.x server: `logged-models/search` is a POST taking `experiment_ids`, `filter` (e.g.
// `source_run_id = '…'`, `params.C = '1'`), `order_by` as objects `{field_name, ascending}`,
// `max_results` (50 at most) and `page_token` (which carries the filter and order: send the same
// ones again). A model's `data.metrics` is its whole history, each point with `model_id`, `run_id`,
// `step` and, when logged on one, `dataset_name`/`dataset_digest`. `info.registrations` stays
// empty: registrations are in the `mlflow.modelVersions` tag. An empty `model_type` and
// `source_run_id` come as "". A 2.x server has no such route and answers 404 with an HTML page.
import {
  isEndpointMissing,
  latestMetrics,
  MODEL_VERSIONS_TAG,
  registrationsOf,
} from '@/lib/logged-models/logged-model';
import type { LatestMetric, Registration } from '@/lib/logged-models/logged-model';
import { api, parseMetricValue, toInt } from './client';
import { MlflowError } from './errors';
import { TAGS } from './types';
import type { Int64, KeyValue, Metric } from './types';

const BASE = '/api/2.0/mlflow/logged-models';

/** MLflow's ceiling for one page of logged models. */
export const LOGGED_MODELS_PAGE = 50;

export interface WireLoggedModelMetric extends Metric {
  model_id?: string;
  run_id?: string;
  dataset_name?: string;
  dataset_digest?: string;
}

export interface WireLoggedModel {
  info: {
    model_id: string;
    experiment_id: string;
    name?: string;
    creation_timestamp_ms?: Int64;
    last_updated_timestamp_ms?: Int64;
    artifact_uri?: string;
    status?: string;
    status_message?: string;
    creator_id?: Int64;
    model_type?: string;
    source_run_id?: string;
    tags?: KeyValue[];
    registrations?: { name?: string; version?: string }[];
  };
  data?: { params?: KeyValue[]; metrics?: WireLoggedModelMetric[] };
}

export interface SearchLoggedModelsResponse {
  models?: WireLoggedModel[];
  next_page_token?: string;
}

export interface SearchLoggedModelsParams {
  experimentIds: readonly string[];
  filter?: string | undefined;
  orderBy?: readonly { field_name: string; ascending: boolean }[];
  pageToken?: string | undefined;
}

/** The newest model first, as MLflow's own UI lists them. */
export const NEWEST_FIRST = [{ field_name: 'creation_timestamp', ascending: false }] as const;

/** A logged model as the UI reads it: numbers parsed, maps for user data, metrics at their latest. */
export interface LoggedModelView {
  modelId: string;
  experimentId: string;
  name: string;
  status: string | undefined;
  statusMessage: string | undefined;
  createdMs: number | undefined;
  updatedMs: number | undefined;
  artifactUri: string | undefined;
  modelType: string | undefined;
  sourceRunId: string | undefined;
  /** The `mlflow.user` tag: who logged it (`creator_id` is a number MLflow's OSS server leaves out). */
  user: string | undefined;
  // Maps, not objects: keys are user data, and a param named `__proto__` must stay a param.
  params: ReadonlyMap<string, string>;
  tags: ReadonlyMap<string, string>;
  metrics: readonly LatestMetric[];
  registrations: readonly Registration[];
}

export function normalizeLoggedModel(model: WireLoggedModel): LoggedModelView {
  const { info, data } = model;
  const tags = new Map((info.tags ?? []).map((t) => [t.key, t.value] as const));
  return {
    modelId: info.model_id,
    experimentId: info.experiment_id,
    name: info.name || info.model_id,
    status: info.status,
    statusMessage: info.status_message || undefined,
    createdMs: toInt(info.creation_timestamp_ms),
    updatedMs: toInt(info.last_updated_timestamp_ms),
    artifactUri: info.artifact_uri || undefined,
    modelType: info.model_type || undefined,
    sourceRunId: info.source_run_id || undefined,
    user: tags.get(TAGS.user),
    params: new Map((data?.params ?? []).map((p) => [p.key, p.value] as const)),
    tags,
    metrics: latestMetrics(
      (data?.metrics ?? []).map((m) => ({
        key: m.key,
        value: parseMetricValue(m.value),
        step: toInt(m.step) ?? 0,
        timestamp: toInt(m.timestamp) ?? 0,
        datasetName: m.dataset_name || undefined,
        datasetDigest: m.dataset_digest || undefined,
      })),
    ),
    registrations: registrationsOf(info.registrations, tags.get(MODEL_VERSIONS_TAG)),
  };
}

export interface LoggedModelsPage {
  models: LoggedModelView[];
  nextPageToken: string | undefined;
}

/** POST only. One page of an experiment's logged models. */
export async function searchLoggedModels(
  params: SearchLoggedModelsParams,
  signal?: AbortSignal,
): Promise<LoggedModelsPage> {
  const res = await api.post<SearchLoggedModelsResponse>(
    `${BASE}/search`,
    {
      experiment_ids: params.experimentIds,
      filter: params.filter || undefined,
      order_by: params.orderBy,
      max_results: LOGGED_MODELS_PAGE,
      page_token: params.pageToken || undefined,
    },
    signal,
  );
  return {
    models: (res.models ?? []).map(normalizeLoggedModel),
    // An empty token also means the last page.
    nextPageToken: res.next_page_token || undefined,
  };
}

/** Every page of a search: for lists that are short by nature (the models one run logged). */
export async function searchAllLoggedModels(
  params: Omit<SearchLoggedModelsParams, 'pageToken'>,
  signal?: AbortSignal,
): Promise<LoggedModelView[]> {
  const out: LoggedModelView[] = [];
  let pageToken: string | undefined;
  do {
    const page = await searchLoggedModels({ ...params, pageToken }, signal);
    out.push(...page.models);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}

export async function getLoggedModel(modelId: string, signal?: AbortSignal) {
  const res = await api.get<{ model: WireLoggedModel }>(
    `${BASE}/${encodeURIComponent(modelId)}`,
    undefined,
    signal,
  );
  return normalizeLoggedModel(res.model);
}

/** The server has no logged models at all (MLflow 2.x), as opposed to a failed call. */
export function loggedModelsUnsupported(error: unknown): boolean {
  return error instanceof MlflowError && isEndpointMissing(error);
}
