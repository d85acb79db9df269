import { useCallback, useState } from 'react';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, policy): the draft lives only in memory
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // storage full or disabled: the in-memory draft still works for this visit
  }
}

/**
 * A text draft mirrored to localStorage under `key`, so an unsaved edit survives a reload or a
 * failed save. `null` means no draft. `clear` is for after a successful save or a deliberate cancel.
 */
export function useStoredDraft(key: string) {
  const [draft, setDraftState] = useState<string | null>(() => read(key));
  const setDraft = useCallback(
    (value: string) => {
      setDraftState(value);
      write(key, value);
    },
    [key],
  );
  const clear = useCallback(() => {
    setDraftState(null);
    write(key, null);
  }, [key]);
  return { draft, setDraft, clear };
}
