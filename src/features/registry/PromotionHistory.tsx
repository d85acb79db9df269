import { useMemo } from 'react';
import { Link } from 'react-router';
import type { RegisteredModel } from '@/api/types';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { paths } from '@/lib/paths';
import { entriesAbout, entryKey, type PromotionSubjects } from '@/lib/registry/history';
import { HistoryEntry } from './HistoryEntry';
import { HISTORY_FRAGMENT } from './HistorySection';
import { useModelTimeline } from './useModelTimeline';

/** A few entries: the rest, and their rollbacks, are on the model page. */
const SHOWN = 5;

/**
 * The model's history as far as this promotion is concerned: who held the alias a Promote moves,
 * and what went into or out of its stage, newest first. It reads the model's tags, so the entry a
 * Promote records shows as soon as the registry is read again after it.
 */
export function PromotionHistory({
  model,
  about,
}: {
  model: RegisteredModel;
  about: PromotionSubjects;
}) {
  const { query, entries } = useModelTimeline(model);
  const relevant = useMemo(() => entriesAbout(entries, about), [entries, about]);
  const what = `@${about.alias}${about.stage ? ` and ${about.stage}` : ''}`;
  return (
    <section className="detail-section" aria-labelledby="promotion-history-title">
      <h2 id="promotion-history-title">History of {what}</h2>
      {query.isPending ? (
        <Skeleton rows={2} label="Loading the history…" />
      ) : query.isError ? (
        <ErrorNotice
          error={query.error}
          title="The versions could not be read, so the history cannot be checked against them"
          onRetry={() => void query.refetch()}
        />
      ) : relevant.length === 0 ? (
        <p className="detail-section-empty">
          No move of {what} recorded yet: a Promote made here will be the first.
        </p>
      ) : (
        <ol className="history-list" aria-label={`History of ${what}`}>
          {relevant.slice(0, SHOWN).map((entry) => (
            <HistoryEntry key={entryKey(entry)} name={model.name} entry={entry} />
          ))}
        </ol>
      )}
      <p className="promotion-history-more">
        <Link to={`${paths.model.href(model.name)}#${HISTORY_FRAGMENT}`}>
          {relevant.length > SHOWN
            ? `${relevant.length - SHOWN} older, and the full history with its rollbacks`
            : 'The full history, with its rollbacks'}
        </Link>{' '}
        on the model page.
      </p>
    </section>
  );
}
