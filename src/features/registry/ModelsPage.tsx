import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedDraft } from '@/hooks/useDebouncedDraft';
import {
  readModelListState,
  writeModelListState,
  type ModelKind,
  type ModelListState,
  type ModelSort,
} from '@/lib/registry/model-list';
import { ModelList } from './ModelList';

/** Registered models (or prompts), searchable by name and sortable; the view lives in the URL. */
export function ModelsPage() {
  const [params, setParams] = useSearchParams();
  const state = readModelListState(params);
  const write = useCallback(
    (patch: Partial<ModelListState>) =>
      setParams((prev) => writeModelListState(prev, patch), { replace: true }),
    [setParams],
  );
  const commitSearch = useCallback((q: string) => write({ q }), [write]);
  const [draft, setDraft] = useDebouncedDraft(state.q, commitSearch);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{state.kind === 'prompts' ? 'Prompts' : 'Models'}</h1>
      </header>
      <div className="toolbar">
        <div className="search-field">
          <label htmlFor="model-search" className="visually-hidden">
            Search by name
          </label>
          <input
            id="model-search"
            type="search"
            className="input"
            placeholder={`Search ${state.kind} by name`}
            autoComplete="off"
            spellCheck={false}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <label>
          Sort{' '}
          <select
            className="input"
            value={state.sort}
            onChange={(e) => write({ sort: e.target.value as ModelSort })}
          >
            <option value="name">Name (A–Z)</option>
            <option value="updated">Recently updated</option>
          </select>
        </label>
        <label>
          Show{' '}
          <select
            className="input"
            value={state.kind}
            onChange={(e) => write({ kind: e.target.value as ModelKind })}
          >
            <option value="models">Models</option>
            <option value="prompts">Prompts</option>
          </select>
        </label>
      </div>
      <ModelList state={state} onClearSearch={() => commitSearch('')} />
    </div>
  );
}
