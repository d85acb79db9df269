import { useId, useLayoutEffect, useRef } from 'react';
import { FilterErrorMarker, FilterErrorMessage } from '@/components/FilterErrorMarker';
import { modelSearchError } from '@/lib/registry/model-filter';
import { ucModelSearchError } from '@/lib/registry/uc-model-list';
import { useModelSearchDraft } from './useModelSearchDraft';

interface ModelSearchBoxProps {
  /** The applied search (the URL's `q`). */
  value: string;
  /** Called only with a name search or a filter MLflow will accept. */
  onCommit: (q: string) => void;
  noun: string;
  /** Unity Catalog: the search takes a name only (UC's search has no filter). */
  unityCatalog?: boolean;
}

/**
 * The models search: a name, or a filter in MLflow's registered-models grammar. A filter MLflow
 * would refuse is underlined where it goes wrong and never sent; the list keeps its last search.
 */
export function ModelSearchBox({ value, onCommit, noun, unityCatalog }: ModelSearchBoxProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  const { draft, setDraft, error } = useModelSearchDraft(
    value,
    onCommit,
    unityCatalog ? ucModelSearchError : modelSearchError,
  );

  useLayoutEffect(() => {
    // The marker must scroll with the text when the filter is longer than the box.
    if (inputRef.current && mirrorRef.current)
      mirrorRef.current.scrollLeft = inputRef.current.scrollLeft;
  });

  return (
    <div className="model-search">
      <label htmlFor={id} className="visually-hidden">
        {unityCatalog ? `Search ${noun} by name` : `Search ${noun} by name or filter`}
      </label>
      <div className="filter-input-wrap">
        {error && <FilterErrorMarker text={draft} error={error} mirrorRef={mirrorRef} />}
        <input
          ref={inputRef}
          id={id}
          type="text"
          className="input filter-input"
          placeholder={
            unityCatalog
              ? 'Part of a name: churn'
              : "churn, or name ILIKE '%churn%' AND tags.team = 'growth'"
          }
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && draft !== '') {
              e.preventDefault();
              setDraft('');
            }
          }}
          onScroll={(e) => {
            if (mirrorRef.current) mirrorRef.current.scrollLeft = e.currentTarget.scrollLeft;
          }}
        />
      </div>
      {error && <FilterErrorMessage id={errorId} error={error} />}
      {unityCatalog ? (
        <p id={hintId} className="model-search-hint">
          Unity Catalog&apos;s search takes no filter or order: the names, the catalog.schema and
          the order are matched here, over the models loaded so far.
        </p>
      ) : (
        <p id={hintId} className="model-search-hint">
          A name, or MLflow&apos;s filter: <code>name</code> or <code>tags.&lt;key&gt;</code> with
          =, !=, LIKE, ILIKE (name also IN), quoted values, joined by AND.
        </p>
      )}
    </div>
  );
}
