import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { functionalUpdate, useTable } from '@tanstack/react-table';
import type { SortingState } from '@tanstack/react-table';
import { Link, useSearchParams } from 'react-router';
import { runQueries } from '@/api/queries/runs';
import type { RunsPage } from '@/api/queries/runs';
import type { RunView } from '@/api/runs';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { paths } from '@/lib/paths';
import { DEFAULT_RUN_SORT, runsSearchFromUrl } from '@/lib/run-sort';
import { RunsEmpty } from './RunsEmpty';
import { RunsFooter } from './RunsFooter';
import { RunsGrid } from './RunsGrid';
import { runsTableFeatures } from './runs-table-model';
import { useRunsSort } from './useRunsSort';
import { useRunsTableColumns } from './useRunsTableColumns';
import './runs-table.css';

const NO_RUNS: RunView[] = [];

// Page tokens are offsets: a run logged while paging shifts later pages and repeats a run already shown.
function uniqueRuns(pages: readonly RunsPage[] | undefined): RunView[] {
  if (!pages) return NO_RUNS;
  const seen = new Set<string>();
  return pages.flatMap((page) =>
    page.runs.filter((run) => !seen.has(run.runId) && Boolean(seen.add(run.runId))),
  );
}

/** The runs of one experiment, sorted on the server and loaded a page at a time. */
export function RunsTable({ experimentId }: { experimentId: string }) {
  // Keyed by experiment: rows kept from a previous sort must never come from another experiment.
  return <ExperimentRuns key={experimentId} experimentId={experimentId} />;
}

function ExperimentRuns({ experimentId }: { experimentId: string }) {
  const [searchParams] = useSearchParams();
  const [sort, setSort] = useRunsSort();
  const query = useInfiniteQuery({
    ...runQueries.search(runsSearchFromUrl(experimentId, searchParams)),
    placeholderData: keepPreviousData,
  });
  const runs = useMemo(() => uniqueRuns(query.data?.pages), [query.data]);
  const columns = useRunsTableColumns(runs, sort.id);
  const sorting = useMemo<SortingState>(
    () => [{ id: sort.id, desc: sort.desc }],
    [sort.id, sort.desc],
  );

  const table = useTable({
    features: runsTableFeatures,
    columns,
    data: runs,
    getRowId: (run) => run.runId,
    state: { sorting },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) setSort({ id: next.id, desc: next.desc });
    },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
  });

  if (query.isPending) return <Skeleton rows={8} label="Loading runs…" />;

  if (query.isError && !query.data) {
    return (
      <div className="runs-table-error">
        <ErrorNotice
          error={query.error}
          title="Could not load runs"
          onRetry={() => void query.refetch()}
        />
        {(sort.id !== DEFAULT_RUN_SORT.id || sort.desc !== DEFAULT_RUN_SORT.desc) && (
          <Link to={paths.experiment.href(experimentId)}>Reset sorting</Link>
        )}
      </div>
    );
  }

  if (runs.length === 0) return <RunsEmpty experimentId={experimentId} />;

  return (
    <div className="runs-table-container">
      <RunsGrid table={table} busy={query.isPlaceholderData} />
      <RunsFooter
        loaded={runs.length}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        updating={query.isPlaceholderData}
        onLoadMore={() => void query.fetchNextPage()}
      />
      {query.isFetchNextPageError && (
        <ErrorNotice
          error={query.error}
          title="Could not load more runs"
          onRetry={() => void query.fetchNextPage()}
        />
      )}
      {query.isRefetchError && (
        <ErrorNotice
          error={query.error}
          title="Could not refresh runs"
          onRetry={() => void query.refetch()}
        />
      )}
    </div>
  );
}
