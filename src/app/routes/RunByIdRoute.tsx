import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router';
import { runQueries } from '@/api/queries/runs';
import { QueryStatePage } from '@/components/QueryStatePage';
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
  return (
    <QueryStatePage
      query={query}
      what={`Run ${runId}`}
      back={<Link to={paths.models.href()}>Go to models</Link>}
      errorTitle="The run could not be opened"
      loadingLabel="Opening the run…"
    />
  );
}
