import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { experimentQueries, experimentMutations } from '@/api/queries/experiments';
import type { Experiment } from '@/api/types';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { experimentSearchParams, type ExperimentListState } from '@/lib/experiment-list-state';
import { ExperimentFolderTree } from './ExperimentFolderTree';
import { ExperimentTable } from './ExperimentTable';
import { ListFooter } from '@/components/ListFooter';

interface ExperimentListProps {
  state: ExperimentListState;
  onClearSearch: () => void;
  onRename: (experiment: Experiment) => void;
  onDelete: (experiment: Experiment) => void;
}

/** One page of experiments at a time, with its loading, error and empty states. */
export function ExperimentList({ state, onClearSearch, onRename, onDelete }: ExperimentListProps) {
  const query = useInfiniteQuery({
    ...experimentQueries.list(experimentSearchParams(state)),
    // Keep the rows of the last search on screen while the next one loads: no flicker as you type.
    placeholderData: keepPreviousData,
  });
  const restore = useMutation(experimentMutations.restore());

  if (query.isPending) return <Skeleton rows={8} label="Loading experiments…" />;
  if (query.isError) {
    return (
      <ErrorNotice
        error={query.error}
        title="Could not load experiments"
        onRetry={() => void query.refetch()}
      />
    );
  }

  const experiments = query.data.pages.flatMap((p) => p.experiments ?? []);
  if (experiments.length === 0) {
    const deleted = state.view === 'deleted';
    const q = state.q.trim();
    if (!q) {
      return deleted ? (
        <EmptyState title="No deleted experiments">
          Deleted experiments and their runs wait here until you restore them.
        </EmptyState>
      ) : (
        <EmptyState title="No experiments yet">
          Create one with <strong>New experiment</strong>, or log a run with the MLflow client.
        </EmptyState>
      );
    }
    return (
      <EmptyState title={`No ${deleted ? 'deleted ' : ''}experiments match "${q}"`}>
        <button type="button" className="btn" onClick={onClearSearch}>
          Clear search
        </button>
      </EmptyState>
    );
  }

  return (
    <div className={query.isPlaceholderData ? 'list is-stale' : 'list'}>
      {restore.isError && (
        <ErrorNotice error={restore.error} title="Could not restore the experiment" />
      )}
      {state.layout === 'folders' ? (
        <ExperimentFolderTree
          experiments={experiments}
          search={state.q.trim()}
          view={state.view}
          onRename={onRename}
          onDelete={onDelete}
          onRestore={(e) => restore.mutate(e.experiment_id)}
          restoringId={restore.isPending ? restore.variables : undefined}
        />
      ) : (
        <ExperimentTable
          experiments={experiments}
          view={state.view}
          onRename={onRename}
          onDelete={onDelete}
          onRestore={(e) => restore.mutate(e.experiment_id)}
          restoringId={restore.isPending ? restore.variables : undefined}
        />
      )}
      <ListFooter
        count={experiments.length}
        noun={['experiment', 'experiments']}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </div>
  );
}
