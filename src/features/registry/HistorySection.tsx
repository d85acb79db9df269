import { useMemo, useState } from 'react';
import type { RegisteredModel } from '@/api/types';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { useCanEdit } from '@/components/useCanEdit';
import {
  HISTORY_LIMIT,
  readHistory,
  registryState,
  rollbackOf,
  timeline,
  type RollbackPlan,
  type TimelineEntry,
} from '@/lib/registry/history';
import { HistoryEntry } from './HistoryEntry';
import { RollbackDialog } from './RollbackDialog';
import { useModelVersions } from './useModelVersions';

/** Entries shown before "Show older": the page's versions come after the history. */
const FIRST_ENTRIES = 10;

/**
 * The model's alias moves and stage transitions, newest first, as recorded in its tags, with the
 * changes MLflow shows that no record explains (made outside Parallax) on top. The latest entry
 * of each alias and version stage can be rolled back.
 */
export function HistorySection({ model }: { model: RegisteredModel }) {
  const canEdit = useCanEdit();
  const { query, versions } = useModelVersions(model.name);
  const [rollback, setRollback] = useState<RollbackPlan>();
  const [showAll, setShowAll] = useState(false);
  const records = useMemo(() => readHistory(model.tags ?? []), [model.tags]);
  const state = useMemo(
    () => registryState(model.aliases ?? [], versions),
    [model.aliases, versions],
  );
  // Judged only once the versions are known: before, every recorded version would look deleted.
  const entries = useMemo(
    () => (query.isSuccess ? timeline(records, state) : []),
    [query.isSuccess, records, state],
  );

  return (
    <section className="detail-section" aria-labelledby="model-history-title">
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
                key={entry.source === 'outside' ? outsideKey(entry) : entry.record.id}
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

function outsideKey(entry: Extract<TimelineEntry, { source: 'outside' }>): string {
  const { change } = entry;
  return change.kind === 'alias' ? `outside:@${change.alias}` : `outside:v${change.version}`;
}
