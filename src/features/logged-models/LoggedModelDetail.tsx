import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import type { To } from 'react-router';
import { Link } from 'react-router';
import type { LoggedModelView } from '@/api/logged-models';
import { MlflowError } from '@/api/errors';
import { loggedModelQueries } from '@/api/queries/logged-models';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { LoggedModelFacts } from './LoggedModelFacts';
import { LoggedModelTables } from './LoggedModelTables';

interface LoggedModelDetailProps {
  modelId: string;
  /** The link that closes it (the same URL without the model). */
  closeHref: To;
  /** The model as the list has it, shown while its own answer comes. */
  placeholder?: LoggedModelView | undefined;
}

/** One logged model opened above the list: what it is, where it came from, and all its values. */
export function LoggedModelDetail({ modelId, closeHref, placeholder }: LoggedModelDetailProps) {
  const query = useQuery({ ...loggedModelQueries.detail(modelId), placeholderData: placeholder });
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const model = query.data;
  const loaded = model !== undefined;
  // Opened from the list or from a version's link: the reader (and a screen reader) lands on it.
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  const missing = query.error instanceof MlflowError && query.error.notFound;
  return (
    <section className="detail-section logged-model-detail" aria-labelledby={headingId}>
      <div className="detail-section-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="break-anywhere">
          {model ? model.name : 'Logged model'}
        </h2>
        <Link to={closeHref} className="btn btn-small logged-model-close">
          Close
        </Link>
      </div>
      {model ? (
        <>
          <LoggedModelFacts model={model} />
          <LoggedModelTables model={model} />
        </>
      ) : query.isError ? (
        <ErrorNotice
          error={query.error}
          title={missing ? `Logged model ${modelId} not found` : 'Could not load the logged model'}
          onRetry={missing ? undefined : () => void query.refetch()}
        />
      ) : (
        <Skeleton rows={4} label="Loading the logged model…" />
      )}
    </section>
  );
}
