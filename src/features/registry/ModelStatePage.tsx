import type { ComponentProps } from 'react';
import { Link } from 'react-router';
import { QueryStatePage } from '@/components/QueryStatePage';
import { paths } from '@/lib/paths';

/** A page about one model while the model has not loaded: not found, failed, or loading. */
export function ModelStatePage({
  query,
  name,
}: {
  query: ComponentProps<typeof QueryStatePage>['query'];
  name: string;
}) {
  return (
    <QueryStatePage
      query={query}
      what={`Model ${name}`}
      back={<Link to={paths.models.href()}>Back to models</Link>}
      errorTitle="The model could not be loaded"
      loadingLabel="Loading the model…"
    />
  );
}
