import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import {
  readModelListState,
  writeModelListState,
  type ModelKind,
  type ModelListState,
  type ModelSort,
} from '@/lib/registry/model-list';
import { ModelList } from './ModelList';
import { ModelSearchBox } from './ModelSearchBox';

/**
 * Registered models (or prompts), searchable by name or in MLflow's filter grammar, and sortable;
 * the view lives in the URL.
 */
export function ModelsPage() {
  const [params, setParams] = useSearchParams();
  const state = readModelListState(params);
  const write = useCallback(
    (patch: Partial<ModelListState>) =>
      setParams((prev) => writeModelListState(prev, patch), { replace: true }),
    [setParams],
  );
  const commitSearch = useCallback((q: string) => write({ q }), [write]);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{state.kind === 'prompts' ? 'Prompts' : 'Models'}</h1>
      </header>
      <div className="toolbar">
        <ModelSearchBox value={state.q} onCommit={commitSearch} noun={state.kind} />
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
