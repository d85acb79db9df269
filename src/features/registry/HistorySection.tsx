import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { RegisteredModel } from '@/api/types';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { useCanEdit } from '@/components/useCanEdit';
import { HISTORY_LIMIT, entryKey, rollbackOf, type RollbackPlan } from '@/lib/registry/history';
import { HistoryEntry } from './HistoryEntry';
import { RollbackDialog } from './RollbackDialog';
import { useModelTimeline } from './useModelTimeline';

/** The model page's URL fragment that opens it at its history (the promotion view links there). */
export const HISTORY_FRAGMENT = 'history';

/** Entries shown before "Show older": the page's versions come after the history. */
const FIRST_ENTRIES = 10;

/**
 * The model's alias moves and stage transitions, newest first, as recorded in its tags, with the
 * changes MLflow shows that no record explains (made outside Parallax) on top. The latest entry
 * of each alias and version stage can be rolled back.
 */
export function HistorySection({ model }: { model: RegisteredModel }) {
  const canEdit = useCanEdit();
  const { query, state, entries } = useModelTimeline(model);
  const [rollback, setRollback] = useState<RollbackPlan>();
  const [showAll, setShowAll] = useState(false);
  const section = useRef<HTMLElement>(null);
  const { hash } = useLocation();
  const ready = !query.isPending;
  // The browser looks for the fragment before the section exists: scroll once it does.
  useEffect(() => {
    if (ready && hash === `#${HISTORY_FRAGMENT}`) section.current?.scrollIntoView();
  }, [ready, hash]);

  return (
    <section
      ref={section}
      id={HISTORY_FRAGMENT}
      className="detail-section"
      aria-labelledby="model-history-title"
    >
      <h2 id="model-history-title">History</h2>
      {query.isPending ? (
        <Skeleton rows={3} label="Loading the history…" />
      ) : query.isError ? (
        <ErrorNotice
          error={query.error}
          title="The versions could not be read, so the history cannot be checked against them"
          onRetry={() => void query.refetch()}
        />
      ) : entries.length === 0 ? (
        <p className="detail-section-empty">
          No alias move or stage change recorded yet. Those made in Parallax are recorded here, in
          the model&apos;s own tags in MLflow (the newest {HISTORY_LIMIT}), for everyone.
        </p>
      ) : (
        <ol className="history-list" aria-label="History">
          {(showAll ? entries : entries.slice(0, FIRST_ENTRIES)).map((entry) => {
            const undo = rollbackOf(entry, entries, state);
            return (
              <HistoryEntry
                key={entryKey(entry)}
                name={model.name}
                entry={entry}
                rollback={canEdit ? undo : undefined}
                onRollback={setRollback}
              />
            );
          })}
        </ol>
      )}
      {!showAll && entries.length > FIRST_ENTRIES && (
        <button
          type="button"
          className="btn btn-small history-more"
          onClick={() => setShowAll(true)}
        >
          Show {entries.length - FIRST_ENTRIES} older
        </button>
      )}
      {rollback && (
        <RollbackDialog name={model.name} plan={rollback} onClose={() => setRollback(undefined)} />
      )}
    </section>
  );
}
