import { useMemo } from 'react';
import type { RunView } from '@/api/runs';
import { groupRuns, parseGroupBy } from '@/lib/run-groups';
import { flattenRunTree } from '@/lib/run-tree';
import type { RunRow, TableRow } from './runs-table-model';

function treeRows(runs: readonly RunView[], expanded: ReadonlySet<string>): RunRow[] {
  return flattenRunTree(runs, expanded).map((e) => ({
    type: 'run',
    id: e.item.runId,
    run: e.item,
    depth: e.depth,
    childCount: e.childCount,
    expanded: e.expanded,
  }));
}

/**
 * The rows in display order: the nested-run tree (children under their expanded parent), inside
 * collapsible groups when grouping by a param or tag.
 */
export function useTableRows(
  runs: readonly RunView[],
  groupBy: string | undefined,
  expanded: readonly string[],
  /** Values of the collapsed groups (null: the runs without the value). */
  collapsedGroups: ReadonlySet<string | null>,
  metricKeys: readonly string[],
): TableRow[] {
  const expandedSet = useMemo(() => new Set(expanded), [expanded]);
  return useMemo(() => {
    const by = parseGroupBy(groupBy);
    if (!by) return treeRows(runs, expandedSet);
    const rows: TableRow[] = [];
    for (const group of groupRuns(runs, by, metricKeys)) {
      const id = `group:${group.value ?? ''}${group.value === undefined ? '\u0000' : ''}`;
      const value = group.value ?? null;
      const collapsed = collapsedGroups.has(value);
      rows.push({
        type: 'group',
        id,
        value,
        label: group.value === undefined ? `(no ${by.key})` : group.value,
        count: group.runs.length,
        collapsed,
        stats: group.stats,
      });
      if (!collapsed) rows.push(...treeRows(group.runs, expandedSet));
    }
    return rows;
  }, [runs, groupBy, expandedSet, collapsedGroups, metricKeys]);
}
