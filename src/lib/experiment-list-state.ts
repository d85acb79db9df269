// The experiments list's view state, kept in the URL (`?q=&sort=&view=&layout=`) so a link
// reproduces it.
import { containsFilter } from './search-filter';

export type ExperimentSort = 'name' | 'updated' | 'created';
export type ExperimentView = 'active' | 'deleted';
/** One flat list, or workspace paths (`/Shared/…`, `/Users/<email>/…`) as folders. */
export type ExperimentLayout = 'flat' | 'folders';

export interface ExperimentListState {
  q: string;
  sort: ExperimentSort;
  view: ExperimentView;
  layout: ExperimentLayout;
}

export const SORT_OPTIONS: readonly { value: ExperimentSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'updated', label: 'Last updated' },
  { value: 'created', label: 'Created' },
];

export const DEFAULT_LIST_STATE: ExperimentListState = {
  q: '',
  sort: 'updated',
  view: 'active',
  layout: 'flat',
};

const SORTS = new Set<string>(SORT_OPTIONS.map((o) => o.value));

/** Unknown or missing values fall back to the defaults rather than failing: old links keep working. */
export function parseExperimentListState(params: URLSearchParams): ExperimentListState {
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    sort: SORTS.has(sort) ? (sort as ExperimentSort) : DEFAULT_LIST_STATE.sort,
    view: params.get('view') === 'deleted' ? 'deleted' : 'active',
    layout: params.get('layout') === 'folders' ? 'folders' : 'flat',
  };
}

/** Writes the state over `params`, leaving defaults out so the plain URL stays `/experiments`. */
export function writeExperimentListState(
  params: URLSearchParams,
  patch: Partial<ExperimentListState>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const state = { ...parseExperimentListState(params), ...patch };
  const entries: [keyof ExperimentListState, string][] = [
    ['q', state.q],
    ['sort', state.sort],
    ['view', state.view],
    ['layout', state.layout],
  ];
  for (const [key, value] of entries) {
    if (value === '' || value === DEFAULT_LIST_STATE[key]) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** MLflow `order_by` for a sort: names A→Z, times newest first. */
export function experimentOrderBy(sort: ExperimentSort): string[] {
  switch (sort) {
    case 'name':
      return ['name ASC'];
    case 'updated':
      return ['last_update_time DESC'];
    case 'created':
      return ['creation_time DESC'];
  }
}

export interface ExperimentSearchParams {
  filter: string | undefined;
  orderBy: string[];
  viewType: 'ACTIVE_ONLY' | 'DELETED_ONLY';
}

/** What the list asks MLflow for; also the list's query key, so equal states share a cache entry. */
export function experimentSearchParams(state: ExperimentListState): ExperimentSearchParams {
  return {
    filter: containsFilter('name', state.q),
    orderBy: experimentOrderBy(state.sort),
    viewType: state.view === 'deleted' ? 'DELETED_ONLY' : 'ACTIVE_ONLY',
  };
}
