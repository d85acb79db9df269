import type { RefObject } from 'react';
import type { FilterError } from '@/lib/filter-string';
import './filter-error.css';

interface FilterErrorMarkerProps {
  text: string;
  error: FilterError;
  mirrorRef: RefObject<HTMLDivElement | null>;
}

/**
 * Goes with an input of class `filter-input` inside a `filter-input-wrap`.
 * A copy of the input's text, transparent and laid exactly over it, in which only the offending
 * token is visible: as a wavy underline. An error at the end of the text (something missing)
 * underlines one blank character there.
 */
export function FilterErrorMarker({ text, error, mirrorRef }: FilterErrorMarkerProps) {
  const bad = text.slice(error.start, error.end);
  return (
    <div ref={mirrorRef} className="filter-mirror" aria-hidden="true">
      <span>{text.slice(0, error.start)}</span>
      <mark className="filter-mirror-bad" data-testid="filter-error-token">
        {bad === '' ? '\u00a0' : bad}
      </mark>
      <span>{text.slice(error.end)}</span>
    </div>
  );
}

/** The message under the input, with the column the marker points at. */
export function FilterErrorMessage({ id, error }: { id: string; error: FilterError }) {
  return (
    <p id={id} role="alert" className="filter-error">
      {error.message}
      <span className="filter-error-column"> (column {error.start + 1})</span>
    </p>
  );
}
