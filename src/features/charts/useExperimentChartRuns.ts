import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { runQueries } from '@/api/queries/runs';
import type { RunView } from '@/api/runs';
import { useRunSelection } from '@/hooks/useRunSelection';
import { runsSearchFromUrl } from '@/lib/run-sort';

const VISIBLE_RUNS = 10;
/**
 * The most selected runs charted at once. Each charted run is a series request (and a get-run when
 * the table has not loaded it): 10,000 selected runs must not become 10,000 requests, and twenty
 * overlaid lines are already past what a reader can tell apart.
 */
export const MAX_CHARTED_RUNS = 20;

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
  const pages = search.data?.pages;
  const runIds = useMemo(
    () =>
      selected.size > 0
        ? [...selected].slice(0, MAX_CHARTED_RUNS)
        : (pages?.[0]?.runs.slice(0, VISIBLE_RUNS).map((r) => r.runId) ?? []),
    [selected, pages],
  );
  // The charted runs the table's search has already loaded: the chart needs nothing more of them,
  // so it fetches only the others (before, ten get-run calls started in one task).
  const known = useMemo(() => {
    const wanted = new Set(runIds);
    const found = new Map<string, RunView>();
    for (const page of pages ?? [])
      for (const run of page.runs) if (wanted.has(run.runId)) found.set(run.runId, run);
    return found;
  }, [runIds, pages]);
  return {
    runIds,
    known,
    fromSelection: selected.size > 0,
    selectedCount: selected.size,
    pending: selected.size === 0 && search.isPending,
    error: search.error,
  };
}
