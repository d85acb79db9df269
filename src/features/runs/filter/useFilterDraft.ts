import { useMemo, useState } from 'react';
import { parseFilter } from '@/lib/filter-string';
import type { FilterError } from '@/lib/filter-string';

/**
 * The text in the filter box, separate from the applied filter: it survives errors and is replaced
 * only when the applied filter changes from outside (back/forward, a pasted link).
 */
export function useFilterDraft(value: string, onApply: (filter: string) => void) {
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  // After a refused Enter the error follows the draft live, so the user sees it go away as they fix it.
  const [checking, setChecking] = useState(false);
  if (value !== applied) {
    setApplied(value);
    setDraft(value);
    setChecking(false);
  }

  const parsed = useMemo(() => parseFilter(draft), [draft]);
  const error: FilterError | undefined = checking && !parsed.ok ? parsed.error : undefined;

  /** Applies the draft if it parses; returns whether it did. */
  const apply = (): boolean => {
    if (!parsed.ok) {
      setChecking(true);
      return false;
    }
    setChecking(false);
    const next = draft.trim();
    if (next !== value) onApply(next);
    return true;
  };

  // A draft that parses ends the live checking, so half-typed text after a fix is not flagged.
  const edit = (next: string) => {
    setDraft(next);
    if (parseFilter(next).ok) setChecking(false);
  };

  const clear = () => {
    setDraft('');
    setChecking(false);
    if (value !== '') onApply('');
  };

  return { draft, setDraft: edit, error, apply, clear };
}
