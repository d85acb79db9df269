import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { TagWrite } from '@/api/types';
import { ErrorNotice } from './ErrorNotice';

interface TagRowProps<TData> {
  tagKey: string;
  value: string;
  /** The owner's set-tag write (a run's or an experiment's). */
  setTag: UseMutationOptions<TData, Error, TagWrite>;
  /** False in read-only mode: the value only, no Edit or Delete. */
  canEdit: boolean;
  onDelete: () => void;
}

/** One user tag: its value, or an inline editor for it. */
export function TagRow<TData>({
  tagKey,
  value,
  setTag: setTagOptions,
  canEdit,
  onDelete,
}: TagRowProps<TData>) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const setTag = useMutation(setTagOptions);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTag.mutate({ key: tagKey, value: draft }, { onSuccess: () => setEditing(false) });
  };

  return (
    <tr>
      <td>{tagKey}</td>
      <td className="tag-value">
        {editing && canEdit ? (
          <form className="tag-edit" onSubmit={onSubmit}>
            <input
              className="input"
              aria-label={`Value of ${tagKey}`}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              autoFocus
            />
            <button type="submit" className="btn btn-small btn-primary" disabled={setTag.isPending}>
              {setTag.isPending ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setEditing(false)}>
              Cancel
            </button>
            {setTag.isError && <ErrorNotice error={setTag.error} title="Could not save the tag" />}
          </form>
        ) : (
          value
        )}
      </td>
      {canEdit && (
        <td className="tag-actions">
          {!editing && (
            <>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={`Edit ${tagKey}`}
                onClick={() => {
                  setDraft(value);
                  setTag.reset();
                  setEditing(true);
                }}
              >
                Edit
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost btn-ghost-danger"
                aria-label={`Delete ${tagKey}`}
                onClick={onDelete}
              >
                Delete
              </button>
            </>
          )}
        </td>
      )}
    </tr>
  );
}
