import { RelativeTime } from '@/components/RelativeTime';
import { formatTimestamp } from '@/lib/format';
import { viewOf } from '@/lib/registry/history';
import type { Rollback, RollbackPlan, TimelineEntry } from '@/lib/registry/history';
import { HistoryChange } from './HistoryChange';

interface HistoryEntryProps {
  name: string;
  entry: TimelineEntry;
  /** What a rollback would do; undefined: none offered (not the latest entry, or read-only). */
  rollback?: Rollback | undefined;
  onRollback?: (plan: RollbackPlan) => void;
}

/** One line of the history: what moved, who and when, and its rollback when it has one. */
export function HistoryEntry({ name, entry, rollback, onRollback }: HistoryEntryProps) {
  const view = viewOf(entry);
  const about = view.kind === 'alias' ? `@${view.alias}` : `the stage of version ${view.version}`;
  return (
    <li className={view.outside ? 'history-entry history-entry-outside' : 'history-entry'}>
      <HistoryChange name={name} view={view} />
      <p className="history-meta">
        {view.outside ? (
          <>by unknown (outside Parallax), some time after {formatTimestamp(view.at)}</>
        ) : (
          <>
            by <span className="history-by">{view.by ?? 'unknown (recorded by Parallax)'}</span>,{' '}
            <RelativeTime ms={view.at} /> ({formatTimestamp(view.at)})
          </>
        )}
      </p>
      {rollback &&
        (rollback.ok ? (
          <button
            type="button"
            className="btn btn-small history-rollback"
            aria-label={`Roll back ${about}`}
            onClick={() => onRollback?.(rollback.plan)}
          >
            Roll back
          </button>
        ) : (
          <p className="history-meta">Cannot be rolled back: {rollback.reason}</p>
        ))}
    </li>
  );
}
