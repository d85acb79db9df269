import type { ReactNode } from 'react';
import { MlflowError } from '@/api/errors';
import { ErrorNotice } from './ErrorNotice';
import { NotFound } from './NotFound';
import { Skeleton } from './Skeleton';

interface QueryStatePageProps {
  query: { error: unknown; isError: boolean; refetch: () => unknown };
  /** What was asked for, e.g. "Model churn": "… not found". */
  what: string;
  /** The way back under a not-found message, usually a link. */
  back: ReactNode;
  errorTitle: string;
  loadingLabel: string;
}

/**
 * The page for a resource that has not loaded: not found (with MLflow's error code), another
 * failure (with a retry), or a skeleton while it loads. Pages render it until their data is there.
 */
export function QueryStatePage({
  query,
  what,
  back,
  errorTitle,
  loadingLabel,
}: QueryStatePageProps) {
  const body =
    query.error instanceof MlflowError && query.error.notFound ? (
      <NotFound what={what} error={query.error}>
        <p>{back}</p>
      </NotFound>
    ) : query.isError ? (
      <ErrorNotice error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />
    ) : (
      <Skeleton rows={8} label={loadingLabel} />
    );
  return <div className="page">{body}</div>;
}
