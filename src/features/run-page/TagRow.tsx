import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { runMutations } from '@/api/queries/run-edits';
import { ErrorNotice } from '@/components/ErrorNotice';

interface TagRowProps {
  runId: string;
  tagKey: string;
  value: string;
  /** False in read-only mode: the value only, no Edit or Delete. */
  canEdit: boolean;
  onDelete: () => void;
}

/** One user tag: its value, or an inline editor for it. */
export function TagRow({ runId, tagKey, value, canEdit, onDelete }: TagRowProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const setTag = useMutation(runMutations.setTag());

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTag.mutate({ runId, key: tagKey, value: draft }, { onSuccess: () => setEditing(false) });
  };

  return (
    <tr>
      <td>{tagKey}</td>
      <td className="run-tag-value">
        {editing && canEdit ? (
          <form className="run-tag-edit" onSubmit={onSubmit}>
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
        <td className="run-tag-actions">
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
