import { useCallback, useMemo, useRef } from 'react';
import type { RunView } from '@/api/runs';
import type { TableRow } from './runs-table-model';

/**
 * Click, shift-click range and select-all over the table's rows. The range anchor is a run id,
 * not an index, so rows arriving in between do not move it.
 */
export function useRowSelection(
  rows: readonly TableRow[],
  runs: readonly RunView[],
  selected: ReadonlySet<string>,
  setSelected: (ids: Iterable<string>) => void,
) {
  const anchor = useRef<string | undefined>(undefined);

  const select = useCallback(
    (index: number, shift: boolean) => {
      const now = rows;
      const current = selected;
      const row = now[index];
      if (row?.type !== 'run') return;
      const from =
        anchor.current === undefined ? -1 : now.findIndex((r) => r.id === anchor.current);
      const next = new Set(current);
      if (shift && from !== -1) {
        const [a, b] = from < index ? [from, index] : [index, from];
        for (const r of now.slice(a, b + 1)) if (r.type === 'run') next.add(r.id);
      } else {
        if (!next.delete(row.id)) next.add(row.id);
        anchor.current = row.id;
      }
      setSelected(next);
    },
    [rows, selected, setSelected],
  );

  // The selection's runs among those loaded, in table order (what Compare and Delete act on).
  const selectedIds = useMemo(() => {
    if (selected.size === 0) return [];
    const inRows = rows.filter((r) => r.type === 'run' && selected.has(r.id)).map((r) => r.id);
    const seen = new Set(inRows);
    // Selected runs hidden in a collapsed parent or group still count.
    for (const run of runs)
      if (selected.has(run.runId) && !seen.has(run.runId)) inRows.push(run.runId);
    return inRows;
  }, [rows, runs, selected]);

  const allSelected: boolean | 'some' =
    selectedIds.length === 0 ? false : selectedIds.length === runs.length ? true : 'some';

  const toggleAll = useCallback(() => {
    setSelected(allSelected === true ? [] : runs.map((r) => r.runId));
  }, [allSelected, runs, setSelected]);

  return { select, selectedIds, allSelected, toggleAll };
}
