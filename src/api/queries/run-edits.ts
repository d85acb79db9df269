import { mutationOptions } from '@tanstack/react-query';
import type { MutationFunctionContext } from '@tanstack/react-query';
import type { TagWrite } from '../types';
import { deleteRunTag, renameRun, setRunTag, setRunsLifecycle } from '../run-edits';
import { runQueries } from './runs';

// Every run view (tables, run pages, charts keyed under runs) refreshes after a write.
const refreshRuns = (
  _data: unknown,
  _variables: unknown,
  _onMutateResult: unknown,
  { client }: MutationFunctionContext,
) => client.invalidateQueries({ queryKey: runQueries.all });

export const runMutations = {
  // Bound to one run, in the shape the shared tag and description editors take (experiments too).
  setTag: (runId: string) =>
    mutationOptions({
      mutationKey: [...runQueries.all, 'set-tag', runId],
      mutationFn: ({ key, value }: TagWrite) => setRunTag(runId, key, value),
      onSuccess: refreshRuns,
    }),
  deleteTag: (runId: string) =>
    mutationOptions({
      mutationKey: [...runQueries.all, 'delete-tag', runId],
      mutationFn: (key: string) => deleteRunTag(runId, key),
      onSuccess: refreshRuns,
    }),
  rename: () =>
    mutationOptions({
      mutationKey: [...runQueries.all, 'rename'],
      mutationFn: ({ runId, name }: { runId: string; name: string }) => renameRun(runId, name),
      onSuccess: refreshRuns,
    }),
  /**
   * Resolves to the runs that failed and those a stop left out (both empty when all succeeded), a
   * bounded number of requests at a time; refreshes either way.
   */
  setLifecycle: () =>
    mutationOptions({
      mutationKey: [...runQueries.all, 'lifecycle'],
      mutationFn: ({
        runIds,
        action,
        onProgress,
        signal,
      }: {
        runIds: readonly string[];
        action: 'delete' | 'restore';
        onProgress?: (settled: number, total: number) => void;
        signal?: AbortSignal;
      }) => setRunsLifecycle(runIds, action, { onProgress, signal }),
      onSettled: (_d, _e, _v, _r, { client }) =>
        client.invalidateQueries({ queryKey: runQueries.all }),
    }),
};
