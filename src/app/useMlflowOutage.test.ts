import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { MlflowError } from '@/api/errors';
import { outageStore } from './useMlflowOutage';

const down = new MlflowError(502, 'MLFLOW_UNAVAILABLE', 'MLflow at x is not reachable');
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const fail = (c: QueryClient, key: string, error: unknown) =>
  c.fetchQuery({ queryKey: [key], queryFn: () => Promise.reject(error) }).catch(() => undefined);

describe('outageStore', () => {
  it('sees a query that failed before anyone asked (a route loader refused at once)', async () => {
    const c = client();
    await fail(c, 'list', down);
    expect(outageStore(c).get()).toBe(down);
  });

  it('is set by an unreachable MLflow and cleared by the next query that reaches it', async () => {
    const c = client();
    const store = outageStore(c);
    let notified = 0;
    store.subscribe(() => (notified += 1));
    await fail(c, 'list', down);
    expect(store.get()).toBe(down);
    await c.fetchQuery({
      queryKey: ['config'],
      queryFn: () => Promise.resolve({}),
      meta: { reachesMlflow: false },
    });
    expect(store.get()).toBe(down);
    await c.fetchQuery({ queryKey: ['runs'], queryFn: () => Promise.resolve({}) });
    expect(store.get()).toBeNull();
    expect(notified).toBe(2);
  });

  it('ignores failures that are not an outage', async () => {
    const c = client();
    const store = outageStore(c);
    await fail(c, 'run', new MlflowError(404, 'RESOURCE_DOES_NOT_EXIST', 'no run'));
    await fail(c, 'bug', new TypeError('x is undefined'));
    expect(store.get()).toBeNull();
  });

  it('is set by a save that failed because MLflow is out of reach', async () => {
    const c = client();
    const store = outageStore(c);
    const offline = new MlflowError(0, 'NETWORK_ERROR', "Parallax's server could not be reached");
    await c
      .getMutationCache()
      .build(c, { mutationFn: () => Promise.reject(offline) })
      .execute(undefined)
      .catch(() => undefined);
    expect(store.get()).toBe(offline);
  });
});
