import { useCallback, useMemo } from 'react';
import type { RunView } from '@/api/runs';
import { compareKeys, topKeys } from '@/lib/run-fields';
import type { ColumnChoice } from '@/lib/runs-view-state';
import { MAX_KEY_COLUMNS } from './runs-table-model';

export interface RunKeys {
  metrics: string[];
  params: string[];
  tags: string[];
}

/** Every metric, param and tag key among the loaded runs, in natural order (for chooser and filter). */
export function useRunKeys(runs: readonly RunView[]) {
  const keys = useMemo<RunKeys>(() => {
    const metrics = new Set<string>();
    const params = new Set<string>();
    const tags = new Set<string>();
    for (const run of runs) {
      for (const k of run.metrics.keys()) metrics.add(k);
      for (const k of run.params.keys()) params.add(k);
      for (const k of run.tags.keys()) tags.add(k);
    }
    return {
      metrics: [...metrics].sort(compareKeys),
      params: [...params].sort(compareKeys),
      tags: [...tags].sort(compareKeys),
    };
  }, [runs]);

  const valuesFor = useCallback(
    (kind: 'params' | 'tags', key: string) => {
      const values = new Set<string>();
      for (const run of runs) {
        const v = run[kind].get(key);
        if (v !== undefined) values.add(v);
        if (values.size >= 200) break;
      }
      return [...values].sort(compareKeys);
    },
    [runs],
  );
  return { keys, valuesFor };
}

/** Until the user chooses, the most common metrics and params (up to MAX_KEY_COLUMNS each). */
export function useDefaultColumns(runs: readonly RunView[], sortId: string): ColumnChoice[] {
  const pin = (kind: string) =>
    sortId.startsWith(`${kind}.`) ? [sortId.slice(kind.length + 1)] : [];
  const pinMetric = pin('metrics').join();
  const pinParam = pin('params').join();
  // Keys cannot contain NUL, so a joined string is a safe memo key: columns change only with keys.
  const metricKeys = useMemo(
    () =>
      topKeys(
        runs.map((r) => r.metrics.keys()),
        MAX_KEY_COLUMNS,
        pinMetric ? [pinMetric] : [],
      ).join('\u0000'),
    [runs, pinMetric],
  );
  const paramKeys = useMemo(
    () =>
      topKeys(
        runs.map((r) => r.params.keys()),
        MAX_KEY_COLUMNS,
        pinParam ? [pinParam] : [],
      ).join('\u0000'),
    [runs, pinParam],
  );
  return useMemo(() => {
    const split = (s: string) => (s ? s.split('\u0000') : []);
    return [
      ...split(metricKeys).map((key) => ({ kind: 'metrics' as const, key, pinned: false })),
      ...split(paramKeys).map((key) => ({ kind: 'params' as const, key, pinned: false })),
    ];
  }, [metricKeys, paramKeys]);
}
