import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { sourceRunFilter } from '@/lib/logged-models/logged-model';
import {
  getLoggedModel,
  NEWEST_FIRST,
  searchAllLoggedModels,
  searchLoggedModels,
} from '../logged-models';
import { searchRunsByIds } from '../runs';

const all = ['logged-models'] as const;

// Run ids are hex on MLflow and Databricks; anything else is not put into a filter.
const RUN_ID = /^[\w-]+$/;

export const loggedModelQueries = {
  /** Root key: invalidating it refreshes everything about logged models. */
  all,
  /**
   * An experiment's logged models, newest first, 50 a page (MLflow's ceiling). Its first page also
   * tells whether the server has logged models at all (`loggedModelsUnsupported`).
   */
  experiment: (experimentId: string) =>
    infiniteQueryOptions({
      queryKey: [...all, 'experiment', experimentId] as const,
      queryFn: ({ pageParam, signal }) =>
        searchLoggedModels(
          { experimentIds: [experimentId], orderBy: NEWEST_FIRST, pageToken: pageParam },
          signal,
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextPageToken,
    }),
  /**
   * The models a run logged: those whose source run it is, searched in the run's experiment (where
   * `log_model` puts them), every page.
   */
  run: (experimentId: string, runId: string) =>
    queryOptions({
      queryKey: [...all, 'run', experimentId, runId] as const,
      queryFn: ({ signal }) => {
        const filter = sourceRunFilter(runId);
        if (!filter) return [];
        return searchAllLoggedModels(
          { experimentIds: [experimentId], filter, orderBy: NEWEST_FIRST },
          signal,
        );
      },
    }),
  detail: (modelId: string) =>
    queryOptions({
      queryKey: [...all, 'detail', modelId] as const,
      queryFn: ({ signal }) => getLoggedModel(modelId, signal),
    }),
  /** The names of the models' source runs, by id: one runs/search for all of them. */
  sourceRunNames: (experimentId: string, runIds: readonly string[]) =>
    queryOptions({
      queryKey: [...all, 'source-run-names', experimentId, runIds] as const,
      queryFn: async ({ signal }) => {
        const ids = runIds.filter((id) => RUN_ID.test(id));
        if (ids.length === 0) return new Map<string, string>();
        const runs = await searchRunsByIds(experimentId, ids, signal);
        return new Map(runs.map((r) => [r.runId, r.name] as const));
      },
    }),
};
