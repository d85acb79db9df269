import { useLayoutEffect } from 'react';
import type { Suggestion } from '@/lib/filter-string';

interface FilterSuggestionsProps {
  id: string;
  items: Suggestion[];
  active: number;
  /** Closed lists stay in the DOM so the combobox's aria-controls always points at something. */
  hidden: boolean;
  onPick: (item: Suggestion) => void;
  onHighlight: (index: number) => void;
}

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

/** The listbox of the filter combobox: keys, comparators, values or AND for the caret. */
export function FilterSuggestions({
  id,
  items,
  active,
  hidden,
  onPick,
  onHighlight,
}: FilterSuggestionsProps) {
  useLayoutEffect(() => {
    if (active >= 0)
      document.getElementById(optionId(id, active))?.scrollIntoView({ block: 'nearest' });
  }, [id, active]);

  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Filter suggestions"
      className="filter-suggestions"
      hidden={hidden}
    >
      {items.map((item, i) => (
        <li
          key={`${item.type}:${item.label}`}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          className="filter-suggestion"
          // mousedown, not click: the input keeps focus, so the list does not close under the pointer.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(item);
          }}
          onMouseMove={() => {
            if (i !== active) onHighlight(i);
          }}
        >
          <span className="filter-suggestion-label">{item.label}</span>
          {item.detail && <span className="filter-suggestion-detail">{item.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
