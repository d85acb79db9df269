import { api } from './client';
import type { Experiment, ViewType } from './types';

const BASE = '/api/2.0/mlflow/experiments';

export interface SearchExperimentsParams {
  filter?: string | undefined;
  orderBy?: readonly string[];
  viewType?: ViewType;
  maxResults?: number;
  pageToken?: string | undefined;
}

export interface SearchExperimentsResponse {
  experiments?: Experiment[];
  next_page_token?: string;
}

/** POST keeps filters with quotes and `%` out of the URL; MLflow accepts both verbs here. */
export function searchExperiments(params: SearchExperimentsParams, signal?: AbortSignal) {
  return api.post<SearchExperimentsResponse>(
    `${BASE}/search`,
    {
      filter: params.filter || undefined,
      order_by: params.orderBy,
      view_type: params.viewType ?? 'ACTIVE_ONLY',
      max_results: params.maxResults ?? 100,
      page_token: params.pageToken || undefined,
    },
    signal,
  );
}

/** Works for deleted experiments too; a missing id fails with RESOURCE_DOES_NOT_EXIST (404). */
export async function getExperiment(experimentId: string, signal?: AbortSignal) {
  const res = await api.get<{ experiment: Experiment }>(
    `${BASE}/get`,
    { experiment_id: experimentId },
    signal,
  );
  return res.experiment;
}

export async function createExperiment(name: string) {
  const res = await api.post<{ experiment_id: string }>(`${BASE}/create`, { name });
  return res.experiment_id;
}

export async function renameExperiment(experimentId: string, newName: string) {
  await api.post(`${BASE}/update`, { experiment_id: experimentId, new_name: newName });
}

/** A soft delete: the experiment and its runs move to the deleted view and can be restored. */
export async function deleteExperiment(experimentId: string) {
  await api.post(`${BASE}/delete`, { experiment_id: experimentId });
}

export async function restoreExperiment(experimentId: string) {
  await api.post(`${BASE}/restore`, { experiment_id: experimentId });
}

export async function setExperimentTag(experimentId: string, key: string, value: string) {
  await api.post(`${BASE}/set-experiment-tag`, { experiment_id: experimentId, key, value });
}

export async function deleteExperimentTag(experimentId: string, key: string) {
  await api.post(`${BASE}/delete-experiment-tag`, { experiment_id: experimentId, key });
}
