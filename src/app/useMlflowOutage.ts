import {
  useQueryClient,
  type MutationCacheNotifyEvent,
  type QueryCacheNotifyEvent,
} from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { MlflowError } from '@/api/errors';

function outageOf(error: unknown): MlflowError | null {
  return error instanceof MlflowError && error.unavailable ? error : null;
}

/**
 * Whether MLflow is unreachable, judged from the query and mutation caches: set by any call failing
 * with MLFLOW_UNAVAILABLE (or a network error), cleared by the next query to MLflow that succeeds.
 * Watching the caches rather than the transport keeps the HTTP client free of UI concerns. No
 * timer of its own: the server answers MLFLOW_UNAVAILABLE within its connect timeout (refused
 * connections after one quick retry, a hung MLflow through its /health probe; see
 * server/upstream.ts), and no layer retries that answer, so the first failing call shows it.
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

  useEffect(() => {
    const stopQueries = client.getQueryCache().subscribe((event: QueryCacheNotifyEvent) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'success') {
        if (event.query.meta?.reachesMlflow !== false) setOutage(null);
      } else if (event.action.type === 'error') {
        const error = outageOf(event.action.error);
        if (error) setOutage(error);
      }
    });
    // A save that fails because MLflow is out of reach says so in its form, and the banner says
    // why. A save's success does not clear it (a bulk action resolves even when every run failed);
    // the queries it invalidates do.
    const stopMutations = client.getMutationCache().subscribe((event: MutationCacheNotifyEvent) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      const error = outageOf(event.action.error);
      if (error) setOutage(error);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [client]);

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
