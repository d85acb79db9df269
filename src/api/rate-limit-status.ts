// Which calls are waiting out a rate limit right now, for the page to say so. The client reports
// each wait here; the UI subscribes (useSyncExternalStore) and shows the latest end as a countdown.

type Listener = () => void;

const waits = new Set<{ until: number }>();
const listeners = new Set<Listener>();
let latest: number | undefined;

function changed(): void {
  latest = waits.size ? Math.max(...[...waits].map((w) => w.until)) : undefined;
  for (const listener of listeners) listener();
}

export const rateLimitStatus = {
  /** A call waits until `until` (ms since the epoch); call the result when it goes again. */
  begin(until: number): () => void {
    const wait = { until };
    waits.add(wait);
    changed();
    return () => {
      if (waits.delete(wait)) changed();
    };
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** When the last of the current waits ends, or undefined when none is under way. */
  until: (): number | undefined => latest,
};
