// Server-side run ordering: the sort as it lives in the URL (`?sort=metrics.accuracy&dir=desc`) and
// the `order_by` clause MLflow's runs/search understands (`metrics.\`accuracy\` DESC`).

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

const KIND_ALIASES: Record<string, RunFieldKind> = {
  metric: 'metrics',
  metrics: 'metrics',
  param: 'params',
  params: 'params',
  parameter: 'params',
  parameters: 'params',
  tag: 'tags',
  tags: 'tags',
  attribute: 'attributes',
  attributes: 'attributes',
  attr: 'attributes',
  run: 'attributes',
};

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
  const kind = Object.hasOwn(KIND_ALIASES, id.slice(0, dot))
    ? KIND_ALIASES[id.slice(0, dot)]
    : undefined;
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

/** Runs per runs/search request: small pages keep the first paint fast on wide experiments. */
export const RUNS_PAGE_SIZE = 100;

/**
 * What the runs table asks runs/search for, derived from the URL alone, so a route loader can warm
 * exactly the cache entry the table will read.
 */
export function runsSearchFromUrl(experimentId: string, search: URLSearchParams) {
  const orderBy = orderByClause(readRunSort(search)) ?? orderByClause(DEFAULT_RUN_SORT);
  return {
    experimentIds: [experimentId],
    orderBy: orderBy ? [orderBy] : [],
    maxResults: RUNS_PAGE_SIZE,
  };
}
