import {
  useQueryClient,
  type MutationCacheNotifyEvent,
  type QueryCacheNotifyEvent,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { MlflowError } from '@/api/errors';

function outageOf(error: unknown): MlflowError | null {
  return error instanceof MlflowError && error.unavailable ? error : null;
}

interface OutageStore {
  get: () => MlflowError | null;
  subscribe: (listener: () => void) => () => void;
}

const stores = new WeakMap<QueryClient, OutageStore>();

/**
 * One watcher per query client, listening from the moment it is first asked for, for as long as
 * the client lives (the app has one). Subscribing in an effect instead left a gap between the
 * first render and the effect: a route loader's fetch refused at once failed in it, unheard.
 */
export function outageStore(client: QueryClient): OutageStore {
  const existing = stores.get(client);
  if (existing) return existing;
  const failed = client
    .getQueryCache()
    .getAll()
    .find((q) => q.state.status === 'error' && outageOf(q.state.error));
  let current = outageOf(failed?.state.error);
  const listeners = new Set<() => void>();
  const set = (next: MlflowError | null) => {
    if (next === current) return;
    current = next;
    for (const listener of listeners) listener();
  };
  client.getQueryCache().subscribe((event: QueryCacheNotifyEvent) => {
    if (event.type !== 'updated') return;
    if (event.action.type === 'success') {
      if (event.query.meta?.reachesMlflow !== false) set(null);
    } else if (event.action.type === 'error') {
      const error = outageOf(event.action.error);
      if (error) set(error);
    }
  });
  // A save that fails because MLflow is out of reach says so in its form, and the banner says
  // why. A save's success does not clear it (a bulk action resolves even when every run failed);
  // the queries it invalidates do.
  client.getMutationCache().subscribe((event: MutationCacheNotifyEvent) => {
    if (event.type !== 'updated' || event.action.type !== 'error') return;
    const error = outageOf(event.action.error);
    if (error) set(error);
  });
  const store: OutageStore = {
    get: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  stores.set(client, store);
  return store;
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
  const store = outageStore(client);
  const outage = useSyncExternalStore(store.subscribe, store.get);
  const [retrying, setRetrying] = useState(false);

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
