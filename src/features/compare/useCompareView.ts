import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { compareHistoryMode, readCompareView, writeCompareView } from '@/lib/run-diff/compare-url';
import type { CompareRead, CompareView } from '@/lib/run-diff/compare-url';

export interface CompareViewState {
  view: CompareRead;
  /** Writes one field into the URL; a new baseline or step is a step back can undo (push). */
  set: <F extends keyof CompareView>(field: F, value: CompareView[F]) => void;
  /** Writes several fields in one navigation (two writes in a row would each start from the same URL). */
  patch: (patch: Partial<CompareView>) => void;
}

/**
 * The compare page's state, read from and written to the URL so that a link reproduces it. A
 * written field shows at once: the router commits a navigation a moment later, and a checkbox
 * drawn from the URL alone would spring back for that moment (and a quick second click be lost).
 */
export function useCompareView(): CompareViewState {
  const [search, setSearch] = useSearchParams();
  const [pending, setPending] = useState<{ for: string; patch: Partial<CompareView> }>();
  const key = search.toString();
  // The URL has moved on (this write landed, or Back): what it says wins again.
  if (pending && pending.for !== key) setPending(undefined);
  const patch = pending?.for === key ? pending.patch : undefined;
  const view = useMemo(() => ({ ...readCompareView(search), ...patch }), [search, patch]);
  const patchView = useCallback(
    (next: Partial<CompareView>) => {
      setPending((p) => ({ for: key, patch: { ...(p?.for === key ? p.patch : {}), ...next } }));
      const fields = Object.keys(next) as (keyof CompareView)[];
      setSearch((current) => writeCompareView(current, next), {
        replace: fields.every((f) => compareHistoryMode(f) === 'replace'),
      });
    },
    [key, setSearch],
  );
  const set = useCallback(
    <F extends keyof CompareView>(field: F, value: CompareView[F]) =>
      patchView({ [field]: value } as Partial<CompareView>),
    [patchView],
  );
  return { view, set, patch: patchView };
}
