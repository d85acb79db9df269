import { api } from './client';

// Writes to a run. Each MLflow endpoint answers `{}` (update answers the new run_info, unused here).
const base = '/api/2.0/mlflow/runs';

export const setRunTag = (runId: string, key: string, value: string) =>
  api.post<object>(`${base}/set-tag`, { run_id: runId, key, value });

export const deleteRunTag = (runId: string, key: string) =>
  api.post<object>(`${base}/delete-tag`, { run_id: runId, key });

export const renameRun = (runId: string, runName: string) =>
  api.post<object>(`${base}/update`, { run_id: runId, run_name: runName });

export const deleteRun = (runId: string) => api.post<object>(`${base}/delete`, { run_id: runId });

export const restoreRun = (runId: string) => api.post<object>(`${base}/restore`, { run_id: runId });

/** Deletes or restores many runs; resolves to the ids that failed with their errors, none lost. */
export async function setRunsLifecycle(
  runIds: readonly string[],
  action: 'delete' | 'restore',
): Promise<{ runId: string; error: unknown }[]> {
  const call = action === 'delete' ? deleteRun : restoreRun;
  const results = await Promise.allSettled(runIds.map((id) => call(id)));
  return results.flatMap((r, i) =>
    r.status === 'rejected' ? [{ runId: runIds[i] ?? '', error: r.reason as unknown }] : [],
  );
}
