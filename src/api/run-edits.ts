import { mapBounded, type BoundedOptions } from '@/lib/bounded';
import { api } from './client';
import { MlflowError } from './errors';

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

/**
 * At most this many lifecycle requests in flight. Enough to keep a few browser sockets busy (a
 * delete takes MLflow a few ms), few enough that 10,000 runs reach MLflow as a steady stream
 * rather than a burst, and that a rate limit or an outage stops a handful of calls, not thousands.
 */
export const BULK_CONCURRENCY = 8;

export interface LifecycleFailure {
  runId: string;
  error: unknown;
  /** MLflow's error_code (or ours, e.g. MLFLOW_UNAVAILABLE), for the summary. */
  errorCode: string;
  message: string;
}

export interface LifecycleResult {
  failed: LifecycleFailure[];
  /** Runs never attempted because the action was stopped. */
  notStarted: string[];
  succeeded: number;
}

function describe(runId: string, error: unknown): LifecycleFailure {
  if (error instanceof MlflowError)
    return { runId, error, errorCode: error.errorCode, message: error.message };
  return {
    runId,
    error,
    errorCode: 'UNKNOWN',
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Deletes or restores many runs, BULK_CONCURRENCY at a time; resolves to each failure with its
 * error (none lost), the runs a stop left out, and how many succeeded. Never rejects.
 */
export async function setRunsLifecycle(
  runIds: readonly string[],
  action: 'delete' | 'restore',
  options: BoundedOptions = {},
): Promise<LifecycleResult> {
  const call = action === 'delete' ? deleteRun : restoreRun;
  const settled = await mapBounded(runIds, BULK_CONCURRENCY, (id) => call(id), options);
  const result: LifecycleResult = { failed: [], notStarted: [], succeeded: 0 };
  for (const r of settled) {
    if (r.ok) result.succeeded++;
    else if (r.started) result.failed.push(describe(r.item, r.error));
    else result.notStarted.push(r.item);
  }
  return result;
}
