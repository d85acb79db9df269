import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { TagWrite } from '@/api/types';
import { isSystemTag } from '@/lib/run-fields';
import { ErrorNotice } from './ErrorNotice';

/** Adds a tag (or replaces the value of an existing one, as MLflow's set-tag does). */
export function AddTagForm<TData>({
  existing,
  setTag: setTagOptions,
}: {
  existing: ReadonlyMap<string, string>;
  /** The owner's set-tag write (a run's or an experiment's). */
  setTag: UseMutationOptions<TData, Error, TagWrite>;
}) {
  const keyId = useId();
  const valueId = useId();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const setTag = useMutation(setTagOptions);
  const trimmedKey = key.trim();
  const problem = isSystemTag(trimmedKey)
    ? 'Keys starting with “mlflow.” belong to MLflow and are not edited here.'
    : existing.has(trimmedKey)
      ? 'This tag exists already; adding it replaces its value.'
      : undefined;
  const blocked = !trimmedKey || isSystemTag(trimmedKey);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (blocked) return;
    setTag.mutate(
      { key: trimmedKey, value },
      {
        onSuccess: () => {
          setKey('');
          setValue('');
        },
      },
    );
  };

  return (
    <form className="tag-add" onSubmit={onSubmit} aria-label="Add a tag">
      <div className="tag-add-fields">
        <label htmlFor={keyId}>Key</label>
        <input
          id={keyId}
          className="input"
          value={key}
          maxLength={250}
          onChange={(e) => setKey(e.target.value)}
        />
        <label htmlFor={valueId}>Value</label>
        <input
          id={valueId}
          className="input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={blocked || setTag.isPending}>
          {setTag.isPending ? 'Adding…' : 'Add tag'}
        </button>
      </div>
      {trimmedKey && problem && <p className="form-hint">{problem}</p>}
      {setTag.isError && <ErrorNotice error={setTag.error} title="Could not add the tag" />}
    </form>
  );
}
