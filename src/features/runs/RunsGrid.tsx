import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReactTable } from '@tanstack/react-table';
import { RunsHeaderCell } from './RunsHeaderCell';
import { RunsRow } from './RunsRow';
import type { RowActions } from './RunsRow';
import { ROW_HEIGHT } from './runs-table-model';
import type { RunsTableFeatures, TableRow } from './runs-table-model';
import { useColumnWindow } from './useColumnWindow';
import { SELECT_COLUMN_ID } from './useRunsTableColumns';

interface RunsGridProps {
  table: ReactTable<RunsTableFeatures, TableRow, unknown>;
  rows: readonly TableRow[];
  selected: ReadonlySet<string>;
  /** Previous rows are on screen while a new sort or filter loads. */
  busy: boolean;
  actions: Omit<RowActions, 'focus'> & {
    open: (runId: string) => void;
    toggleAll: () => void;
  };
  allSelected: boolean | 'some';
}

const isTyping = (el: EventTarget) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    /^(TEXTAREA|SELECT)$/.test(el.tagName) ||
    (el instanceof HTMLInputElement && el.type !== 'checkbox'));

/**
 * The rows as a real table: a sticky header, only the rows and columns in view rendered, spacers
 * for the rest. Keyboard: j/k (or ↓/↑) move the focused row, x toggles its selection, Enter opens it.
 */
export function RunsGrid({ table, rows, selected, busy, actions, allSelected }: RunsGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(-1);
  const headerById = new Map(
    (table.getHeaderGroups()[0]?.headers ?? []).map((h) => [h.column.id, h]),
  );
  const columns = table.getAllLeafColumns();
  const { rendered, totalWidth } = useColumnWindow(columns, scrollRef);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders its host itself
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 6,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  // Row callbacks must keep their identity (rows are memoized) yet see the latest props.
  const latest = useRef({ actions, rows });
  useEffect(() => {
    latest.current = { actions, rows };
  });
  const rowActions = useMemo<RowActions>(
    () => ({
      select: (i, shift) => latest.current.actions.select(i, shift),
      toggleExpanded: (id) => latest.current.actions.toggleExpanded(id),
      toggleGroup: (id) => latest.current.actions.toggleGroup(id),
      focus: setFocused,
    }),
    [],
  );

  const moveFocus = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setFocused(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    const row = rows[focused];
    switch (e.key) {
      case 'j':
      case 'ArrowDown':
        moveFocus(focused + 1);
        break;
      case 'k':
      case 'ArrowUp':
        moveFocus(focused - 1);
        break;
      case 'x':
        if (row?.type === 'run') actions.select(focused, e.shiftKey);
        else if (row) actions.toggleGroup(row.id);
        break;
      case 'Enter':
        // A focused link or button inside the table handles its own Enter.
        if (e.target !== e.currentTarget) return;
        if (row?.type === 'run') actions.open(row.run.runId);
        else if (row) actions.toggleGroup(row.id);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div ref={scrollRef} className="runs-scroll">
      <table
        role="grid"
        aria-label="Runs"
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        aria-busy={busy || undefined}
        aria-activedescendant={rows[focused] ? `runs-row-${focused}` : undefined}
        aria-multiselectable="true"
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="data-table runs-table"
        style={{ width: totalWidth }}
      >
        <colgroup>
          {rendered.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {rendered.map((c) => {
              const header = headerById.get(c.id);
              if (c.spacer !== undefined || !header)
                return <th key={c.key} aria-hidden="true" className="runs-col-spacer" />;
              if (c.id === SELECT_COLUMN_ID) {
                return (
                  <th key={c.key} scope="col" className={c.className} style={c.style}>
                    <input
                      type="checkbox"
                      className="runs-checkbox"
                      aria-label="Select all runs"
                      checked={allSelected === true}
                      ref={(el) => {
                        if (el) el.indeterminate = allSelected === 'some';
                      }}
                      onChange={actions.toggleAll}
                    />
                  </th>
                );
              }
              return (
                <RunsHeaderCell
                  key={c.key}
                  header={header}
                  style={c.style}
                  onSort={() => {
                    header.column.toggleSorting();
                    // A new sort starts at the top: the rows below the fold are now other runs.
                    scrollRef.current?.scrollTo({ top: 0 });
                  }}
                />
              );
            })}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && <SpacerRow height={paddingTop} colSpan={rendered.length} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <RunsRow
                key={row.id}
                row={row}
                index={item.index}
                ariaRowIndex={item.index + 2}
                columns={rendered}
                selected={row.type === 'run' && selected.has(row.id)}
                focused={item.index === focused}
                actions={rowActions}
              />
            );
          })}
          {paddingBottom > 0 && <SpacerRow height={paddingBottom} colSpan={rendered.length} />}
        </tbody>
      </table>
    </div>
  );
}

function SpacerRow({ height, colSpan }: { height: number; colSpan: number }) {
  return (
    <tr aria-hidden="true" className="runs-spacer" style={{ height }}>
      <td colSpan={colSpan} />
    </tr>
  );
}
