import type { CSSProperties } from 'react';
import type { Header } from '@tanstack/react-table';
import type { RunsTableFeatures, TableRow } from './runs-table-model';

interface RunsHeaderCellProps {
  header: Header<RunsTableFeatures, TableRow, unknown>;
  style?: CSSProperties;
  onSort: () => void;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * One column header. Its accessible name is exactly the column's label (a metric key, "Name"…):
 * the metric/param label is hidden from assistive tech, and the sort arrow is drawn by CSS from
 * `aria-sort`, which is what a screen reader announces instead.
 */
export function RunsHeaderCell({ header, style, onSort }: RunsHeaderCellProps) {
  const { column } = header;
  const meta = column.columnDef.meta;
  const label = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;
  const sorted = column.getIsSorted();
  const className = [
    'runs-header',
    meta?.numeric ? 'is-numeric' : '',
    meta?.sticky ? 'is-sticky' : '',
    meta?.kindStart ? 'is-kind-start' : '',
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

  return (
    <th
      scope="col"
      colSpan={header.colSpan}
      aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
      className={className}
      style={style}
      title={label}
    >
      {column.getCanSort() ? (
        <button type="button" className="runs-sort-button" onClick={onSort}>
          {content}
          <span className="runs-sort-arrow" aria-hidden="true" />
        </button>
      ) : (
        <span className="runs-header-static">{content}</span>
      )}
    </th>
  );
}
