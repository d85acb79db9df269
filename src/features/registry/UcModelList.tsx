import { useInfiniteQuery } from '@tanstack/react-query';
import { registryQueries } from '@/api/queries/registry';
import { ListFooter } from '@/components/ListFooter';
import type { ModelListState } from '@/lib/registry/model-list';
import { ucModelListView, ucModelSearchError } from '@/lib/registry/uc-model-list';
import { ModelListEmpty } from './ModelListEmpty';
import { ModelListNotLoaded, RefusedSearch } from './ModelListStates';
import { ModelTable } from './ModelTable';

interface UcModelListProps {
  state: ModelListState;
  /** The catalog.schema the list is narrowed to; empty for all. */
  scope: string;
  onClearSearch: () => void;
}

// Unity Catalog's search takes no filter or order: the same plain pages serve every search.
const PLAIN = {};

/**
 * The models list on a Unity Catalog registry: MLflow's pages as UC serves them, searched, narrowed
 * to a catalog.schema and sorted here, over the models loaded so far (the footer says how many).
 */
export function UcModelList({ state, scope, onClearSearch }: UcModelListProps) {
  const query = useInfiniteQuery(registryQueries.models(PLAIN));
  // A filter from a link (or another registry) cannot be applied here; the box marks it.
  if (ucModelSearchError(state.q)) {
    return (
      <RefusedSearch
        title="Unity Catalog's search takes a name, not a filter"
        onClearSearch={onClearSearch}
      />
    );
  }
  if (query.isPending || query.isError) return <ModelListNotLoaded query={query} />;

  const loaded = query.data.pages.flatMap((p) => p.registered_models ?? []);
  const models = ucModelListView(loaded, state, scope);
  const noun =
    state.kind === 'prompts' ? (['prompt', 'prompts'] as const) : (['model', 'models'] as const);
  const footer = (
    <ListFooter
      count={models.length}
      noun={noun}
      hasMore={query.hasNextPage}
      loadingMore={query.isFetchingNextPage}
      onLoadMore={() => void query.fetchNextPage()}
    />
  );
  if (models.length === 0) {
    const narrowed =
      state.q.trim() || scope ? `${state.q.trim()}${scope ? ` in ${scope}` : ''}` : '';
    return (
      <>
        <ModelListEmpty q={narrowed} kind={state.kind} onClearSearch={onClearSearch} />
        {query.hasNextPage && footer}
      </>
    );
  }
  return (
    <div className="list">
      <ModelTable models={models} stages={false} />
      <p className="uc-list-note">
        Searched and sorted in the browser over the {loaded.length} registered{' '}
        {loaded.length === 1 ? 'name' : 'names'} loaded
        {query.hasNextPage ? ' so far: load more to search further.' : '.'}
      </p>
      {footer}
    </div>
  );
}
