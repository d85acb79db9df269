import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MlflowError } from '@/api/errors';
import { configQueries } from '@/api/queries/config';
import { registryQueries } from '@/api/queries/registry';
import type { RunView } from '@/api/runs';
import type { RegisteredModel } from '@/api/types';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { ModelStatePage } from './ModelStatePage';
import { PromotionView } from './PromotionView';
import { useModelVersions } from './useModelVersions';
import './registry.css';

export type Curves = (runs: readonly RunView[]) => ReactNode;

/**
 * `/models/:name/promote?candidate=<v>&against=<alias:NAME|stage:S|version:N>`: a candidate
 * version against the champion, and one confirmed Promote. `curves` draws the source runs'
 * training curves (the app passes the charts feature's view: features never import each other).
 */
export function PromotionPage({ name, curves }: { name: string; curves?: Curves | undefined }) {
  const query = useQuery(registryQueries.model(name));
  const notFound = query.error instanceof MlflowError && query.error.notFound;
  useDocumentTitle(notFound ? 'Model not found' : `Promote · ${name}`);
  if (!query.data) return <ModelStatePage query={query} name={name} />;
  return <PromotionVersions model={query.data} curves={curves} />;
}

function PromotionVersions({
  model,
  curves,
}: {
  model: RegisteredModel;
  curves?: Curves | undefined;
}) {
  const { query, versions } = useModelVersions(model.name);
  const config = useQuery(configQueries.detail());
  const stages = config.data?.capabilities.stages ?? true;
  if (query.isPending || config.isPending)
    return (
      <div className="page">
        <Skeleton rows={8} label="Loading the versions…" />
      </div>
    );
  if (query.isError)
    return (
      <div className="page">
        <ErrorNotice
          error={query.error}
          title="The versions could not be loaded"
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  return <PromotionView model={model} versions={versions} stages={stages} curves={curves} />;
}
