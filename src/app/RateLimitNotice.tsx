import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { configQueries } from '@/api/queries/config';
import { rateLimitStatus } from '@/api/rate-limit-status';
import { rateLimitMessage, secondsLeft } from '@/lib/rate-limit';

/**
 * "Databricks is rate-limiting; retrying in 3 s" while any call waits out a 429 the server handed
 * back (src/api/client.ts): the page keeps its loading state instead of turning into an error.
 */
export function RateLimitNotice() {
  const until = useSyncExternalStore(rateLimitStatus.subscribe, rateLimitStatus.until);
  const { data: config } = useQuery(configQueries.detail());
  const now = useSecondTicks(until !== undefined);
  if (until === undefined) return null;
  return (
    <div role="status" className="rate-limit-notice">
      {rateLimitMessage(config?.backend, secondsLeft(until, now))}
    </div>
  );
}

/** The current time, updated every second while `active`, so the countdown moves. */
function useSecondTicks(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    // At once too: the time kept from an earlier wait would show too many seconds.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active]);
  return now;
}
