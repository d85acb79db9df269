import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { runQueries } from '@/api/queries/runs';
import { normalizeRun, searchRuns } from '@/api/runs';
import type { RunView } from '@/api/runs';
import { useRunSelection } from '@/hooks/useRunSelection';
import {
  DEFAULT_CHART_RUN_COUNT,
  MAX_CHART_RUNS,
  readChartRuns,
  topDescending,
  topRuns,
} from '@/lib/chart-choice';
import type { ChartRunsChoice } from '@/lib/chart-choice';
import { quoteValue } from '@/lib/filter-string/grammar';
import { compareRunsBy, runFieldId, runsSearchFor, runsSearchFromUrl } from '@/lib/run-sort';
import { LIFECYCLE_VIEW_TYPE, readRunsViewState } from '@/lib/runs-view-state';

/** Where the charted runs came from, once `auto` is resolved. */
export type ResolvedSource = 'selected' | 'rows' | 'top';

/**
 * The selected runs the table's pages do not hold (selected before a filter changed, say), fetched
 * in one runs/search by id rather than one get-run each: at most one request for up to a hundred.
 */
function useRunsById(experimentId: string, runIds: readonly string[]) {
  const sorted = [...runIds].sort();
  // Run ids are hex; one that no literal can carry (a quote and an apostrophe) cannot be asked for.
  const literals = sorted.flatMap((id) => quoteValue(id) ?? []);
  return useQuery({
    queryKey: [...runQueries.all, 'by-id', experimentId, sorted] as const,
    queryFn: async ({ signal }) =>
      (
        await searchRuns(
          {
            experimentIds: [experimentId],
            filter: `attributes.run_id IN (${literals.join(', ')})`,
            // A selection may hold deleted runs (the table's deleted view).
            runViewType: 'ALL',
            maxResults: MAX_CHART_RUNS,
          },
          signal,
        )
      ).runs?.map(normalizeRun) ?? [],
    enabled: literals.length > 0,
  });
}

/**
 * The runs an experiment's Charts view draws, as the URL chooses them (src/lib/chart-choice.ts):
 * the table's selection, the first rows of the table's query (same factory and params as the
 * table, so the cache is shared), or the top N by a metric among the table's filter. With no
 * choice in the URL, the selection when there is one, else the first ten rows.
 */
export function useExperimentChartRuns(experimentId: string) {
  const [selected] = useRunSelection(experimentId);
  const [params] = useSearchParams();
  const choice: ChartRunsChoice = readChartRuns(params);
  const source: ResolvedSource =
    choice.source === 'auto' ? (selected.size > 0 ? 'selected' : 'rows') : choice.source;
  const count = choice.source === 'auto' ? DEFAULT_CHART_RUN_COUNT : choice.count;

  // The table's own query: the rows source draws from it; the selection looks its runs up in it.
  const table = useInfiniteQuery({
    ...runQueries.search(runsSearchFromUrl(experimentId, params)),
    enabled: source === 'rows',
  });
  // The same filter and lifecycle as the table, ordered by the metric: its first page (100 runs,
  // MAX_CHART_RUNS) holds the top N.
  const view = readRunsViewState(params);
  const by = choice.by ?? '';
  const desc = topDescending(choice);
  const topSort = { id: runFieldId('metrics', by), desc };
  const top = useInfiniteQuery({
    ...runQueries.search(
      runsSearchFor(experimentId, topSort, {
        filter: view.filter,
        viewType: LIFECYCLE_VIEW_TYPE[view.lifecycle],
      }),
    ),
    enabled: source === 'top',
  });

  const tablePages = table.data?.pages;
  const topPages = top.data?.pages;
  const selectedIds = useMemo(() => [...selected].slice(0, MAX_CHART_RUNS), [selected]);
  const inTable = useMemo(() => {
    const found = new Map<string, RunView>();
    for (const page of tablePages ?? []) for (const run of page.runs) found.set(run.runId, run);
    return found;
  }, [tablePages]);
  const missing = source === 'selected' ? selectedIds.filter((id) => !inTable.has(id)) : [];
  const byId = useRunsById(experimentId, missing);
  const fetched = byId.data;

  const runs = useMemo((): RunView[] => {
    if (source === 'rows') return tablePages?.[0]?.runs.slice(0, count) ?? [];
    if (source === 'top') {
      // Ordered again here as runs/search orders (the same comparator the table uses): a key
      // MLflow cannot order by would otherwise leave the page in start-time order.
      const page = [...(topPages?.[0]?.runs ?? [])].sort(compareRunsBy(topSort));
      return topRuns(page, by, count);
    }
    const others = new Map((fetched ?? []).map((r) => [r.runId, r]));
    return selectedIds.flatMap((id) => {
      const run = inTable.get(id) ?? others.get(id);
      return run && run.experimentId === experimentId ? [run] : [];
    });
    // topSort is rebuilt every render from `by` and `desc`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, count, tablePages, topPages, by, desc, selectedIds, inTable, fetched, experimentId]);

  // The metric keys any run seen here logged: what the top-N ranking can be chosen from.
  const rankable = useMemo(() => {
    const keys = new Set<string>();
    for (const page of [...(tablePages ?? []), ...(topPages ?? [])])
      for (const run of page.runs) for (const k of run.metrics.keys()) keys.add(k);
    for (const run of runs) for (const k of run.metrics.keys()) keys.add(k);
    return keys;
  }, [tablePages, topPages, runs]);

  const query = source === 'rows' ? table : source === 'top' ? top : byId;
  return {
    choice,
    source,
    count,
    runs,
    rankable,
    selectedCount: selected.size,
    pending: source === 'selected' ? missing.length > 0 && byId.isPending : query.isPending,
    error: query.error,
  };
}
