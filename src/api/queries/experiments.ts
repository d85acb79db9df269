import {
  infiniteQueryOptions,
  mutationOptions,
  queryOptions,
  type MutationFunctionContext,
} from '@tanstack/react-query';
import {
  createExperiment,
  deleteExperiment,
  deleteExperimentTag,
  getExperiment,
  renameExperiment,
  restoreExperiment,
  searchExperiments,
  setExperimentTag,
  type SearchExperimentsParams,
} from '../experiments';
import type { TagWrite } from '../types';
import { MlflowError } from '../errors';
import { mapBounded } from '@/lib/bounded';
import type { Direction } from '@/lib/metric-direction';

export type ExperimentListParams = Omit<SearchExperimentsParams, 'pageToken' | 'maxResults'>;

const PAGE_SIZE = 100;
const all = ['experiments'] as const;

export const experimentQueries = {
  /** Root key: invalidating it refreshes every experiment list and detail. */
  all,
  list: (params: ExperimentListParams) =>
    infiniteQueryOptions({
      queryKey: [...all, 'list', params] as const,
      queryFn: ({ pageParam, signal }) =>
        searchExperiments({ ...params, maxResults: PAGE_SIZE, pageToken: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      // MLflow omits the token on the last page; an empty string would loop on page one.
      getNextPageParam: (last) => last.next_page_token || undefined,
    }),
  detail: (experimentId: string) =>
    queryOptions({
      queryKey: [...all, 'detail', experimentId] as const,
      queryFn: ({ signal }) => getExperiment(experimentId, signal),
    }),
};

// Each mutation waits for the refetch it triggers, so a dialog closes on fresh data, not stale rows.
const refreshExperiments = (
  _data: unknown,
  _variables: unknown,
  _onMutateResult: unknown,
  { client }: MutationFunctionContext,
) => client.invalidateQueries({ queryKey: all });

export const experimentMutations = {
  create: () =>
    mutationOptions({
      mutationKey: [...all, 'create'],
      mutationFn: (name: string) => createExperiment(name),
      // The caller navigates to the new experiment: the lists can refresh in the background.
      onSuccess: (_id, _name, _result, { client }) =>
        void client.invalidateQueries({ queryKey: all }),
    }),
  rename: () =>
    mutationOptions({
      mutationKey: [...all, 'rename'],
      mutationFn: ({ experimentId, newName }: { experimentId: string; newName: string }) =>
        renameExperiment(experimentId, newName),
      onSuccess: refreshExperiments,
    }),
  delete: () =>
    mutationOptions({
      mutationKey: [...all, 'delete'],
      mutationFn: (experimentId: string) => deleteExperiment(experimentId),
      onSuccess: refreshExperiments,
    }),
  restore: () =>
    mutationOptions({
      mutationKey: [...all, 'restore'],
      mutationFn: (experimentId: string) => restoreExperiment(experimentId),
      onSuccess: refreshExperiments,
    }),
  // Bound to one experiment, in the shape the shared tag and description editors take. The
  // description is the `mlflow.note.content` tag, so it is saved through setTag too.
  setTag: (experimentId: string) =>
    mutationOptions({
      mutationKey: [...all, 'set-tag', experimentId],
      mutationFn: ({ key, value }: TagWrite) => setExperimentTag(experimentId, key, value),
      onSuccess: refreshExperiments,
    }),
  deleteTag: (experimentId: string) =>
    mutationOptions({
      mutationKey: [...all, 'delete-tag', experimentId],
      mutationFn: (key: string) => deleteExperimentTag(experimentId, key),
      onSuccess: refreshExperiments,
    }),
  /**
   * A metric's direction shared through each experiment given, as the tag `key` (no direction:
   * the tag removed, back to the guess). Every experiment settles on its own; the first refusal is
   * thrown once all have, and the experiments are read again either way (some may have taken it).
   */
  metricDirection: () =>
    mutationOptions({
      mutationKey: [...all, 'metric-direction'],
      mutationFn: async ({ experimentIds, key, direction }: MetricDirectionWrite) => {
        const settled = await mapBounded(experimentIds, 4, (id) =>
          direction
            ? setExperimentTag(id, key, direction)
            : // No tag to delete is the goal reached.
              deleteExperimentTag(id, key).catch((e: unknown) => {
                if (!(e instanceof MlflowError && e.notFound)) throw e;
              }),
        );
        const failed = settled.find((s) => !s.ok);
        if (failed && !failed.ok) throw failed.error;
      },
      onSettled: (_data, _error, _write, _onMutateResult, { client }) =>
        client.invalidateQueries({ queryKey: all }),
    }),
};

export interface MetricDirectionWrite {
  experimentIds: readonly string[];
  /** The experiment tag that holds the direction (lib/metric-direction's directionTagKey). */
  key: string;
  direction: Direction | undefined;
}
