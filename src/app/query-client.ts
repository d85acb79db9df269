import { QueryClient } from '@tanstack/react-query';
import { MlflowError } from '@/api/errors';

/**
 * Whether react-query should try a failed query again. The HTTP client already retries network
 * errors, 429 and 502-504 with backoff, so this adds at most one late attempt for a transient
 * failure that outlasted it. Never for "MLflow is down" (the banner offers Retry), for MLflow's
 * own refusals (4xx, 500: asking again gives the same answer), or for anything not from MLflow.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  if (!(error instanceof MlflowError)) return false;
  return error.retryable && !error.unavailable;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetryQuery,
        retryDelay: 2_000,
        // MLflow data is not live enough to refetch on every tab switch.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
