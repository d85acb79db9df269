import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedDraft } from '@/hooks/useDebouncedDraft';
import { ModelList } from './ModelList';

/** Registered models, searchable by name (the search lives in `?q=`). */
export function ModelsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const commit = useCallback(
    (next: string) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          if (next) out.set('q', next);
          else out.delete('q');
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  const [draft, setDraft] = useDebouncedDraft(q, commit);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Models</h1>
      </header>
      <div className="toolbar">
        <div className="search-field">
          <label htmlFor="model-search" className="visually-hidden">
            Search models
          </label>
          <input
            id="model-search"
            type="search"
            className="input"
            placeholder="Search models by name"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
      </div>
      <ModelList q={q} onClearSearch={() => commit('')} />
    </div>
  );
}
