// Pure helpers about run fields (metric / param / tag keys, statuses) shared by the runs table and
// the run page. Framework-free and independent of the wire types.

/**
 * The `limit` keys present in the most runs (ties by name), shown in natural order. Keys in `pinned`
 * (e.g. the sorted column) are always kept, so sorting by a rare metric never hides its column.
 */
export function topKeys(
  keySets: Iterable<Iterable<string>>,
  limit: number,
  pinned: readonly string[] = [],
): string[] {
  const counts = new Map<string, number>();
  for (const keys of keySets) {
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const byFrequency = [...counts.entries()]
    .sort(([a, na], [b, nb]) => nb - na || compareKeys(a, b))
    .map(([key]) => key);
  const chosen = new Set(pinned);
  for (const key of byFrequency) {
    if (chosen.size >= limit) break;
    chosen.add(key);
  }
  return [...chosen].sort(compareKeys);
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural, case-insensitive key order: `layer2` before `layer10`, `C` beside `c`. */
export function compareKeys(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export type RunStatusName = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';

const STATUS_LABELS: Record<RunStatusName, string> = {
  RUNNING: 'Running',
  SCHEDULED: 'Scheduled',
  FINISHED: 'Finished',
  FAILED: 'Failed',
  KILLED: 'Killed',
};

export function statusLabel(status: RunStatusName | undefined): string {
  return status ? STATUS_LABELS[status] : 'Unknown';
}

/** Tags MLflow sets for itself (`mlflow.user`, `mlflow.source.name`…), as opposed to the user's. */
export function isSystemTag(key: string): boolean {
  return key.startsWith('mlflow.');
}

/** Key/value pairs whose key or value contains `query`, case-insensitively; all when it is blank. */
export function filterEntries<V extends string>(
  entries: readonly (readonly [string, V])[],
  query: string,
): (readonly [string, V])[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...entries];
  return entries.filter(
    ([key, value]) => key.toLowerCase().includes(needle) || value.toLowerCase().includes(needle),
  );
}

/** The first 7 characters of a git commit, as git itself abbreviates. */
export function shortCommit(sha: string): string {
  return sha.slice(0, 7);
}
