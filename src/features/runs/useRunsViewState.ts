import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readRunsViewState, writeRunsViewState } from '@/lib/runs-view-state';
import type { RunsViewState } from '@/lib/runs-view-state';

/** The table's view (filter, sort, columns, lifecycle, grouping, expanded runs), kept in the URL. */
export function useRunsViewState(): [RunsViewState, (patch: Partial<RunsViewState>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();
  // Parsed once per URL change, so the arrays in it keep their identity between renders.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const view = useMemo(() => readRunsViewState(searchParams), [key]);
  const update = useCallback(
    // Replace, not push: a trail of header clicks and toggles should not fill the back button.
    (patch: Partial<RunsViewState>) =>
      setSearchParams((prev) => writeRunsViewState(prev, patch), { replace: true }),
    [setSearchParams],
  );
  return [view, update];
}
