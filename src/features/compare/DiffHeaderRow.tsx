import type { VirtualItem } from '@tanstack/react-virtual';
import { Link } from 'react-router';
import type { RunView } from '@/api/runs';
import { paths } from '@/lib/paths';

interface DiffHeaderRowProps {
  runs: readonly RunView[];
  /** The run columns in view. */
  columns: readonly VirtualItem[];
  keyWidth: number;
  width: number;
  height: number;
  colors: ReadonlyMap<string, string>;
  baselineId: string | undefined;
  onBaseline: (runId: string | undefined) => void;
}

/** The sticky head of the diff: per run its colour, name (a link to the run) and baseline switch. */
export function DiffHeaderRow(props: DiffHeaderRowProps) {
  const { runs, columns, keyWidth, baselineId } = props;
  return (
    <div
      className="diff-head"
      role="row"
      aria-rowindex={1}
      style={{ width: props.width, height: props.height }}
    >
      <div
        className="diff-corner"
        role="columnheader"
        aria-colindex={1}
        style={{ width: keyWidth }}
      >
        Key
      </div>
      {columns.map((c) => {
        const run = runs[c.index];
        if (!run) return null;
        const isBaseline = run.runId === baselineId;
        return (
          <div
            key={run.runId}
            role="columnheader"
            aria-colindex={c.index + 2}
            data-run={run.runId}
            className={`diff-run${isBaseline ? ' is-baseline' : ''}`}
            style={{ left: keyWidth + c.start, width: c.size }}
          >
            <span
              className="diff-run-swatch"
              style={{ background: props.colors.get(run.runId) ?? 'currentColor' }}
              aria-hidden="true"
            />
            <Link
              className="diff-run-name"
              to={paths.run.href(run.experimentId, run.runId)}
              title={run.name}
            >
              {run.name}
            </Link>
            <button
              type="button"
              className={`diff-baseline${isBaseline ? ' is-on' : ''}`}
              aria-pressed={isBaseline}
              aria-label={`Baseline: ${run.name}`}
              onClick={() => props.onBaseline(isBaseline ? undefined : run.runId)}
            >
              {isBaseline ? 'Baseline' : 'Make baseline'}
            </button>
          </div>
        );
      })}
    </div>
  );
}
