import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { registryQueries } from '@/api/queries/registry';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { containsFilter } from '@/lib/search-filter';
import { ModelTable } from './ModelTable';
import { ListFooter } from '@/components/ListFooter';

export function ModelList({ q, onClearSearch }: { q: string; onClearSearch: () => void }) {
  const query = useInfiniteQuery({
    ...registryQueries.models({ filter: containsFilter('name', q), orderBy: ['name ASC'] }),
    placeholderData: keepPreviousData,
  });

  if (query.isPending) return <Skeleton rows={6} label="Loading models…" />;
  if (query.isError) {
    return (
      <ErrorNotice
        error={query.error}
        title="Could not load registered models"
        onRetry={() => void query.refetch()}
      />
    );
  }

  const models = query.data.pages.flatMap((p) => p.registered_models ?? []);
  if (models.length === 0) {
    return q.trim() ? (
      <EmptyState title={`No models match "${q.trim()}"`}>
        <button type="button" className="btn" onClick={onClearSearch}>
          Clear search
        </button>
      </EmptyState>
    ) : (
      <EmptyState title="No registered models yet">
        Register a model from a run with <code>mlflow.register_model</code> or the MLflow client.
      </EmptyState>
    );
  }

  return (
    <div className={query.isPlaceholderData ? 'list is-stale' : 'list'}>
      <ModelTable models={models} />
      <ListFooter
        count={models.length}
        noun={['model', 'models']}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </div>
  );
}
