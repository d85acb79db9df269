// Server-side run ordering: the sort as it lives in the URL (`?sort=metrics.accuracy&dir=desc`) and
// the `order_by` clause MLflow's runs/search understands (`metrics.\`accuracy\` DESC`).

import { kindOf } from './filter-string/grammar';

export type RunFieldKind = 'metrics' | 'params' | 'tags' | 'attributes';

/** One sort key. `id` is also the table's column id: `<kind>.<key>`, e.g. `params.batch size`. */
export interface RunSort {
  id: string;
  desc: boolean;
}

/** MLflow's own default order, used when the URL says nothing. */
export const DEFAULT_RUN_SORT: RunSort = { id: 'attributes.start_time', desc: true };

// Orderable RunInfo attributes (searchable_attribute / orderable_attribute in mlflow/entities/run_info.py).
const ORDERABLE_ATTRIBUTES = new Set([
  'run_id',
  'run_name',
  'status',
  'user_id',
  'artifact_uri',
  'start_time',
  'end_time',
]);

export function runFieldId(kind: RunFieldKind, key: string): string {
  return `${kind}.${key}`;
}

/**
 * Splits `<kind>.<key>` at the first dot only, so keys may contain dots (`metrics.val.loss` is the
 * metric `val.loss`). Unknown kinds and non-orderable attributes give undefined.
 */
export function parseRunFieldId(id: string): { kind: RunFieldKind; key: string } | undefined {
  const dot = id.indexOf('.');
  if (dot <= 0 || dot === id.length - 1) return undefined;
  const found = kindOf(id.slice(0, dot));
  // Datasets are filterable but not orderable.
  const kind = found === 'datasets' ? undefined : found;
  const key = id.slice(dot + 1);
  if (!kind) return undefined;
  if (kind === 'attributes' && !ORDERABLE_ATTRIBUTES.has(key)) return undefined;
  // MLflow strips backticks and quotes from keys, so a key containing them cannot be addressed.
  if (/[`"]/.test(key)) return undefined;
  return { kind, key };
}

/**
 * The `order_by` entry for a sort. Metric, param and tag keys are always backtick-quoted: MLflow's
 * parser (sqlparse + shlex) splits unquoted keys at spaces, dashes, slashes and SQL keywords.
 */
export function orderByClause(sort: RunSort): string | undefined {
  const field = parseRunFieldId(sort.id);
  if (!field) return undefined;
  const identifier =
    field.kind === 'attributes' ? `attributes.${field.key}` : `${field.kind}.\`${field.key}\``;
  return `${identifier} ${sort.desc ? 'DESC' : 'ASC'}`;
}

/** The sort in the URL, or the default when it is absent or unreadable. */
export function readRunSort(search: URLSearchParams): RunSort {
  const id = search.get('sort');
  if (!id) return DEFAULT_RUN_SORT;
  const field = parseRunFieldId(id);
  if (!field) return DEFAULT_RUN_SORT;
  const dir = search.get('dir');
  return { id: runFieldId(field.kind, field.key), desc: dir === null ? true : dir !== 'asc' };
}

/** New search params with the sort written in; the default order leaves the URL clean. */
export function writeRunSort(search: URLSearchParams, sort: RunSort): URLSearchParams {
  const next = new URLSearchParams(search);
  if (sort.id === DEFAULT_RUN_SORT.id && sort.desc === DEFAULT_RUN_SORT.desc) {
    next.delete('sort');
    next.delete('dir');
  } else {
    next.set('sort', sort.id);
    next.set('dir', sort.desc ? 'desc' : 'asc');
  }
  return next;
}

/**
 * Runs per runs/search request: MLflow's maximum is 50,000, but 1,000 keeps the first page (~2 MB
 * raw at 15 params + 10 metrics) quick to serialize, send and parse, so the first rows paint early.
 */
export const RUNS_PAGE_SIZE = 1000;

/** What the runs table asks runs/search for, derived from the URL alone (cache key included). */
export function runsSearchFromUrl(experimentId: string, search: URLSearchParams) {
  return runsSearchFor(experimentId, readRunSort(search), {
    filter: search.get('filter') ?? '',
    viewType: viewTypeFromUrl(search.get('lifecycle')),
  });
}

export function runsSearchFor(
  experimentId: string,
  sort: RunSort,
  { filter, viewType }: { filter: string; viewType: 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL' },
) {
  const orderBy = orderByClause(sort) ?? orderByClause(DEFAULT_RUN_SORT);
  return {
    experimentIds: [experimentId],
    orderBy: orderBy ? [orderBy] : [],
    maxResults: RUNS_PAGE_SIZE,
    ...(filter.trim() ? { filter: filter.trim() } : {}),
    ...(viewType === 'ACTIVE_ONLY' ? {} : { runViewType: viewType }),
  };
}

function viewTypeFromUrl(value: string | null): 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL' {
  return value === 'deleted' ? 'DELETED_ONLY' : value === 'all' ? 'ALL' : 'ACTIVE_ONLY';
}

/** The fields a client-side sort reads; a structural subset of the table's RunView. */
export interface SortableRun {
  runId: string;
  name: string;
  status: string | undefined;
  startTime: number | undefined;
  endTime: number | undefined;
  user: string | undefined;
  artifactUri: string | undefined;
  metrics: ReadonlyMap<string, { value: number }>;
  params: ReadonlyMap<string, string>;
  tags: ReadonlyMap<string, string>;
}

type SortValue = number | string | undefined;

function sortValue(run: SortableRun, kind: RunFieldKind, key: string): SortValue {
  switch (kind) {
    case 'metrics':
      return run.metrics.get(key)?.value;
    case 'params':
      return run.params.get(key);
    case 'tags':
      return run.tags.get(key);
    case 'attributes':
      switch (key) {
        case 'run_name':
          return run.name;
        case 'status':
          return run.status;
        case 'start_time':
          return run.startTime;
        case 'end_time':
          return run.endTime;
        case 'user_id':
          return run.user;
        case 'artifact_uri':
          return run.artifactUri;
        default:
          return run.runId;
      }
  }
}

// Missing last, then NaN just before it, in either direction, as MLflow's SQL store orders.
function rank(v: SortValue): number {
  if (v === undefined) return 2;
  if (typeof v === 'number' && Number.isNaN(v)) return 1;
  return 0;
}

/**
 * The comparator that reproduces runs/search's `order_by` on loaded runs: values (numbers
 * numerically, strings by code unit like SQLite's binary collation), NaN then missing values last
 * in both directions, ties by start time (newest first) and then run id, as MLflow breaks them.
 */
export function compareRunsBy(sort: RunSort): (a: SortableRun, b: SortableRun) => number {
  const field = parseRunFieldId(sort.id) ?? parseRunFieldId(DEFAULT_RUN_SORT.id);
  const kind = field?.kind ?? 'attributes';
  const key = field?.key ?? 'start_time';
  const dir = sort.desc ? -1 : 1;
  const byStart = !(kind === 'attributes' && key === 'start_time');
  return (a, b) => {
    const va = sortValue(a, kind, key);
    const vb = sortValue(b, kind, key);
    const ra = rank(va);
    const rb = rank(vb);
    if (ra !== rb) return ra - rb;
    if (ra === 0 && va !== vb && va !== undefined && vb !== undefined) {
      return (va < vb ? -1 : 1) * dir;
    }
    if (byStart) {
      const sa = a.startTime ?? -Infinity;
      const sb = b.startTime ?? -Infinity;
      if (sa !== sb) return sb > sa ? 1 : -1;
    }
    return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
  };
}
