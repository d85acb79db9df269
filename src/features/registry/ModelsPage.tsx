import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { configQueries } from '@/api/queries/config';
import { Skeleton } from '@/components/Skeleton';
import {
  readModelListState,
  writeModelListState,
  type ModelKind,
  type ModelListState,
  type ModelSort,
} from '@/lib/registry/model-list';
import { readUcScope, writeUcScope } from '@/lib/registry/uc-model-list';
import { ModelList } from './ModelList';
import { ModelSearchBox } from './ModelSearchBox';
import { UcModelList } from './UcModelList';
import { UcScopeInput } from './UcScopeInput';

/**
 * Registered models (or prompts), searchable by name or in MLflow's filter grammar, and sortable;
 * the view lives in the URL. On Unity Catalog, whose search takes neither filter nor order, the
 * search is by name and catalog.schema, done in the browser (UcModelList).
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
  const scope = readUcScope(params);
  const commitScope = useCallback(
    (next: string) => setParams((prev) => writeUcScope(prev, next), { replace: true }),
    [setParams],
  );
  // Which registry decides what the list may send; the answer is cached for the session.
  const config = useQuery(configQueries.detail());
  const unityCatalog = config.data?.registry === 'unity-catalog';

  return (
    <div className="page">
      <header className="page-header">
        <h1>{state.kind === 'prompts' ? 'Prompts' : 'Models'}</h1>
      </header>
      <div className="toolbar">
        <ModelSearchBox
          value={state.q}
          onCommit={commitSearch}
          noun={state.kind}
          unityCatalog={unityCatalog}
        />
        {unityCatalog && <UcScopeInput value={scope} onCommit={commitScope} />}
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
      {config.isPending ? (
        <Skeleton rows={6} label="Loading models…" />
      ) : unityCatalog ? (
        <UcModelList
          state={state}
          scope={scope}
          onClearSearch={() => {
            commitSearch('');
            commitScope('');
          }}
        />
      ) : (
        <ModelList state={state} onClearSearch={() => commitSearch('')} />
      )}
    </div>
  );
}
