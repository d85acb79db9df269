import { quoteValue } from '@/lib/filter-string/grammar';
import { PROMPT_TAG } from '@/lib/registry/model-list';
import type { CreateVersionRequest } from '@/lib/registry/register';
import { newestFirst } from '@/lib/registry/versions';
import { api } from './client';
import type { ModelVersion, RegisteredModel } from './types';

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

const VERSIONS = '/api/2.0/mlflow/model-versions';

/**
 * The filter that finds one model's versions. MLflow unescapes nothing inside a quoted value, so a
 * name holding both kinds of quote has no literal: it is matched with LIKE's one-character
 * wildcard in their place, and the answer is narrowed to the exact name here.
 */
function versionsFilter(name: string): string {
  const literal = quoteValue(name);
  // Written as MLflow's client writes it: Unity Catalog takes this one condition and no other.
  if (literal) return `name=${literal}`;
  return `name LIKE '${name.replace(/['"\\%_]/g, '_')}'`;
}

export async function getRegisteredModel(name: string, signal?: AbortSignal) {
  return (await api.get<{ registered_model: RegisteredModel }>(`${BASE}/get`, { name }, signal))
    .registered_model;
}

/**
 * Every version of one model, read page by page (MLflow's default page is small), newest first.
 * The list can hold thousands of versions; the page shows them virtualized. Sorted here, not by
 * MLflow: every page is read anyway, and Unity Catalog's search takes no order_by.
 */
export async function searchAllModelVersions(name: string, signal?: AbortSignal) {
  const out: ModelVersion[] = [];
  let pageToken: string | undefined;
  do {
    const page = await api.get<{ model_versions?: ModelVersion[]; next_page_token?: string }>(
      `${VERSIONS}/search`,
      {
        filter: versionsFilter(name),
        max_results: 1000,
        page_token: pageToken,
      },
      signal,
    );
    out.push(...(page.model_versions ?? []).filter((v) => v.name === name));
    pageToken = page.next_page_token || undefined;
  } while (pageToken);
  return newestFirst(out);
}

/**
 * The model's newest `count` versions, for a first paint while the full list loads. It asks MLflow
 * for the order (its default is by last update), which Unity Catalog's search refuses: callers ask
 * only where the registry is not Unity Catalog.
 */
export async function searchNewestModelVersions(name: string, count: number, signal?: AbortSignal) {
  const page = await api.get<{ model_versions?: ModelVersion[] }>(
    `${VERSIONS}/search`,
    { filter: versionsFilter(name), max_results: count, order_by: 'version_number DESC' },
    signal,
  );
  return newestFirst((page.model_versions ?? []).filter((v) => v.name === name));
}

export async function getModelVersion(name: string, version: string, signal?: AbortSignal) {
  return (
    await api.get<{ model_version: ModelVersion }>(`${VERSIONS}/get`, { name, version }, signal)
  ).model_version;
}

export const updateRegisteredModel = (name: string, description: string) =>
  api.patch(`${BASE}/update`, { name, description });
export const renameRegisteredModel = (name: string, newName: string) =>
  api.post<{ registered_model: RegisteredModel }>(`${BASE}/rename`, { name, new_name: newName });
export const deleteRegisteredModel = (name: string) => api.delete(`${BASE}/delete`, { name });
export const setRegisteredModelTag = (name: string, key: string, value: string) =>
  api.post(`${BASE}/set-tag`, { name, key, value });
export const deleteRegisteredModelTag = (name: string, key: string) =>
  api.delete(`${BASE}/delete-tag`, { name, key });
export const setModelAlias = (name: string, alias: string, version: string) =>
  api.post(`${BASE}/alias`, { name, alias, version });
export const deleteModelAlias = (name: string, alias: string) =>
  api.delete(`${BASE}/alias`, { name, alias });

export const updateModelVersion = (name: string, version: string, description: string) =>
  api.patch(`${VERSIONS}/update`, { name, version, description });
export const deleteModelVersion = (name: string, version: string) =>
  api.delete(`${VERSIONS}/delete`, { name, version });
export const setModelVersionTag = (name: string, version: string, key: string, value: string) =>
  api.post(`${VERSIONS}/set-tag`, { name, version, key, value });
export const deleteModelVersionTag = (name: string, version: string, key: string) =>
  api.delete(`${VERSIONS}/delete-tag`, { name, version, key });
export const transitionModelVersionStage = (
  name: string,
  version: string,
  stage: string,
  archiveExistingVersions: boolean,
) =>
  api.post<{ model_version: ModelVersion }>(`${VERSIONS}/transition-stage`, {
    name,
    version,
    stage,
    archive_existing_versions: archiveExistingVersions,
  });

// Registering a model from a run (src/features/registry/register/).

export const createRegisteredModel = (name: string) =>
  api.post<{ registered_model: RegisteredModel }>(`${BASE}/create`, { name });

export async function createModelVersion(request: CreateVersionRequest) {
  return (await api.post<{ model_version: ModelVersion }>(`${VERSIONS}/create`, request))
    .model_version;
}

/** What holds a registered-model name: a model, a prompt (MLflow keeps them apart), or nothing. */
export type NameHolder = 'model' | 'prompt' | 'free';

/**
 * Who holds `name`, asked through registered-models/search (a `get` of a free name answers 404,
 * which the browser logs as an error). MLflow 3's search leaves prompts out unless the filter
 * names their tag, so prompts are asked for apart; an older server lists them with the models,
 * and the tag tells them apart.
 */
export async function registeredNameHolder(
  name: string,
  signal?: AbortSignal,
): Promise<NameHolder> {
  const exact = versionsFilter(name);
  const search = (filter: string) =>
    searchRegisteredModels({ filter, maxResults: 10 }, signal).then((r) =>
      (r.registered_models ?? []).filter((m) => m.name === name),
    );
  const [models, prompts] = await Promise.all([
    search(exact),
    search(`${exact} AND tags.\`${PROMPT_TAG}\` = 'true'`),
  ]);
  const isPrompt = (m: RegisteredModel) =>
    m.tags?.some((t) => t.key === PROMPT_TAG && t.value === 'true') ?? false;
  if (prompts.length > 0 || models.some(isPrompt)) return 'prompt';
  return models.length > 0 ? 'model' : 'free';
}
