import { memo } from 'react';
import type { CSSProperties } from 'react';
import { formatMetric } from '@/lib/format';
import type { MetricStats } from '@/lib/run-groups';
import { RunNameLink } from './RunCells';
import type { BestMarks } from './useBestMarks';
import type { GroupRow, RunRow, TableRow } from './runs-table-model';
import { NAME_COLUMN_ID, SELECT_COLUMN_ID } from './useRunsTableColumns';
import type { RenderedColumn } from './useColumnWindow';

/** The tree toggle's width and the gap after it (runs-table.css). */
const TOGGLE_SPACE = 22;

export interface RowActions {
  select: (index: number, shift: boolean) => void;
  toggleExpanded: (runId: string) => void;
  toggleGroup: (group: GroupRow) => void;
  focus: (index: number) => void;
}

interface RunsRowProps {
  row: TableRow;
  index: number;
  /** Where the row sits in the body, in px. */
  top: number;
  /** The columns in view (sticky ones first), with spacer widths for the rest. */
  columns: readonly RenderedColumn[];
  /** The runs holding each metric column's best value (one map for every row). */
  best: BestMarks;
  selected: boolean;
  focused: boolean;
  actions: RowActions;
  ariaRowIndex: number;
}

/**
 * One table row. Memoized on its own props: scrolling, a selection change or a new page re-renders
 * only the rows whose run, selection or focus changed, never all of them.
 */
export const RunsRow = memo(function RunsRow(props: RunsRowProps) {
  const { row, index, top, columns, best, selected, focused, actions, ariaRowIndex } = props;
  const className = [
    'runs-row',
    row.type === 'group' ? 'runs-group-row' : '',
    selected ? 'is-selected' : '',
    focused ? 'is-focused' : '',
  ].join(' ');
  return (
    <tr
      id={`runs-row-${index}`}
      role="row"
      style={{ transform: `translateY(${top}px)` }}
      aria-rowindex={ariaRowIndex}
      aria-selected={row.type === 'run' ? selected : undefined}
      className={className}
      data-run-id={row.type === 'run' ? row.run.runId : undefined}
      onMouseDown={() => actions.focus(index)}
    >
      {columns.map((c) =>
        c.spacer !== undefined ? (
          <td key={c.key} aria-hidden="true" className="runs-col-spacer" style={c.style} />
        ) : (
          <td
            key={c.key}
            role="gridcell"
            className={c.className}
            style={c.style}
            title={row.type === 'run' ? c.title?.(row.run) : undefined}
            data-column={c.id}
          >
            {/* Called, not rendered as components: a fiber less per cell, and cells have no state. */}
            {row.type === 'run'
              ? runCell({ row, index, column: c, selected, actions, best })
              : groupCell({ row, column: c, actions })}
          </td>
        ),
      )}
    </tr>
  );
});

function runCell({
  row,
  index,
  column,
  selected,
  actions,
  best,
}: {
  row: RunRow;
  index: number;
  column: RenderedColumn;
  selected: boolean;
  actions: RowActions;
  best: BestMarks;
}) {
  const { run } = row;
  if (column.id === SELECT_COLUMN_ID) {
    return (
      <input
        type="checkbox"
        className="runs-checkbox"
        aria-label={`Select ${run.name}`}
        checked={selected}
        // onClick, not onChange: the shift key of the click extends the selection as a range.
        onClick={(e) => actions.select(index, e.shiftKey)}
        onChange={() => undefined}
      />
    );
  }
  if (column.id === NAME_COLUMN_ID) {
    // A leaf's name lines up with its siblings' names, after where their toggle is.
    const indent: CSSProperties = {
      paddingLeft: row.depth * 16 + (row.childCount > 0 ? 0 : TOGGLE_SPACE),
    };
    return (
      <span className="runs-name-cell" style={indent}>
        {row.childCount > 0 ? (
          <button
            type="button"
            className="runs-tree-toggle"
            aria-expanded={row.expanded}
            aria-label={`Child runs of ${run.name} (${row.childCount})`}
            onClick={() => actions.toggleExpanded(run.runId)}
          >
            <span aria-hidden="true">{row.expanded ? '▾' : '▸'}</span>
          </button>
        ) : null}
        <RunNameLink run={run} />
        {run.lifecycleStage === 'deleted' && <span className="badge runs-deleted">deleted</span>}
      </span>
    );
  }
  if (best.get(column.id)?.has(run.runId)) {
    // The mark is CSS generated content, with "best" as its alternative text for screen readers:
    // the cell's text stays the value, for copying and for every reader of the table's text.
    return <span className="runs-best">{column.render?.(run)}</span>;
  }
  return <>{column.render?.(run)}</>;
}

function groupCell({
  row,
  column,
  actions,
}: {
  row: GroupRow;
  column: RenderedColumn;
  actions: RowActions;
}) {
  if (column.id === NAME_COLUMN_ID) {
    return (
      <button
        type="button"
        className="runs-group-toggle"
        aria-expanded={!row.collapsed}
        onClick={() => actions.toggleGroup(row)}
      >
        <span aria-hidden="true">{row.collapsed ? '▸' : '▾'} </span>
        <span className="runs-group-label">{row.label}</span>{' '}
        <span className="runs-group-count">
          ({row.count.toLocaleString('en')} {row.count === 1 ? 'run' : 'runs'})
        </span>
      </button>
    );
  }
  const stats = column.metricKey === undefined ? undefined : row.stats.get(column.metricKey);
  return stats ? <GroupStats stats={stats} /> : null;
}

function GroupStats({ stats }: { stats: MetricStats }) {
  const title = `min ${stats.min}, max ${stats.max}, mean ${stats.mean} (${stats.count} runs)`;
  return (
    <span className="runs-group-stats" title={title}>
      <span className="runs-stat-mean" data-stat="mean">
        μ {formatMetric(stats.mean)}
      </span>
      <span className="runs-stat-range">
        <span data-stat="min">{formatMetric(stats.min)}</span>–
        <span data-stat="max">{formatMetric(stats.max)}</span>
      </span>
    </span>
  );
}
