import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { loggedModelsUnsupported } from '@/api/logged-models';
import { loggedModelQueries } from '@/api/queries/logged-models';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { ListFooter } from '@/components/ListFooter';
import { Skeleton } from '@/components/Skeleton';
import { ExperimentModelsTable } from './ExperimentModelsTable';
import { LoggedModelDetail } from './LoggedModelDetail';
import { LoggedModelsUnsupported } from './LoggedModelsUnsupported';
import { useSelectedModel } from './useSelectedModel';
import '@/components/sections.css';
import './logged-models.css';

/**
 * The experiment's Models view: its MLflow 3 logged models, newest first, and the one opened from
 * the list (or from a model version's page) above them.
 */
export function ExperimentModelsView({ experimentId }: { experimentId: string }) {
  const query = useInfiniteQuery(loggedModelQueries.experiment(experimentId));
  const { selectedId, hrefFor, closeHref } = useSelectedModel();
  const models = useMemo(() => query.data?.pages.flatMap((p) => p.models) ?? [], [query.data]);

  if (!query.data && loggedModelsUnsupported(query.error)) return <LoggedModelsUnsupported />;
  return (
    <div className="logged-models-view">
      {selectedId && (
        <LoggedModelDetail
          key={selectedId}
          modelId={selectedId}
          closeHref={closeHref}
          placeholder={models.find((m) => m.modelId === selectedId)}
        />
      )}
      {!query.data ? (
        query.isError ? (
          <ErrorNotice
            error={query.error}
            title="Could not load the logged models"
            onRetry={() => void query.refetch()}
          />
        ) : (
          <Skeleton rows={6} label="Loading logged models…" />
        )
      ) : models.length === 0 ? (
        <EmptyState title="No logged models in this experiment">
          A model logged in one of its runs (<code>mlflow.sklearn.log_model(…)</code> and the other
          flavors, MLflow 3) is listed here, with its metrics and registered versions.
        </EmptyState>
      ) : (
        <>
          <ExperimentModelsTable
            experimentId={experimentId}
            models={models}
            selectedId={selectedId}
            hrefFor={hrefFor}
          />
          <ListFooter
            count={models.length}
            noun={['logged model', 'logged models']}
            hasMore={query.hasNextPage}
            loadingMore={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
          {query.isFetchNextPageError && (
            <ErrorNotice
              error={query.error}
              title="Could not load more logged models"
              onRetry={() => void query.fetchNextPage()}
            />
          )}
        </>
      )}
    </div>
  );
}
