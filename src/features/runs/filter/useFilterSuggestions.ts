import { useMemo, useState } from 'react';
import { suggest } from '@/lib/filter-string';
import type { FilterKeys, Suggestion } from '@/lib/filter-string';

const CLOSED = { from: 0, to: 0, items: [] as Suggestion[] };

/** The open/closed state, caret and highlighted option of the filter's suggestion list. */
export function useFilterSuggestions(
  draft: string,
  keys: FilterKeys,
  valuesFor: (kind: 'params' | 'tags', key: string) => string[],
) {
  const [open, setOpen] = useState(false);
  const [caret, setCaret] = useState(draft.length);
  // -1: nothing highlighted, so Enter applies the filter instead of taking a suggestion.
  const [active, setActive] = useState(-1);

  const result = useMemo(
    () => (open ? suggest(draft, Math.min(caret, draft.length), { keys, valuesFor }) : CLOSED),
    [open, draft, caret, keys, valuesFor],
  );
  const count = result.items.length;
  const expanded = open && count > 0;

  return {
    result,
    expanded,
    active: expanded && active < count ? active : -1,
    /** Reopens the list for a new caret position with nothing highlighted. */
    show: (at: number) => {
      setCaret(at);
      setOpen(true);
      setActive(-1);
    },
    moveCaret: setCaret,
    close: () => {
      setOpen(false);
      setActive(-1);
    },
    move: (delta: 1 | -1) =>
      setActive((a) => {
        if (count === 0) return -1;
        if (a < 0) return delta === 1 ? 0 : count - 1;
        return (a + delta + count) % count;
      }),
    highlight: setActive,
  };
}
