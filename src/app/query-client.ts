import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // No query is tried again here, whatever failed. Retries live in one layer, under one
        // policy (src/lib/retry-policy.ts): Parallax's server retried MLflow's transient failures
        // (429, 502-504, refused connections) before answering, and the HTTP client retried what
        // the server could not (its own server out of reach, an answer cut off). One more round
        // here would multiply the calls reaching a struggling MLflow (it was 4 × 4 × 2). "MLflow
        // is down" is left to the banner and its Retry button; MLflow's refusals (4xx, 500) give
        // the same answer again; an error not from MLflow (a bug, an abort) is not fixed by asking twice.
        retry: false,
        // Nor when a component mounts on a query that has just failed: the route loaders start
        // a page's fetch before its component mounts, so a quick failure (a 500, a 429 handed
        // back) would otherwise be asked again at once. A new navigation's loader, the error's
        // Retry button and the banner's Retry still fetch again.
        retryOnMount: false,
        // MLflow data is not live enough to refetch on every tab switch.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
