import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { runQueries } from '@/api/queries/runs';
import type { RunsPage } from '@/api/queries/runs';
import type { RunView } from '@/api/runs';
import { compareRunsBy, runsSearchFor } from '@/lib/run-sort';
import { nextPageAction } from '@/lib/runs-paging';
import type { RunSort } from '@/lib/run-sort';
import { LIFECYCLE_VIEW_TYPE } from '@/lib/runs-view-state';
import type { RunsLifecycle } from '@/lib/runs-view-state';
import { AUTO_LOAD_LIMIT } from './runs-table-model';

const NO_RUNS: RunView[] = [];

// Page tokens are offsets: a run logged while paging shifts later pages and repeats a run already shown.
function uniqueRuns(pages: readonly RunsPage[] | undefined): RunView[] {
  if (!pages) return NO_RUNS;
  const seen = new Set<string>();
  const out: RunView[] = [];
  for (const page of pages) {
    for (const run of page.runs) {
      if (seen.has(run.runId)) continue;
      seen.add(run.runId);
      out.push(run);
    }
  }
  return out;
}

interface RunsPagesInput {
  experimentId: string;
  sort: RunSort;
  filter: string;
  lifecycle: RunsLifecycle;
}

/**
 * The runs in the table's order, loaded page after page (100 first, then 1,000 at a time) without a click until
 * AUTO_LOAD_LIMIT. The sort goes to the server while runs are missing; once every run is loaded a
 * new sort reorders them in the browser with the same comparator, without a request.
 */
export function useRunsPages({ experimentId, sort, filter, lifecycle }: RunsPagesInput) {
  // The order the server was last asked for; it follows the sort only while loading is incomplete.
  // A new filter or lifecycle is a new search anyway, so it asks for the current sort at once.
  const [asked, setAsked] = useState({ sort, filter, lifecycle });
  const sameSearch = asked.filter === filter && asked.lifecycle === lifecycle;
  const serverSort = sameSearch ? asked.sort : sort;
  const params = runsSearchFor(experimentId, serverSort, {
    filter,
    viewType: LIFECYCLE_VIEW_TYPE[lifecycle],
  });
  const query = useInfiniteQuery({
    ...runQueries.search(params),
    placeholderData: keepPreviousData,
  });
  const loaded = useMemo(() => uniqueRuns(query.data?.pages), [query.data]);
  const complete = query.isSuccess && !query.hasNextPage && !query.isPlaceholderData;
  const sortChanged = sort.id !== serverSort.id || sort.desc !== serverSort.desc;

  // Adjusting state while rendering (React's documented pattern): no extra effect pass.
  if (!sameSearch || (sortChanged && !complete)) setAsked({ sort, filter, lifecycle });

  const runs = useMemo(
    () => (sortChanged && complete ? [...loaded].sort(compareRunsBy(sort)) : loaded),
    [loaded, sort, sortChanged, complete],
  );

  const {
    hasNextPage,
    isFetchingNextPage,
    isFetchNextPageError,
    isPlaceholderData,
    fetchNextPage,
  } = query;
  const next = nextPageAction({
    hasNextPage,
    isFetchingNextPage,
    isFetchNextPageError,
    isPlaceholderData,
    loaded: loaded.length,
    limit: AUTO_LOAD_LIMIT,
  });
  const autoLoad = next === 'auto';
  useEffect(() => {
    if (autoLoad) void fetchNextPage();
  }, [autoLoad, fetchNextPage, loaded.length]);

  return {
    query,
    runs,
    complete,
    autoLoading: autoLoad || isFetchingNextPage,
    canLoadMore: next === 'click',
  };
}
