import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import {
  parseExperimentListState,
  writeExperimentListState,
  type ExperimentListState,
} from '@/lib/experiment-list-state';

/** The list's search, sort and view, read from and written to the URL. */
export function useExperimentListState() {
  const [params, setParams] = useSearchParams();
  const state = parseExperimentListState(params);
  const update = useCallback(
    (patch: Partial<ExperimentListState>) =>
      // Typing replaces the history entry; switching sort or view is worth a back-button step.
      setParams((prev) => writeExperimentListState(prev, patch), {
        replace: Object.keys(patch).every((k) => k === 'q'),
      }),
    [setParams],
  );
  return [state, update] as const;
}
