import { mutationOptions } from '@tanstack/react-query';
import type { MutationFunctionContext } from '@tanstack/react-query';
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
  setTag: () =>
    mutationOptions({
      mutationKey: [...runQueries.all, 'set-tag'],
      mutationFn: ({ runId, key, value }: { runId: string; key: string; value: string }) =>
        setRunTag(runId, key, value),
      onSuccess: refreshRuns,
    }),
  deleteTag: () =>
    mutationOptions({
      mutationKey: [...runQueries.all, 'delete-tag'],
      mutationFn: ({ runId, key }: { runId: string; key: string }) => deleteRunTag(runId, key),
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
