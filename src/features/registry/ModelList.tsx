import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { registryQueries } from '@/api/queries/registry';
import { modelSearchError } from '@/lib/registry/model-filter';
import { modelListFilter, modelOrderBy, type ModelListState } from '@/lib/registry/model-list';
import { ModelListEmpty } from './ModelListEmpty';
import { ModelListNotLoaded, RefusedSearch } from './ModelListStates';
import { ModelTable } from './ModelTable';
import { ListFooter } from '@/components/ListFooter';

interface ModelListProps {
  state: ModelListState;
  onClearSearch: () => void;
}

export function ModelList({ state, onClearSearch }: ModelListProps) {
  const q = state.q;
  // A broken filter from a link is marked in the box and not sent (the box never applies one).
  const broken = modelSearchError(q) !== undefined;
  const query = useInfiniteQuery({
    ...registryQueries.models({
      filter: modelListFilter(state),
      orderBy: modelOrderBy(state.sort),
    }),
    placeholderData: keepPreviousData,
    enabled: !broken,
  });

  if (broken) return <RefusedSearch title="Fix the filter above" onClearSearch={onClearSearch} />;

  if (query.isPending || query.isError) return <ModelListNotLoaded query={query} />;

  const models = query.data.pages.flatMap((p) => p.registered_models ?? []);
  if (models.length === 0)
    return <ModelListEmpty q={q} kind={state.kind} onClearSearch={onClearSearch} />;

  return (
    <div className={query.isPlaceholderData ? 'list is-stale' : 'list'}>
      <ModelTable models={models} />
      <ListFooter
        count={models.length}
        noun={state.kind === 'prompts' ? ['prompt', 'prompts'] : ['model', 'models']}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </div>
  );
}
