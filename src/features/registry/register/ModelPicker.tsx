import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { registryQueries } from '@/api/queries/registry';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useDebouncedDraft } from '@/hooks/useDebouncedDraft';
import { modelListFilter, modelOrderBy } from '@/lib/registry/model-list';

/**
 * The existing model to add a version to: a name search over registered-models/search (prompts
 * left out, as the models list does) and the matches as radio buttons. ↓ from the search box
 * goes to the list; arrow keys move through it.
 */
export function ModelPicker({
  picked,
  showProblem,
  onPick,
}: {
  picked: string | undefined;
  /** Say that a model must be chosen (after a submit without one). */
  showProblem: boolean;
  onPick: (name: string) => void;
}) {
  // Opened on a model already chosen (the name typed for a new one was taken): it is searched for.
  const [search, setSearch] = useState(picked ?? '');
  const commit = useCallback((q: string) => setSearch(q), []);
  const [draft, setDraft] = useDebouncedDraft(search, commit);
  const listRef = useRef<HTMLDivElement>(null);
  const searchId = useId();
  const radioName = useId();
  const models = useInfiniteQuery(
    registryQueries.models({
      filter: modelListFilter({ q: search, kind: 'models' }),
      orderBy: modelOrderBy('name'),
    }),
  );
  const names = models.data?.pages.flatMap((p) => p.registered_models ?? []).map((m) => m.name);

  const focusList = () =>
    listRef.current?.querySelector<HTMLInputElement>('input:checked, input[type="radio"]')?.focus();

  return (
    <div className="register-field">
      <label htmlFor={searchId} className="field-label">
        Existing model
      </label>
      <input
        id={searchId}
        type="search"
        className="input input-block"
        placeholder="Search models by name"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown') return;
          e.preventDefault();
          focusList();
        }}
      />
      <p className="register-note" role="status">
        {picked === undefined ? (
          showProblem ? (
            <span className="field-error">Choose the model to add a version to.</span>
          ) : (
            'No model chosen yet.'
          )
        ) : (
          <>
            Adds a version to <strong className="break-anywhere">{picked}</strong>.
          </>
        )}
      </p>
      <div ref={listRef} className="register-picker" role="radiogroup" aria-label="Models">
        {models.isPending ? (
          <p className="register-note">Loading models…</p>
        ) : models.isError ? (
          <ErrorNotice
            error={models.error}
            title="Could not list the models"
            onRetry={() => void models.refetch()}
          />
        ) : names?.length === 0 ? (
          <p className="register-note">
            {search.trim() ? `No model’s name contains “${search.trim()}”.` : 'No models yet.'}
          </p>
        ) : (
          names?.map((name) => (
            <label key={name} className="register-option">
              <input
                type="radio"
                name={radioName}
                checked={picked === name}
                onChange={() => onPick(name)}
              />
              <span className="break-anywhere">{name}</span>
            </label>
          ))
        )}
        {models.hasNextPage && (
          <button
            type="button"
            className="btn btn-small"
            disabled={models.isFetchingNextPage}
            onClick={() => void models.fetchNextPage()}
          >
            {models.isFetchingNextPage ? 'Loading…' : 'Show more models'}
          </button>
        )}
      </div>
    </div>
  );
}
