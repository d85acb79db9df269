import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReactTable } from '@tanstack/react-table';
import type { RunView } from '@/api/runs';
import { RunsHeaderCell } from './RunsHeaderCell';
import { ROW_HEIGHT } from './runs-table-model';
import type { RunColumnMeta, RunsTableFeatures } from './runs-table-model';

interface RunsGridProps {
  table: ReactTable<RunsTableFeatures, RunView, unknown>;
  /** Previous rows are on screen while a new sort loads. */
  busy: boolean;
}

/**
 * The runs as a real <table>: a sticky header and only the rows in view (plus overscan) rendered,
 * with spacer rows above and below so the scrollbar and native table layout stay right.
 */
export function RunsGrid({ table, busy }: RunsGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const headerGroups = table.getHeaderGroups();
  const leafColumns = table.getAllLeafColumns();
  // The virtualizer re-renders this component itself; nothing here is memoized by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
    // React 19 warns about flushSync during render; the default is kept for older Reacts only.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const headerRows = headerGroups.length;

  // A new sort starts at the top: the rows below the fold are now different runs.
  const scrollToTop = () => scrollRef.current?.scrollTo({ top: 0 });

  return (
    <div ref={scrollRef} className="runs-scroll">
      <table
        aria-label="Runs"
        aria-rowcount={rows.length + headerRows}
        aria-busy={busy || undefined}
        className="data-table runs-table"
        style={{ width: table.getTotalSize() }}
      >
        <colgroup>
          {leafColumns.map((column) => (
            <col key={column.id} style={{ width: column.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {headerGroups.map((group, depth) => (
            <tr key={group.id} aria-rowindex={depth + 1}>
              {group.headers.map((header) => (
                <RunsHeaderCell
                  key={header.id}
                  header={header}
                  onSort={() => {
                    header.column.toggleSorting();
                    scrollToTop();
                  }}
                />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && <SpacerRow height={paddingTop} colSpan={leafColumns.length} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr key={row.id} aria-rowindex={item.index + headerRows + 1} className="runs-row">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cellClass(cell.column.columnDef.meta)}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 && <SpacerRow height={paddingBottom} colSpan={leafColumns.length} />}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(meta: RunColumnMeta | undefined): string {
  return [
    meta?.numeric ? 'is-numeric' : '',
    meta?.sticky ? 'is-sticky' : '',
    meta?.kindStart ? 'is-kind-start' : '',
  ].join(' ');
}

function SpacerRow({ height, colSpan }: { height: number; colSpan: number }) {
  return (
    <tr aria-hidden="true" className="runs-spacer" style={{ height }}>
      <td colSpan={colSpan} />
    </tr>
  );
}
