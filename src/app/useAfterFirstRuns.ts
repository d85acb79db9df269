import { useEffect, useState } from 'react';
import { useIsFetching } from '@tanstack/react-query';
import { runQueries } from '@/api/queries/runs';

/** Long enough for a page's first runs/search to start; past it nothing more is waited for. */
const FALLBACK_MS = 3000;

/**
 * True once the page's first runs searches have answered (or after FALLBACK_MS when none starts),
 * and from then on. A secondary request held back by it (the Models view's probe) never takes one
 * of MLflow's few workers from the runs the page is drawing.
 */
export function useAfterFirstRuns(now: boolean): boolean {
  const busy = useIsFetching({ queryKey: runQueries.searches() }) > 0;
  const [seenBusy, setSeenBusy] = useState(false);
  const [done, setDone] = useState(now);
  if (busy && !seenBusy) setSeenBusy(true);
  if (!done && seenBusy && !busy) setDone(true);
  useEffect(() => {
    if (done) return;
    const timer = setTimeout(() => setDone(true), FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [done]);
  return done;
}
