import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { paths } from '@/lib/paths';

function asError(error: unknown): unknown {
  if (isRouteErrorResponse(error)) return new Error(`${error.status} ${error.statusText}`);
  return error;
}

/** A page that threw while loading or rendering; the header stays so the user can go elsewhere. */
export function RouteError() {
  const error = useRouteError();
  useDocumentTitle('Error');
  return (
    <div className="page">
      <ErrorNotice
        error={asError(error)}
        title="This page failed to load"
        // A reload also fetches route code again after a deploy replaced the old chunks.
        onRetry={() => window.location.reload()}
      />
      <p>
        <Link to={paths.experiments.href()}>Back to experiments</Link>
      </p>
    </div>
  );
}
