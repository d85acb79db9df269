import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { resolveRuns } from '@/lib/run-diff/resolve-runs';
import { MlflowError } from '../errors';
import { getRun, normalizeRun, searchRuns, searchRunsByIds } from '../runs';
import type { RunView, SearchRunsParams } from '../runs';

/** Everything that shapes a run search except the page token, which the infinite query owns. */
export type RunSearchParams = Omit<SearchRunsParams, 'pageToken'>;

export interface RunsPage {
  runs: RunView[];
  nextPageToken: string | undefined;
}

/**
 * The first page is small so the first rows paint fast: MLflow's search costs ~1.5 ms per run on
 * SQLite (100 runs in ~0.1 s, 1,000 in ~1.7 s). Later pages are 1,000, MLflow's default, since the
 * cost is linear and fewer round trips win. Tokens are offsets, so page sizes may differ.
 */
export const FIRST_RUNS_PAGE = 100;
export const RUNS_PAGE = 1000;

export const runQueries = {
  all: ['runs'] as const,
  searches: () => [...runQueries.all, 'search'] as const,

  /** Pages through runs/search with next_page_token; the params are the key, so each sort is cached. */
  search: (params: RunSearchParams) =>
    infiniteQueryOptions({
      queryKey: [...runQueries.searches(), params] as const,
      queryFn: async ({ pageParam, signal }): Promise<RunsPage> => {
        const maxResults = pageParam === undefined ? FIRST_RUNS_PAGE : RUNS_PAGE;
        const res = await searchRuns({ ...params, maxResults, pageToken: pageParam }, signal);
        return {
          runs: (res.runs ?? []).map(normalizeRun),
          // An empty token also means the last page.
          nextPageToken: res.next_page_token || undefined,
        };
      },
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextPageToken,
    }),

  details: () => [...runQueries.all, 'detail'] as const,

  detail: (runId: string) =>
    queryOptions({
      queryKey: [...runQueries.details(), runId] as const,
      queryFn: async ({ signal }) => normalizeRun((await getRun(runId, signal)).run),
    }),

  compares: () => [...runQueries.all, 'compare'] as const,

  /**
   * The runs of a comparison: one runs/search per experiment rather than a runs/get per run (see
   * resolve-runs.ts). `experimentIds` is the link's hint; without it the experiments are found.
   */
  compare: (runIds: readonly string[], experimentIds: readonly string[]) =>
    queryOptions({
      queryKey: [...runQueries.compares(), { runIds, experimentIds }] as const,
      queryFn: ({ signal }) =>
        resolveRuns(runIds, experimentIds, {
          searchByIds: (experimentId, ids) => searchRunsByIds(experimentId, ids, signal),
          getRun: async (runId) => normalizeRun((await getRun(runId, signal)).run),
          idOf: (run) => run.runId,
          experimentOf: (run) => run.experimentId,
          isDeleted: (run) => run.lifecycleStage === 'deleted',
          // A stale experiment in the link, or a run that is gone: MLflow says "does not exist".
          classify: (error) =>
            error instanceof MlflowError && error.notFound ? 'missing' : 'other',
          describe: (error) =>
            error instanceof MlflowError
              ? { errorCode: error.errorCode, message: error.message }
              : { errorCode: 'UNKNOWN', message: String(error) },
        }),
    }),
};
