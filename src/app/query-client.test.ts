import { describe, expect, it } from 'vitest';
import type { QueryClient } from '@tanstack/react-query';
import { MlflowError } from '@/api/errors';
import { createQueryClient } from './query-client';

describe('createQueryClient', () => {
  it('keeps data fresh for 30 s and does not refetch on window focus', () => {
    const defaults = createQueryClient().getDefaultOptions();
    expect(defaults.queries?.staleTime).toBe(30_000);
    expect(defaults.queries?.refetchOnWindowFocus).toBe(false);
  });

  it('adds no retry of its own to queries or mutations', () => {
    const defaults = createQueryClient().getDefaultOptions();
    expect(defaults.queries?.retry).toBe(false);
    expect(defaults.queries?.retryOnMount).toBe(false);
    expect(defaults.mutations?.retry).toBe(false);
  });

  it.each([
    ['a 503 the server already retried', new MlflowError(503, 'TEMPORARILY_UNAVAILABLE', 'busy')],
    ['MLflow out of reach', new MlflowError(502, 'MLFLOW_UNAVAILABLE', 'down')],
    ['a network error the client already retried', new MlflowError(0, 'NETWORK_ERROR', 'x')],
  ])('calls a failing query function once for %s', async (_label, error) => {
    const client: QueryClient = createQueryClient();
    let calls = 0;
    await client
      .fetchQuery({
        queryKey: ['failing'],
        queryFn: () => {
          calls += 1;
          return Promise.reject(error);
        },
      })
      .catch(() => undefined);
    expect(calls).toBe(1);
  });
});
