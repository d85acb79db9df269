import { useEffect, useState } from 'react';

/**
 * A text box bound to a committed value (usually in the URL) through a debounce: typing updates
 * the draft at once and commits it after `delayMs` of quiet. When the committed value changes from
 * elsewhere (back button, a "clear" link), the draft follows it.
 */
export function useDebouncedDraft(
  committed: string,
  commit: (value: string) => void,
  delayMs = 250,
) {
  const [draft, setDraft] = useState(committed);
  // What this hook last saw or sent as the committed value, to tell outside changes from our own.
  const [known, setKnown] = useState(committed);

  if (committed !== known) {
    setKnown(committed);
    setDraft(committed);
  }

  useEffect(() => {
    if (draft === known) return;
    const timer = setTimeout(() => {
      setKnown(draft);
      commit(draft);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [draft, known, commit, delayMs]);

  return [draft, setDraft] as const;
}
