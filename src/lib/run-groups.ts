// Group runs by a param or tag value, with per-group statistics of metric columns.
import { compareKeys } from './run-fields';

export interface GroupableRun {
  metrics: ReadonlyMap<string, { value: number }>;
  params: ReadonlyMap<string, string>;
  tags: ReadonlyMap<string, string>;
}

export interface MetricStats {
  min: number;
  max: number;
  mean: number;
  /** Runs with a finite value of this metric; NaN and ±Infinity are left out of the figures. */
  count: number;
}

export interface RunGroup<T> {
  /** The param or tag value; undefined for the runs that do not have it. */
  value: string | undefined;
  runs: T[];
  stats: Map<string, MetricStats>;
}

export interface GroupBy {
  kind: 'params' | 'tags';
  key: string;
}

/** Parses a `params.<key>` / `tags.<key>` group id (the URL's `group`), else undefined. */
export function parseGroupBy(id: string | null | undefined): GroupBy | undefined {
  if (!id) return undefined;
  const dot = id.indexOf('.');
  const kind = id.slice(0, dot);
  const key = id.slice(dot + 1);
  if (dot <= 0 || !key || (kind !== 'params' && kind !== 'tags')) return undefined;
  return { kind, key };
}

/**
 * Groups in natural value order (`lr=3e-4` … `lr=1e-2`), the runs without the value last. Runs keep
 * their given (sorted) order inside a group.
 */
export function groupRuns<T extends GroupableRun>(
  runs: readonly T[],
  by: GroupBy,
  metricKeys: readonly string[],
): RunGroup<T>[] {
  const groups = new Map<string | undefined, T[]>();
  for (const run of runs) {
    const value = run[by.kind].get(by.key);
    const list = groups.get(value);
    if (list) list.push(run);
    else groups.set(value, [run]);
  }
  const values = [...groups.keys()].sort((a, b) =>
    a === undefined ? (b === undefined ? 0 : 1) : b === undefined ? -1 : compareKeys(a, b),
  );
  return values.map((value) => {
    const members = groups.get(value) ?? [];
    return { value, runs: members, stats: metricStats(members, metricKeys) };
  });
}

export function metricStats(
  runs: readonly GroupableRun[],
  metricKeys: readonly string[],
): Map<string, MetricStats> {
  const out = new Map<string, MetricStats>();
  for (const key of metricKeys) {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let count = 0;
    for (const run of runs) {
      const v = run.metrics.get(key)?.value;
      if (v === undefined || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      count += 1;
    }
    if (count > 0) out.set(key, { min, max, mean: sum / count, count });
  }
  return out;
}
