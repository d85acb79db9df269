import { useCallback, useSyncExternalStore } from 'react';

// The runs selected in an experiment's table, shared by the features that act on them (table,
// charts, compare) without importing each other. Kept per experiment for the page's lifetime.
const selections = new Map<string, ReadonlySet<string>>();
const listeners = new Set<() => void>();
const EMPTY: ReadonlySet<string> = new Set();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setRunSelection(experimentId: string, runIds: Iterable<string>): void {
  selections.set(experimentId, new Set(runIds));
  for (const l of listeners) l();
}

/** The selected run ids of one experiment, and a setter; every subscriber re-renders on change. */
export function useRunSelection(experimentId: string) {
  const selected = useSyncExternalStore(subscribe, () => selections.get(experimentId) ?? EMPTY);
  const setSelected = useCallback(
    (runIds: Iterable<string>) => setRunSelection(experimentId, runIds),
    [experimentId],
  );
  return [selected, setSelected] as const;
}
