import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { compareHistoryMode, readCompareView, writeCompareView } from '@/lib/run-diff/compare-url';
import type { CompareRead, CompareView } from '@/lib/run-diff/compare-url';

export interface CompareViewState {
  view: CompareRead;
  /** Writes one field into the URL; a new baseline or step is a step back can undo (push). */
  set: <F extends keyof CompareView>(field: F, value: CompareView[F]) => void;
}

/** The compare page's state, read from and written to the URL so that a link reproduces it. */
export function useCompareView(): CompareViewState {
  const [search, setSearch] = useSearchParams();
  const view = useMemo(() => readCompareView(search), [search]);
  const set = useCallback(
    <F extends keyof CompareView>(field: F, value: CompareView[F]) => {
      const replace = compareHistoryMode(field) === 'replace';
      // A toggle (a checkbox, a folded section) is drawn from the URL: written in a transition, the
      // control would spring back for a frame before its new state arrived.
      setSearch((current) => writeCompareView(current, { [field]: value }), {
        replace,
        flushSync: replace,
      });
    },
    [setSearch],
  );
  return { view, set };
}
