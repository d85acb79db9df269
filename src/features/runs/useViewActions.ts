import { useCallback, useMemo } from 'react';
import { moveColumn, stepColumn } from '@/lib/column-order';
import type { DropSide } from '@/lib/column-order';
import type { ColumnChoice } from '@/lib/runs-view-state';
import type { GroupRow } from './runs-table-model';
import type { RunsViewPatch } from './useRunsViewState';

/**
 * What the grid's rows and headers change in the view: expanded runs, collapsed groups, column
 * order and widths. Each reads the view at write time, so quick successive changes all land.
 */
export function useViewActions(
  updateView: (patch: RunsViewPatch) => void,
  chosen: readonly ColumnChoice[],
) {
  const toggleExpanded = useCallback(
    (runId: string) =>
      updateView(({ expanded }) => ({
        expanded: expanded.includes(runId)
          ? expanded.filter((id) => id !== runId)
          : [...expanded, runId],
      })),
    [updateView],
  );
  const toggleGroup = useCallback(
    (group: GroupRow) =>
      updateView(({ closedGroups }) => ({
        closedGroups: closedGroups.includes(group.value)
          ? closedGroups.filter((v) => v !== group.value)
          : [...closedGroups, group.value],
      })),
    [updateView],
  );
  // A new grouping has other groups: the collapsed ones of the previous grouping go.
  const setGroupBy = useCallback(
    (groupBy: string | undefined) => updateView({ groupBy, closedGroups: [] }),
    [updateView],
  );
  const resizeColumn = useCallback(
    (id: string, width: number | undefined) =>
      updateView(({ widths }) => {
        const rest = Object.fromEntries(Object.entries(widths).filter(([key]) => key !== id));
        return { widths: width === undefined ? rest : { ...rest, [id]: width } };
      }),
    [updateView],
  );
  // Until the user chooses columns, the defaults are what a move reorders.
  const reorder = useCallback(
    (change: (columns: readonly ColumnChoice[]) => readonly ColumnChoice[]) =>
      updateView(({ columns }) => {
        const now = columns ?? chosen;
        const next = change(now);
        return next === now ? {} : { columns: [...next] };
      }),
    [updateView, chosen],
  );
  const moveColumnTo = useCallback(
    (from: string, to: string, side: DropSide) => reorder((c) => moveColumn(c, from, to, side)),
    [reorder],
  );
  const stepColumnBy = useCallback(
    (id: string, delta: -1 | 1) => reorder((c) => stepColumn(c, id, delta)),
    [reorder],
  );
  return useMemo(
    () => ({
      toggleExpanded,
      toggleGroup,
      setGroupBy,
      resizeColumn,
      moveColumn: moveColumnTo,
      stepColumn: stepColumnBy,
    }),
    [toggleExpanded, toggleGroup, setGroupBy, resizeColumn, moveColumnTo, stepColumnBy],
  );
}
