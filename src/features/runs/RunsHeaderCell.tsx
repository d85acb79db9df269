import type { CSSProperties, KeyboardEvent, PointerEvent } from 'react';
import type { Header } from '@tanstack/react-table';
import { ColumnResizeHandle } from './ColumnResizeHandle';
import type { RunsTableFeatures, TableRow } from './runs-table-model';

/** What a header does beyond sorting; one object for all headers, ids passed back. */
export interface HeaderControls {
  startMove: (e: PointerEvent<HTMLElement>, id: string, group: string) => void;
  step: (id: string, delta: -1 | 1) => void;
  startResize: (e: PointerEvent<HTMLElement>, id: string, width: number) => void;
  /** A new width; undefined goes back to the default. */
  resizeTo: (id: string, width: number | undefined, fallback: number) => void;
}

interface RunsHeaderCellProps {
  header: Header<RunsTableFeatures, TableRow, unknown>;
  style?: CSSProperties;
  width: number;
  /** Chosen columns move by drag within their group (`pinned` or `free`); the others stay. */
  moveGroup: 'pinned' | 'free' | undefined;
  /** This header is being dragged, or the drop would land before / after it. */
  dragState: 'dragging' | 'before' | 'after' | undefined;
  resizing: boolean;
  controls: HeaderControls;
  onSort: () => void;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * One column header. Its accessible name is exactly the column's label (a metric key, "Name"…),
 * given by aria-label so the resize grip's own name stays out of it; the sort arrow is drawn by
 * CSS from `aria-sort`, which is what a screen reader announces instead.
 */
export function RunsHeaderCell(props: RunsHeaderCellProps) {
  const { header, style, width, moveGroup, dragState, resizing, controls, onSort } = props;
  const { column } = header;
  const meta = column.columnDef.meta;
  const label = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;
  const sorted = column.getIsSorted();
  const className = [
    'runs-header',
    meta?.numeric ? 'is-numeric' : '',
    meta?.sticky ? 'is-sticky' : '',
    meta?.kindStart ? 'is-kind-start' : '',
    moveGroup ? 'is-movable' : '',
    dragState === 'dragging' ? 'is-dragging' : '',
    dragState === 'before' ? 'is-drop-before' : '',
    dragState === 'after' ? 'is-drop-after' : '',
  ].join(' ');
  const content = (
    <>
      {meta?.kind && (
        <span className="runs-header-kind" aria-hidden="true">
          {meta.kind}
        </span>
      )}
      <span className="runs-header-label">{label}</span>
    </>
  );
  // Alt+←/→ on a focused header is the keyboard way to drag it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (!moveGroup || !e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    e.stopPropagation();
    controls.step(column.id, e.key === 'ArrowLeft' ? -1 : 1);
  };
  const fallback = column.getSize();

  return (
    <th
      scope="col"
      role="columnheader"
      aria-label={label}
      aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
      className={className}
      style={style}
      title={label}
      data-column-id={column.id}
      data-move-group={moveGroup}
      onPointerDown={moveGroup ? (e) => controls.startMove(e, column.id, moveGroup) : undefined}
      onKeyDown={onKeyDown}
    >
      {column.getCanSort() ? (
        <button type="button" className="runs-sort-button" onClick={onSort}>
          {content}
          <span className="runs-sort-arrow" aria-hidden="true" />
        </button>
      ) : (
        <span className="runs-header-static">{content}</span>
      )}
      <ColumnResizeHandle
        label={label}
        width={width}
        active={resizing}
        onPointerDown={(e) => controls.startResize(e, column.id, width)}
        onResize={(to) => controls.resizeTo(column.id, to, fallback)}
      />
    </th>
  );
}
