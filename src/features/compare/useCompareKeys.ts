import { useEffect, useRef } from 'react';
import { isTyping } from '@/hooks/useFocusShortcut';

interface CompareKeys {
  onToggleDifferences: () => void;
  /** The run column (0-based, in column order) that holds the focus. */
  onBaseline: (columnIndex: number) => void;
}

/** The column of the focused element: header and cells carry aria-colindex (1 is the key column). */
function focusedColumn(): number | undefined {
  const el = document.activeElement?.closest('[aria-colindex]');
  const index = Number(el?.getAttribute('aria-colindex'));
  return Number.isInteger(index) && index >= 2 ? index - 2 : undefined;
}

/** `d` toggles differences only; `b` makes the focused column's run the baseline. */
export function useCompareKeys(keys: CompareKeys) {
  // The latest handlers, so the listener is added once rather than on every render.
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('[role="dialog"], [role="menu"]'))
        return;
      if (event.key === 'd') {
        event.preventDefault();
        latest.current.onToggleDifferences();
      } else if (event.key === 'b') {
        const column = focusedColumn();
        if (column === undefined) return;
        event.preventDefault();
        latest.current.onBaseline(column);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
