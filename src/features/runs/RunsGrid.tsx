import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReactTable } from '@tanstack/react-table';
import { linkClick } from './RunCells';
import { RunsHeaderRow } from './RunsHeaderRow';
import { RunsRow } from './RunsRow';
import type { RowActions } from './RunsRow';
import { ROW_HEIGHT } from './runs-table-model';
import type { RunsTableFeatures, TableRow } from './runs-table-model';
import type { BestMarks } from './useBestMarks';
import { useColumnLayout } from './useColumnLayout';
import type { ColumnActions } from './useColumnLayout';
import { widthVar } from './useColumnWindow';

interface RunsGridProps {
  table: ReactTable<RunsTableFeatures, TableRow, unknown>;
  rows: readonly TableRow[];
  /** The runs holding each metric column's best value. */
  best: BestMarks;
  selected: ReadonlySet<string>;
  /** Previous rows are on screen while a new sort or filter loads. */
  busy: boolean;
  actions: Omit<RowActions, 'focus'> & {
    open: (runId: string) => void;
    toggleAll: () => void;
  };
  allSelected: boolean | 'some';
  /** Column widths the user set, by column id. */
  widths: Readonly<Record<string, number>>;
  columnActions: ColumnActions;
}

const isTyping = (el: EventTarget) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    /^(TEXTAREA|SELECT)$/.test(el.tagName) ||
    (el instanceof HTMLInputElement && el.type !== 'checkbox'));

/**
 * The rows as a grid of blocks: a sticky header, then only the rows and columns in view, each row
 * a fixed-height box placed by a transform and laid out on its own (`contain`), so scrolling lays
 * out and paints the rows that enter and nothing else. The elements stay table ones with explicit
 * grid roles. Keyboard: j/k (or ↓/↑) move the focused row, x toggles its selection, Enter opens it.
 */
export function RunsGrid(props: RunsGridProps) {
  const { table, rows, best, selected, busy, actions, allSelected, columnActions } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(-1);
  const columns = table.getAllLeafColumns();
  const { rendered, colWidths, totalWidth, drag, resizing, controls } = useColumnLayout(
    columns,
    props.widths,
    columnActions,
    scrollRef,
  );

  // The virtualizer recomputes every row's offset (10,000 of them) whenever getItemKey changes
  // identity: so only when the rows do, never on a scroll.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders its host itself
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 6,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  // Cells take their widths from these variables, so a resize restyles cells but renders no row.
  // The row height the virtualizer places rows by is the one CSS draws them with.
  const tableStyle: Record<string, string | number> = {
    width: totalWidth,
    '--runs-row-height': `${ROW_HEIGHT}px`,
  };
  colWidths.forEach((w, i) => (tableStyle[widthVar(i)] = `${w}px`));

  // Pinned body cells are sticky only once the grid is scrolled sideways (runs-table.css): each
  // sticky cell is a compositor layer, and ~50 of them created per frame halved the vertical
  // scroll frame rate. Toggled on the element, not in state: no render on a scroll.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const update = () => el.classList.toggle('is-scrolled-x', el.scrollLeft > 0);
    update();
    el.addEventListener('scroll', update, { passive: true });
    return () => el.removeEventListener('scroll', update);
  }, []);

  // Row callbacks must keep their identity (rows are memoized) yet see the latest props.
  const latest = useRef({ actions, rows });
  useEffect(() => {
    latest.current = { actions, rows };
  });
  const rowActions = useMemo<RowActions>(
    () => ({
      select: (i, shift) => latest.current.actions.select(i, shift),
      toggleExpanded: (id) => latest.current.actions.toggleExpanded(id),
      toggleGroup: (group) => latest.current.actions.toggleGroup(group),
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
        else if (row) actions.toggleGroup(row);
        break;
      case 'Enter':
        // A focused link or button inside the table handles its own Enter.
        if (e.target !== e.currentTarget) return;
        if (row?.type === 'run') actions.open(row.run.runId);
        else if (row) actions.toggleGroup(row);
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
        onClick={(e) => {
          const runId = linkClick(e);
          if (runId === undefined) return;
          e.preventDefault();
          actions.open(runId);
        }}
        className="data-table runs-table"
        style={tableStyle as CSSProperties}
      >
        <thead role="rowgroup">
          <RunsHeaderRow
            rendered={rendered}
            colWidths={colWidths}
            headers={table.getHeaderGroups()[0]?.headers ?? []}
            allSelected={allSelected}
            onToggleAll={actions.toggleAll}
            onSort={(header) => {
              header.column.toggleSorting();
              // A new sort starts at the top: the rows below the fold are now other runs.
              scrollRef.current?.scrollTo({ top: 0 });
            }}
            drag={drag}
            resizing={resizing}
            controls={controls}
          />
        </thead>
        <tbody role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <RunsRow
                key={row.id}
                row={row}
                index={item.index}
                top={item.start}
                ariaRowIndex={item.index + 2}
                columns={rendered}
                best={best}
                selected={row.type === 'run' && selected.has(row.id)}
                focused={item.index === focused}
                actions={rowActions}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
