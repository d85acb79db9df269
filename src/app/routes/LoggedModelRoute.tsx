import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router';
import { MlflowError } from '@/api/errors';
import { loggedModelsUnsupported } from '@/api/logged-models';
import { loggedModelQueries } from '@/api/queries/logged-models';
import { QueryStatePage } from '@/components/QueryStatePage';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { paths } from '@/lib/paths';

/**
 * `/logged-models/:modelId`: a logged model known by its id alone (a model version's source). One
 * get finds its experiment (whose Models view reads the same cached answer), then the URL is
 * replaced by that view with the model opened.
 */
export function LoggedModelRoute() {
  const { modelId = '' } = useParams();
  const query = useQuery(loggedModelQueries.detail(modelId));
  useDocumentTitle('Opening logged model…');
  if (query.data) {
    return <Navigate to={paths.experimentModels.href(query.data.experimentId, modelId)} replace />;
  }
  // A server without logged models answers with its HTML 404 page: say what it means instead.
  const error = loggedModelsUnsupported(query.error)
    ? new MlflowError(
        404,
        'ENDPOINT_NOT_FOUND',
        'This MLflow server does not serve logged models (they came with MLflow 3), or this is not a logged model’s id.',
      )
    : query.error;
  return (
    <QueryStatePage
      query={{ ...query, error }}
      what={`Logged model ${modelId}`}
      back={<Link to={paths.models.href()}>Go to models</Link>}
      errorTitle="The logged model could not be opened"
      loadingLabel="Opening the logged model…"
    />
  );
}
