import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { loggedModelsUnsupported } from '@/api/logged-models';
import { loggedModelQueries } from '@/api/queries/logged-models';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { VirtualTable } from '@/components/VirtualTable';
import { paths } from '@/lib/paths';
import { loggedModelColumns } from './columns';
import '@/components/sections.css';
import './logged-models.css';

const hrefIn = (experimentId: string) => (modelId: string) =>
  paths.experimentModels.href(experimentId, modelId);

/**
 * The run page's list of the models the run logged (MLflow 3 keeps them apart from the run's
 * artifacts). Absent on a server that has no logged models.
 */
export function RunLoggedModels({ experimentId, runId }: { experimentId: string; runId: string }) {
  const query = useQuery(loggedModelQueries.run(experimentId, runId));
  const headingId = useId();
  if (loggedModelsUnsupported(query.error)) return null;
  const models = query.data;
  return (
    <section className="detail-section" aria-labelledby={headingId}>
      <div className="detail-section-header">
        <h2 id={headingId}>Logged models</h2>
        {models && <span className="logged-model-count">{models.length.toLocaleString('en')}</span>}
      </div>
      {models ? (
        models.length === 0 ? (
          <p className="detail-section-empty">This run logged no models.</p>
        ) : (
          <VirtualTable
            label="Logged models"
            columns={loggedModelColumns({ hrefFor: hrefIn(experimentId), withSourceRun: false })}
            items={models}
            rowKey={(m) => m.modelId}
          />
        )
      ) : query.isError ? (
        <ErrorNotice
          error={query.error}
          title="Could not load the run's logged models"
          onRetry={() => void query.refetch()}
        />
      ) : (
        <Skeleton rows={2} label="Loading logged models…" />
      )}
    </section>
  );
}
