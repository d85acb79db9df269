import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { TAGS, type TagWrite } from '@/api/types';
import { useStoredDraft } from '@/hooks/useStoredDraft';
import { afterTask } from '@/lib/next-task';
import { ErrorNotice } from './ErrorNotice';
import { Skeleton } from './Skeleton';
import { useCanEdit } from './useCanEdit';
import './sections.css';

// The markdown stack (remark, rehype, sanitize) loads only for a page that has a description.
const Markdown = lazy(afterTask(() => import('./Markdown').then((m) => ({ default: m.Markdown }))));

interface DescriptionSectionProps<TData> {
  description: string;
  /** Where the unsaved draft is kept (localStorage), one key per run or experiment. */
  draftKey: string;
  /** The owner's set-tag write: MLflow keeps a description in the `mlflow.note.content` tag. */
  setTag: UseMutationOptions<TData, Error, TagWrite>;
  /** False where MLflow would refuse the save (a deleted experiment): no editor is offered. */
  editable?: boolean;
}

/** A run's or an experiment's description as sanitized markdown, editable in place. */
export function DescriptionSection<TData>({
  description,
  draftKey,
  setTag,
  editable = true,
}: DescriptionSectionProps<TData>) {
  const headingId = useId();
  const textareaId = useId();
  const canEdit = useCanEdit() && editable;
  const { draft, setDraft, clear } = useStoredDraft(draftKey);
  // A draft left from an earlier visit (a failed save, a closed tab) reopens the editor with it.
  const [editingState, setEditing] = useState(draft !== null);
  // Read-only: never an editor, even for a draft kept from an earlier session (it stays stored).
  const editing = editingState && canEdit;
  const restored = useState(draft !== null)[0];
  const save = useMutation(setTag);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { key: TAGS.note, value: draft ?? description },
      {
        onSuccess: () => {
          clear();
          setEditing(false);
        },
      },
    );
  };

  return (
    <section className="detail-section" aria-labelledby={headingId}>
      <div className="detail-section-header">
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
        <form className="description-form" onSubmit={onSubmit}>
          <label htmlFor={textareaId} className="field-label">
            Description
          </label>
          {restored && draft !== null && draft !== description && (
            <p className="form-hint">An unsaved draft from earlier was restored.</p>
          )}
          <textarea
            id={textareaId}
            className="input description-input"
            rows={8}
            value={draft ?? description}
            onChange={(e) => setDraft(e.target.value)}
          />
          {save.isError && (
            <ErrorNotice error={save.error} title="Could not save the description" />
          )}
          <div className="form-actions">
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
        <p className="detail-section-empty">No description.</p>
      )}
    </section>
  );
}
