// The models list's view: the search, the order and whether prompts or models are listed, as the
// URL spells them and as MLflow's registered-models/search takes them.
import { containsFilter } from '../search-filter';
import { looksLikeModelFilter } from './model-filter';

/** MLflow 3 registers prompts as models with this tag; its own client lists them apart. */
export const PROMPT_TAG = 'mlflow.prompt.is_prompt';

export type ModelSort = 'name' | 'updated';
export type ModelKind = 'models' | 'prompts';

export interface ModelListState {
  q: string;
  sort: ModelSort;
  kind: ModelKind;
}

/** `?q=…&sort=updated&kind=prompts`; anything else is the default (name order, models). */
export function readModelListState(params: URLSearchParams): ModelListState {
  return {
    q: params.get('q') ?? '',
    sort: params.get('sort') === 'updated' ? 'updated' : 'name',
    kind: params.get('kind') === 'prompts' ? 'prompts' : 'models',
  };
}

/** The URL for a state: defaults are left out, so the plain list keeps a plain link. */
export function writeModelListState(
  params: URLSearchParams,
  patch: Partial<ModelListState>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = (key: string, value: string | undefined) =>
    value ? next.set(key, value) : next.delete(key);
  if ('q' in patch) put('q', patch.q || undefined);
  if ('sort' in patch) put('sort', patch.sort === 'updated' ? 'updated' : undefined);
  if ('kind' in patch) put('kind', patch.kind === 'prompts' ? 'prompts' : undefined);
  return next;
}

/**
 * The filter: the search, and prompts kept apart the way MLflow's own client does it (a model
 * without the tag counts as not a prompt). Plain text searches names (`name ILIKE '%text%'`);
 * text that looks like a filter is MLflow's grammar and is sent as written (the box checks it with
 * validateModelFilter first). MLflow has no parentheses and no OR, so `AND` alone joins the two.
 */
export function modelListFilter(state: Pick<ModelListState, 'q' | 'kind'>): string {
  const prompt = `tag.\`${PROMPT_TAG}\` ${state.kind === 'prompts' ? '=' : '!='} 'true'`;
  const q = state.q.trim();
  const search = looksLikeModelFilter(q) ? q : containsFilter('name', q);
  return search ? `${search} AND ${prompt}` : prompt;
}

/** MLflow's order: by name, or the most recently changed first (ties by name). */
export function modelOrderBy(sort: ModelSort): string[] {
  return sort === 'updated' ? ['last_updated_timestamp DESC', 'name ASC'] : ['name ASC'];
}
