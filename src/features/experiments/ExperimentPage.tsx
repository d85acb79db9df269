import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MlflowError } from '@/api/errors';
import { experimentQueries } from '@/api/queries/experiments';
import { ErrorNotice } from '@/components/ErrorNotice';
import { NotFound } from '@/components/NotFound';
import { Skeleton } from '@/components/Skeleton';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { experimentLeafName } from '@/lib/experiment-name';
import { paths } from '@/lib/paths';
import { ExperimentHeader } from './ExperimentHeader';

interface ExperimentPageProps {
  experimentId: string;
  /** What the experiment contains (the runs table); shown only once the experiment exists. */
  children?: ReactNode;
}

/** MLflow answers a malformed id ("abc") with 400 rather than 404: for the reader, both are missing. */
function isMissing(error: unknown): boolean {
  return (
    error instanceof MlflowError &&
    (error.notFound || error.errorCode === 'INVALID_PARAMETER_VALUE')
  );
}

/** One experiment: its header, then its contents; a clear page when it does not exist. */
export function ExperimentPage({ experimentId, children }: ExperimentPageProps) {
  const query = useQuery(experimentQueries.detail(experimentId));
  const missing = query.isError && isMissing(query.error);
  useDocumentTitle(
    query.data ? experimentLeafName(query.data.name) : missing ? 'Experiment not found' : undefined,
  );

  if (query.isError) {
    return (
      <div className="page">
        {missing ? (
          <NotFound what={`Experiment ${experimentId}`} error={query.error}>
            <p>
              <Link to={paths.experiments.href()}>Back to experiments</Link>
            </p>
          </NotFound>
        ) : (
          <ErrorNotice
            error={query.error}
            title="Could not load the experiment"
            onRetry={() => void query.refetch()}
          />
        )}
      </div>
    );
  }

  return (
    <div className="page">
      {query.data ? (
        <ExperimentHeader experiment={query.data} />
      ) : (
        <Skeleton rows={3} label="Loading experiment…" />
      )}
      {query.data && children}
    </div>
  );
}
