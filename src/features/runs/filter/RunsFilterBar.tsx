import { useId, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FilterErrorMarker, FilterErrorMessage } from '@/components/FilterErrorMarker';
import type { FilterKeys, Suggestion } from '@/lib/filter-string';
import { FilterSuggestions, optionId } from './FilterSuggestions';
import { useFilterDraft } from './useFilterDraft';
import { useFilterSuggestions } from './useFilterSuggestions';
import './filter-bar.css';

export type { FilterKeys };

export interface RunsFilterBarProps {
  /** The applied filter (from the URL). */
  value: string;
  /** Called only with a filter that parsed cleanly (or ''). */
  onApply: (filter: string) => void;
  /** Keys seen in the loaded runs, for autocomplete. */
  keys: FilterKeys;
  /** Known values, for autocomplete. */
  valuesFor: (kind: 'params' | 'tags', key: string) => string[];
  /** MLflow's refusal of the applied filter (an MlflowError): shown with its error_code + message. */
  serverError?: unknown;
  /** A new filter is loading (previous rows stay on screen). */
  pending?: boolean;
}

/** The runs filter in MLflow's grammar: checked before it is sent, with autocomplete. */
export function RunsFilterBar({
  value,
  onApply,
  keys,
  valuesFor,
  serverError,
  pending = false,
}: RunsFilterBarProps) {
  const id = useId();
  const listId = `${id}-suggestions`;
  const errorId = `${id}-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const { draft, setDraft, error, apply, clear } = useFilterDraft(value, onApply);
  const list = useFilterSuggestions(draft, keys, valuesFor);

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (input && pendingCaret.current !== null) {
      input.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
    // The marker must scroll with the text when the filter is longer than the box.
    if (input && mirrorRef.current) mirrorRef.current.scrollLeft = input.scrollLeft;
  });

  const pick = (item: Suggestion) => {
    const { from, to } = list.result;
    const next = draft.slice(0, from) + item.insert + draft.slice(to);
    const caret = from + item.insert.length;
    setDraft(next);
    pendingCaret.current = caret;
    list.show(caret);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const chosen = list.result.items[list.active];
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (list.expanded) list.move(e.key === 'ArrowDown' ? 1 : -1);
        else list.show(e.currentTarget.selectionStart ?? draft.length);
        break;
      case 'Enter':
        e.preventDefault();
        if (chosen) pick(chosen);
        else {
          list.close();
          apply();
        }
        break;
      case 'Tab': {
        const first = chosen ?? list.result.items[0];
        if (list.expanded && first && !e.shiftKey) {
          e.preventDefault();
          pick(first);
        }
        break;
      }
      case 'Escape':
        if (list.expanded) {
          e.preventDefault();
          list.close();
        }
        break;
    }
  };

  const showServerError = serverError !== undefined && serverError !== null && !error;

  return (
    <div className="filter-bar">
      <div className="filter-field">
        <div className="filter-input-wrap">
          {error && <FilterErrorMarker text={draft} error={error} mirrorRef={mirrorRef} />}
          <input
            ref={inputRef}
            className="input filter-input"
            type="text"
            role="combobox"
            aria-label="Filter runs"
            aria-expanded={list.expanded}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={list.active >= 0 ? optionId(listId, list.active) : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            placeholder="metrics.accuracy > 0.9 AND params.model = 'gbm'"
            spellCheck={false}
            autoComplete="off"
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              list.show(e.target.selectionStart ?? e.target.value.length);
            }}
            onSelect={(e) => list.moveCaret(e.currentTarget.selectionStart ?? draft.length)}
            onScroll={(e) => {
              if (mirrorRef.current) mirrorRef.current.scrollLeft = e.currentTarget.scrollLeft;
            }}
            onClick={(e) => list.show(e.currentTarget.selectionStart ?? draft.length)}
            onBlur={list.close}
            onKeyDown={onKeyDown}
          />
          {pending && (
            <span className="filter-spinner" role="status" aria-label="Applying filter" />
          )}
        </div>
        {(draft !== '' || value !== '') && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => {
              clear();
              list.close();
              inputRef.current?.focus();
            }}
          >
            Clear filter
          </button>
        )}
        <FilterSuggestions
          id={listId}
          items={list.result.items}
          active={list.active}
          hidden={!list.expanded}
          onPick={pick}
          onHighlight={list.highlight}
        />
      </div>
      {error && <FilterErrorMessage id={errorId} error={error} />}
      {showServerError && <ErrorNotice error={serverError} title="MLflow refused this filter" />}
    </div>
  );
}
