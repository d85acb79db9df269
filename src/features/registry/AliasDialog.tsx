import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { registryMutations, registryQueries } from '@/api/queries/registry';
import type { ModelVersion } from '@/api/types';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { aliasChange, aliasProblem } from '@/lib/registry/versions';

/**
 * Sets an alias on this version, new or moved from another one. Before saving, the dialog says
 * which version holds the alias now and what will change (from the model's current aliases).
 */
export function AliasDialog({
  version: mv,
  onClose,
}: {
  version: ModelVersion;
  onClose: () => void;
}) {
  const model = useQuery(registryQueries.model(mv.name));
  const set = useMutation(registryMutations.setAlias(mv.name));
  const [alias, setAlias] = useState('');
  const inputId = useId();
  const listId = useId();
  const holders = new Map((model.data?.aliases ?? []).map((a) => [a.alias, a.version]));
  const problem = alias ? aliasProblem(alias) : undefined;
  const change = alias && !problem ? aliasChange(alias, holders.get(alias), mv.version) : undefined;
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && !set.isPending && onClose()}
      title={`Set an alias on version ${mv.version}`}
      confirmLabel={change?.kind === 'move' ? `Move @${alias}` : 'Set alias'}
      pending={set.isPending}
      confirmDisabled={!change || change.kind === 'unchanged' || model.isPending}
      error={set.error}
      onConfirm={() => set.mutate({ alias, version: mv.version }, { onSuccess: onClose })}
    >
      <label htmlFor={inputId} className="field-label">
        Alias
      </label>
      <input
        id={inputId}
        className="input"
        list={listId}
        autoComplete="off"
        spellCheck={false}
        placeholder="champion"
        value={alias}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => {
          set.reset();
          setAlias(e.target.value);
        }}
      />
      <datalist id={listId}>
        {[...holders.keys()].map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <div role="status" className="alias-change">
        {problem ? (
          <p className="field-error">{problem}</p>
        ) : change?.kind === 'new' ? (
          <p>
            No version holds <strong>@{alias}</strong> yet: it will point at version {mv.version}.
          </p>
        ) : change?.kind === 'move' ? (
          <p>
            <strong>@{alias}</strong> points at version {change.from} now. It will move to version{' '}
            {change.to}; version {change.from} keeps its other aliases.
          </p>
        ) : change?.kind === 'unchanged' ? (
          <p>
            <strong>@{alias}</strong> already points at this version.
          </p>
        ) : null}
      </div>
    </ConfirmDialog>
  );
}
