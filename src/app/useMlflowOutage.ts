import { useQueryClient, type QueryCacheNotifyEvent } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { MlflowError } from '@/api/errors';

function outageOf(error: unknown): MlflowError | null {
  return error instanceof MlflowError && error.unavailable ? error : null;
}

/**
 * Whether MLflow is unreachable, judged from the query cache: set by any query failing with
 * MLFLOW_UNAVAILABLE (or a network error), cleared by the next query to MLflow that succeeds. Watching the
 * cache rather than the transport keeps the HTTP client free of UI concerns.
 */
export function useMlflowOutage() {
  const client = useQueryClient();
  const [outage, setOutage] = useState<MlflowError | null>(() => {
    const failed = client
      .getQueryCache()
      .getAll()
      .find((q) => q.state.status === 'error' && outageOf(q.state.error));
    return outageOf(failed?.state.error);
  });
  const [retrying, setRetrying] = useState(false);

  useEffect(
    () =>
      client.getQueryCache().subscribe((event: QueryCacheNotifyEvent) => {
        if (event.type !== 'updated') return;
        if (event.action.type === 'success') {
          if (event.query.meta?.reachesMlflow !== false) setOutage(null);
        } else if (event.action.type === 'error') {
          const error = outageOf(event.action.error);
          if (error) setOutage(error);
        }
      }),
    [client],
  );

  const retry = useCallback(async () => {
    setRetrying(true);
    try {
      await client.refetchQueries({ type: 'active' });
    } finally {
      setRetrying(false);
    }
  }, [client]);

  return { outage, retry, retrying };
}
