import { useEffect, useState } from 'react';
import type { FilterError } from '@/lib/filter-string';
import { modelSearchError } from '@/lib/registry/model-filter';

/**
 * The models search box's text, committed after a pause in typing, but only when it is a name or
 * a filter MLflow accepts. Not useDebouncedDraft: that one commits whatever was typed and then
 * puts the box back to the committed value, which would wipe a refused filter before it is shown.
 */
export function useModelSearchDraft(
  value: string,
  onCommit: (q: string) => void,
  /** What is wrong with the text: MLflow's filter grammar, or on Unity Catalog, any filter. */
  validate: (text: string) => FilterError | undefined = modelSearchError,
  delayMs = 250,
) {
  const [draft, setDraft] = useState(value);
  // The text once typing paused: its error shows, so a filter is not flagged at every keystroke.
  const [settled, setSettled] = useState(value);
  const [applied, setApplied] = useState(value);
  if (value !== applied) {
    // Changed from outside (back button, Clear search) or by our own commit: the box follows.
    setApplied(value);
    setDraft(value);
    setSettled(value);
  }

  useEffect(() => {
    if (draft === settled) return;
    const timer = setTimeout(() => {
      setSettled(draft);
      if (!validate(draft) && draft !== value) onCommit(draft);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [draft, settled, value, onCommit, validate, delayMs]);

  const problem = validate(draft);
  const error: FilterError | undefined = problem && draft === settled ? problem : undefined;
  return { draft, setDraft, error };
}
