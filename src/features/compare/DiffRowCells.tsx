import type { VirtualItem } from '@tanstack/react-virtual';
import { bestInColumn, deltaAgainst } from '@/lib/metric-direction';
import type { MetricDirection } from '@/lib/metric-direction';
import type { DiffRow } from '@/lib/run-diff/diff-model';
import { DiffValueCell } from './DiffValueCell';

interface DiffRowCellsProps {
  row: DiffRow;
  /** The run columns in view. */
  columns: readonly VirtualItem[];
  /** Where the run columns start (the key column's width). */
  offset: number;
  /** The baseline is column 0 when there is one. */
  hasBaseline: boolean;
  direction: MetricDirection;
  onOpen: (runIndex: number) => void;
}

/**
 * The cells of one row that are in view. Deltas are against the baseline's cell, for rows whose
 * values are numbers; colored only for metrics, whose direction says which way is better.
 */
export function DiffRowCells({
  row,
  columns,
  offset,
  hasBaseline,
  direction,
  onOpen,
}: DiffRowCellsProps) {
  const base = hasBaseline ? row.cells[0] : undefined;
  const numbers =
    row.numeric && row.section === 'metrics' ? row.cells.map((c) => c?.num) : undefined;
  const best = numbers ? bestInColumn(numbers, direction) : undefined;
  // A best mark says something only when some values compete and not all of them tie.
  const marked =
    best && best.candidates > 1 && best.indices.length < best.candidates ? best.indices : [];
  return (
    <>
      {columns.map((c) => {
        const cell = row.cells[c.index] ?? null;
        const delta =
          base && c.index > 0 && row.numeric && cell && row.section !== 'attributes'
            ? deltaAgainst(cell.num, base.num, direction)
            : undefined;
        return (
          <div
            key={c.key}
            role="cell"
            aria-colindex={c.index + 2}
            className={`diff-cell${hasBaseline && c.index === 0 ? ' is-baseline' : ''}`}
            style={{ left: offset + c.start, width: c.size }}
          >
            <DiffValueCell
              section={row.section}
              cell={cell}
              delta={delta}
              best={marked.includes(c.index)}
              onOpen={() => onOpen(c.index)}
            />
          </div>
        );
      })}
    </>
  );
}
