import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { runMutations } from '@/api/queries/run-edits';
import { TAGS } from '@/api/types';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { useCanEdit } from '@/components/useCanEdit';
import { afterTask } from '@/lib/next-task';
import { useStoredDraft } from './useStoredDraft';

// The markdown stack (remark, rehype, sanitize) loads only for a run that has a description.
const Markdown = lazy(afterTask(() => import('./Markdown').then((m) => ({ default: m.Markdown }))));

/** The run's description (the `mlflow.note.content` tag) as sanitized markdown, editable in place. */
export function DescriptionSection({ runId, description }: { runId: string; description: string }) {
  const headingId = useId();
  const textareaId = useId();
  const canEdit = useCanEdit();
  const { draft, setDraft, clear } = useStoredDraft(`parallax.run-description-draft.${runId}`);
  // A draft left from an earlier visit (a failed save, a closed tab) reopens the editor with it.
  const [editingState, setEditing] = useState(draft !== null);
  // Read-only: never an editor, even for a draft kept from an earlier session (it stays stored).
  const editing = editingState && canEdit;
  const restored = useState(draft !== null)[0];
  const save = useMutation(runMutations.setTag());

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { runId, key: TAGS.note, value: draft ?? description },
      {
        onSuccess: () => {
          clear();
          setEditing(false);
        },
      },
    );
  };

  return (
    <section className="run-section" aria-labelledby={headingId}>
      <div className="run-section-header">
        <h2 id={headingId}>Description</h2>
        {!editing && canEdit && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              save.reset();
              setDraft(description);
              setEditing(true);
            }}
          >
            Edit description
          </button>
        )}
      </div>
      {editing ? (
        <form className="run-description-form" onSubmit={onSubmit}>
          <label htmlFor={textareaId} className="field-label">
            Description
          </label>
          {restored && draft !== null && draft !== description && (
            <p className="run-form-hint">An unsaved draft from earlier was restored.</p>
          )}
          <textarea
            id={textareaId}
            className="input run-description-input"
            rows={8}
            value={draft ?? description}
            onChange={(e) => setDraft(e.target.value)}
          />
          {save.isError && (
            <ErrorNotice error={save.error} title="Could not save the description" />
          )}
          <div className="run-form-actions">
            <button type="submit" className="btn btn-primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                clear();
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : description.trim() ? (
        <Suspense fallback={<Skeleton rows={2} label="Loading the description…" />}>
          <Markdown text={description} />
        </Suspense>
      ) : (
        <p className="run-section-empty">No description.</p>
      )}
    </section>
  );
}
