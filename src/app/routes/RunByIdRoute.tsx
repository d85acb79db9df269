import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router';
import { MlflowError } from '@/api/errors';
import { runQueries } from '@/api/queries/runs';
import { ErrorNotice } from '@/components/ErrorNotice';
import { NotFound } from '@/components/NotFound';
import { Skeleton } from '@/components/Skeleton';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { paths } from '@/lib/paths';

/**
 * `/runs/:runId`: a run's page needs its experiment in the URL, which a model version does not
 * hold. One runs/get finds it (the run page reads the same cached answer), then the URL is replaced.
 */
export function RunByIdRoute() {
  const { runId = '' } = useParams();
  const query = useQuery(runQueries.detail(runId));
  useDocumentTitle('Opening run…');
  if (query.data) return <Navigate to={paths.run.href(query.data.experimentId, runId)} replace />;
  if (query.error instanceof MlflowError && query.error.notFound)
    return (
      <div className="page">
        <NotFound what={`Run ${runId}`} error={query.error}>
          <p>
            <Link to={paths.models.href()}>Go to models</Link>
          </p>
        </NotFound>
      </div>
    );
  if (query.isError)
    return (
      <div className="page">
        <ErrorNotice
          error={query.error}
          title="The run could not be opened"
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  return (
    <div className="page">
      <Skeleton rows={3} label="Opening the run…" />
    </div>
  );
}
