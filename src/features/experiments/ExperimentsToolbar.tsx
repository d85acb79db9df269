import { useCallback, useRef } from 'react';
import { useDebouncedDraft } from '@/hooks/useDebouncedDraft';
import { useFocusShortcut } from '@/hooks/useFocusShortcut';
import {
  SORT_OPTIONS,
  type ExperimentListState,
  type ExperimentSort,
} from '@/lib/experiment-list-state';

interface ExperimentsToolbarProps {
  state: ExperimentListState;
  onChange: (patch: Partial<ExperimentListState>) => void;
}

/** Search by name, sort, the Active / Deleted switch, and a flat list or workspace folders. */
export function ExperimentsToolbar({ state, onChange }: ExperimentsToolbarProps) {
  const searchRef = useRef<HTMLInputElement>(null);
  useFocusShortcut('/', searchRef);
  const commitSearch = useCallback((q: string) => onChange({ q }), [onChange]);
  const [draft, setDraft] = useDebouncedDraft(state.q, commitSearch);

  return (
    <div className="toolbar">
      <div className="search-field">
        <label htmlFor="experiment-search" className="visually-hidden">
          Search experiments
        </label>
        <input
          ref={searchRef}
          id="experiment-search"
          type="search"
          className="input"
          placeholder="Search experiments by name"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <kbd className="search-field-hint" aria-hidden="true">
          /
        </kbd>
      </div>
      <label className="field-inline">
        <span>Sort by</span>
        <select
          className="select"
          value={state.sort}
          onChange={(e) => onChange({ sort: e.target.value as ExperimentSort })}
        >
          {SORT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <div role="group" aria-label="Lifecycle" className="segmented">
        <button
          type="button"
          aria-pressed={state.view === 'active'}
          onClick={() => onChange({ view: 'active' })}
        >
          Active
        </button>
        <button
          type="button"
          aria-pressed={state.view === 'deleted'}
          onClick={() => onChange({ view: 'deleted' })}
        >
          Deleted
        </button>
      </div>
      <div role="group" aria-label="Layout" className="segmented">
        <button
          type="button"
          aria-pressed={state.layout === 'flat'}
          onClick={() => onChange({ layout: 'flat' })}
        >
          List
        </button>
        <button
          type="button"
          aria-pressed={state.layout === 'folders'}
          onClick={() => onChange({ layout: 'folders' })}
        >
          Folders
        </button>
      </div>
    </div>
  );
}
