import type { Header } from '@tanstack/react-table';
import { RunsHeaderCell } from './RunsHeaderCell';
import type { HeaderControls } from './RunsHeaderCell';
import type { RunsTableFeatures, TableRow } from './runs-table-model';
import type { ColumnDrag } from './useColumnDrag';
import type { RenderedColumn } from './useColumnWindow';
import { SELECT_COLUMN_ID } from './useRunsTableColumns';

interface RunsHeaderRowProps {
  rendered: readonly RenderedColumn[];
  colWidths: readonly number[];
  headers: readonly Header<RunsTableFeatures, TableRow, unknown>[];
  allSelected: boolean | 'some';
  onToggleAll: () => void;
  onSort: (header: Header<RunsTableFeatures, TableRow, unknown>) => void;
  drag: ColumnDrag | null;
  /** The column whose grip is being dragged. */
  resizing: string | undefined;
  controls: HeaderControls;
}

/** The header row of the columns in view: select-all, then one sortable, movable, resizable header each. */
export function RunsHeaderRow(props: RunsHeaderRowProps) {
  const { rendered, colWidths, headers, allSelected, onToggleAll, onSort, drag } = props;
  const headerById = new Map(headers.map((h) => [h.column.id, h]));
  return (
    <tr role="row" aria-rowindex={1}>
      {rendered.map((c, i) => {
        const header = headerById.get(c.id);
        if (c.spacer !== undefined || !header)
          return <th key={c.key} aria-hidden="true" className="runs-col-spacer" style={c.style} />;
        if (c.id === SELECT_COLUMN_ID) {
          return (
            <th key={c.key} scope="col" role="columnheader" className={c.className} style={c.style}>
              <input
                type="checkbox"
                className="runs-checkbox"
                aria-label="Select all runs"
                checked={allSelected === true}
                ref={(el) => {
                  if (el) el.indeterminate = allSelected === 'some';
                }}
                onChange={onToggleAll}
              />
            </th>
          );
        }
        const meta = header.column.columnDef.meta;
        return (
          <RunsHeaderCell
            key={c.key}
            header={header}
            style={c.style}
            width={colWidths[i] ?? header.column.getSize()}
            moveGroup={meta?.kind ? (meta.sticky ? 'pinned' : 'free') : undefined}
            dragState={
              drag?.from === c.id
                ? 'dragging'
                : drag?.over?.id === c.id
                  ? drag.over.side
                  : undefined
            }
            resizing={props.resizing === c.id}
            controls={props.controls}
            onSort={() => onSort(header)}
          />
        );
      })}
    </tr>
  );
}
