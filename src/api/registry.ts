import { api } from './client';
import type { RegisteredModel } from './types';

const BASE = '/api/2.0/mlflow/registered-models';

/** MLflow enforces this ceiling on registered-models/search. */
export const MAX_MODELS_PER_PAGE = 1000;

export interface SearchRegisteredModelsParams {
  filter?: string | undefined;
  orderBy?: readonly string[];
  maxResults?: number;
  pageToken?: string | undefined;
}

export interface SearchRegisteredModelsResponse {
  registered_models?: RegisteredModel[];
  next_page_token?: string;
}

/** GET only: this endpoint has no POST form. */
export function searchRegisteredModels(params: SearchRegisteredModelsParams, signal?: AbortSignal) {
  return api.get<SearchRegisteredModelsResponse>(
    `${BASE}/search`,
    {
      filter: params.filter || undefined,
      order_by: params.orderBy,
      max_results: Math.min(params.maxResults ?? 100, MAX_MODELS_PER_PAGE),
      page_token: params.pageToken || undefined,
    },
    signal,
  );
}
