// Many independent requests with a ceiling on how many are in flight: a bulk action over 10,000
// runs must not open 10,000 requests at once (the browser queues them behind six sockets anyway,
// and a rate-limited or struggling MLflow sees the whole burst). No dependency: a pool of N
// workers taking the next item is a dozen lines, and the order, progress and stop rules below are
// exactly the ones the bulk actions need.

export type Settled<T, R> =
  { item: T; ok: true; value: R } | { item: T; ok: false; error: unknown; started: boolean };

export interface BoundedOptions {
  /** Called after each item settles, with how many have settled and the total. */
  onProgress?: (settled: number, total: number) => void;
  /**
   * Stops starting new items once aborted; those in flight finish (a request already sent may
   * already have taken effect), the rest settle as failures with `started: false`.
   */
  signal?: AbortSignal;
}

/**
 * Runs `task` over every item with at most `limit` in flight, in item order as slots free up.
 * Never rejects: each item settles on its own, and the result lists them in the items' order.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  { onProgress, signal }: BoundedOptions = {},
): Promise<Settled<T, R>[]> {
  const total = items.length;
  const results = new Array<Settled<T, R>>(total);
  let next = 0;
  let settled = 0;
  const width = Math.max(1, Math.min(Math.floor(limit) || 1, total));

  const worker = async () => {
    while (next < total) {
      const index = next++;
      const item = items[index] as T;
      if (signal?.aborted) {
        results[index] = { item, ok: false, error: signal.reason, started: false };
      } else {
        try {
          results[index] = { item, ok: true, value: await task(item, index) };
        } catch (error) {
          results[index] = { item, ok: false, error, started: true };
        }
      }
      settled++;
      onProgress?.(settled, total);
    }
  };
  await Promise.all(Array.from({ length: total === 0 ? 0 : width }, worker));
  return results;
}
