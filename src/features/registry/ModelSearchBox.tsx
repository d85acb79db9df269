import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { FilterErrorMarker, FilterErrorMessage } from '@/components/FilterErrorMarker';
import { useDebouncedDraft } from '@/hooks/useDebouncedDraft';
import { modelSearchError } from '@/lib/registry/model-filter';

interface ModelSearchBoxProps {
  /** The applied search (the URL's `q`). */
  value: string;
  /** Called only with a name search or a filter MLflow will accept. */
  onCommit: (q: string) => void;
  noun: string;
}

/**
 * The models search: a name, or a filter in MLflow's registered-models grammar. A filter MLflow
 * would refuse is underlined where it goes wrong and never sent; the list keeps its last search.
 */
export function ModelSearchBox({ value, onCommit, noun }: ModelSearchBoxProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  // The text whose commit was refused: its error shows until the text changes, so typing a
  // filter is not flagged at every keystroke, only once the typing pauses.
  const [refused, setRefused] = useState<string>();
  const commit = useCallback(
    (q: string) => {
      if (modelSearchError(q)) return setRefused(q);
      setRefused(undefined);
      onCommit(q);
    },
    [onCommit],
  );
  const [draft, setDraft] = useDebouncedDraft(value, commit);
  const problem = modelSearchError(draft);
  // The applied text is checked too: a link or a reload can carry a broken filter.
  const error = problem && (draft === refused || draft === value) ? problem : undefined;

  useLayoutEffect(() => {
    // The marker must scroll with the text when the filter is longer than the box.
    if (inputRef.current && mirrorRef.current)
      mirrorRef.current.scrollLeft = inputRef.current.scrollLeft;
  });

  return (
    <div className="model-search">
      <label htmlFor={id} className="visually-hidden">
        Search {noun} by name or filter
      </label>
      <div className="filter-input-wrap">
        {error && <FilterErrorMarker text={draft} error={error} mirrorRef={mirrorRef} />}
        <input
          ref={inputRef}
          id={id}
          type="text"
          className="input filter-input"
          placeholder="churn, or name ILIKE '%churn%' AND tags.team = 'growth'"
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
      <p id={hintId} className="model-search-hint">
        A name, or MLflow&apos;s filter: <code>name</code> or <code>tags.&lt;key&gt;</code> with =,
        !=, LIKE, ILIKE (name also IN), quoted values, joined by AND.
      </p>
    </div>
  );
}
