import type { ColumnChoice } from '@/lib/runs-view-state';
import { KIND_LABEL } from './runs-table-model';

interface ShownColumnsProps {
  chosen: readonly ColumnChoice[];
  onChange: (columns: ColumnChoice[]) => void;
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The chosen columns in display order, each with move up / down, pin and hide. */
export function ShownColumns({ chosen, onChange }: ShownColumnsProps) {
  if (chosen.length === 0) return <p className="chooser-count">No columns chosen.</p>;
  return (
    <ol className="runs-chooser-shown" aria-label="Shown columns">
      {chosen.map((c, i) => (
        <li key={`${c.kind}.${c.key}`}>
          <span className="runs-header-kind">{KIND_LABEL[c.kind]}</span>
          <span className="runs-chooser-key" title={c.key}>
            {c.key}
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={`Move ${c.key} up`}
            disabled={i === 0}
            onClick={() => onChange(move(chosen, i, i - 1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={`Move ${c.key} down`}
            disabled={i === chosen.length - 1}
            onClick={() => onChange(move(chosen, i, i + 1))}
          >
            ↓
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={`Pin ${c.key}`}
            aria-pressed={c.pinned}
            onClick={() =>
              onChange(chosen.map((x, j) => (j === i ? { ...x, pinned: !x.pinned } : x)))
            }
          >
            Pin
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={`Hide ${c.key}`}
            onClick={() => onChange(chosen.filter((_, j) => j !== i))}
          >
            Hide
          </button>
        </li>
      ))}
    </ol>
  );
}
