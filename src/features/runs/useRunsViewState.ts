import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readRunsViewState, writeRunsViewState } from '@/lib/runs-view-state';
import type { RunsViewState } from '@/lib/runs-view-state';

/** A part of the view to write, or a function of the view the URL holds when the write happens. */
export type RunsViewPatch =
  Partial<RunsViewState> | ((view: RunsViewState) => Partial<RunsViewState>);

/**
 * The table's view (filter, sort, columns and their widths, lifecycle, grouping and collapsed
 * groups, expanded runs), kept in the URL.
 */
export function useRunsViewState(): [RunsViewState, (patch: RunsViewPatch) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();
  // Parsed once per URL change, so the arrays in it keep their identity between renders.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const view = useMemo(() => readRunsViewState(searchParams), [key]);
  const update = useCallback(
    // Replace, not push: a trail of header clicks and toggles should not fill the back button.
    (patch: RunsViewPatch) =>
      setSearchParams(
        (prev) =>
          writeRunsViewState(
            prev,
            typeof patch === 'function' ? patch(readRunsViewState(prev)) : patch,
          ),
        { replace: true },
      ),
    [setSearchParams],
  );
  return [view, update];
}
