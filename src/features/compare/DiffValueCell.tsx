import { formatMetric } from '@/lib/format';
import type { Delta } from '@/lib/metric-direction';
import { deltaText } from '@/lib/run-diff/delta-text';
import type { DiffCell, SectionId } from '@/lib/run-diff/diff-model';

interface DiffValueCellProps {
  section: SectionId;
  cell: DiffCell | null;
  /** Against the baseline; absent in the baseline's own column and without a baseline. */
  delta: Delta | undefined;
  /** The best value of its metric row (by the metric's direction). */
  best: boolean;
  onOpen: () => void;
}

const VERDICT_WORDS: Partial<Record<Delta['verdict'], string>> = {
  better: 'better than the baseline',
  worse: 'worse than the baseline',
};

/**
 * One run's value of one key. Metrics read as numbers; everything else as the text MLflow holds,
 * truncated on one line: the button opens the whole value, with Copy.
 */
export function DiffValueCell({ section, cell, delta, best, onOpen }: DiffValueCellProps) {
  if (cell === null) {
    return (
      <span className="diff-missing" aria-label="not logged">
        —
      </span>
    );
  }
  const text = section === 'metrics' && cell.num !== undefined ? formatMetric(cell.num) : cell.text;
  const words = delta && VERDICT_WORDS[delta.verdict];
  return (
    <button
      type="button"
      className={`diff-value${best ? ' is-best' : ''}`}
      onClick={onOpen}
      title={cell.text.length > 200 ? `${cell.text.slice(0, 200)}…` : cell.text}
    >
      <span className="diff-value-text">{text}</span>
      {delta && delta.verdict !== 'incomparable' && (
        <span className={`diff-delta is-${delta.verdict}`}>
          {deltaText(delta)}
          {words && <span className="visually-hidden">, {words}</span>}
        </span>
      )}
      {best && <span className="visually-hidden">, best</span>}
    </button>
  );
}
