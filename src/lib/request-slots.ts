// At most N of one kind of request in flight, the rest waiting in order. Not mapBounded (bounded.ts):
// these requests come one at a time from many callers, not as one list.

export interface RequestSlots {
  /** Runs `task` once a slot is free; rejects with the signal's reason if aborted while waiting. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export function createRequestSlots(limit: number): RequestSlots {
  let busy = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else busy--;
  };
  // Resolves once the caller holds a slot (a freed slot passes straight to the next in line).
  const acquire = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      if (busy < limit) {
        busy++;
        resolve();
        return;
      }
      const go = () => {
        signal?.removeEventListener('abort', abort);
        resolve();
      };
      const abort = () => {
        const at = waiting.indexOf(go);
        if (at >= 0) waiting.splice(at, 1);
        reject(signal?.reason);
      };
      waiting.push(go);
      signal?.addEventListener('abort', abort, { once: true });
    });
  return {
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
