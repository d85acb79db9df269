import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { runQueries } from '@/api/queries/runs';
import { useRunSelection } from '@/hooks/useRunSelection';
import { runsSearchFromUrl } from '@/lib/run-sort';

const VISIBLE_RUNS = 10;

/**
 * The runs an experiment's Charts view draws: the runs selected in the table, or else the first
 * ten of the table's current query (same factory and params, so the cache is shared).
 */
export function useExperimentChartRuns(experimentId: string) {
  const [selected] = useRunSelection(experimentId);
  const [params] = useSearchParams();
  const search = useInfiniteQuery({
    ...runQueries.search(runsSearchFromUrl(experimentId, params)),
    enabled: selected.size === 0,
  });
  const firstPage = search.data?.pages[0];
  const runIds = useMemo(
    () =>
      selected.size > 0
        ? [...selected]
        : (firstPage?.runs.slice(0, VISIBLE_RUNS).map((r) => r.runId) ?? []),
    [selected, firstPage],
  );
  return {
    runIds,
    fromSelection: selected.size > 0,
    pending: selected.size === 0 && search.isPending,
    error: search.error,
  };
}
