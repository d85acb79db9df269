import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { TagWrite } from '@/api/types';
import { compareKeys, isSystemTag } from '@/lib/run-fields';
import { AddTagForm } from './AddTagForm';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { TagRow } from './TagRow';
import { useCanEdit } from './useCanEdit';
import './sections.css';

interface TagsSectionProps<TSet, TDelete> {
  tags: ReadonlyMap<string, string>;
  /** Names the owner in the delete confirmation: "from this run". */
  owner: 'run' | 'experiment' | 'model' | 'model version';
  /** The owner's set-tag and delete-tag writes, bound to it (runMutations, experimentMutations). */
  setTag: UseMutationOptions<TSet, Error, TagWrite>;
  deleteTag: UseMutationOptions<TDelete, Error, string>;
  /** False where MLflow would refuse every change (a deleted experiment): the tags only. */
  editable?: boolean;
}

/**
 * The user's own tags, editable. MLflow's `mlflow.*` tags drive MLflow itself (the name, the
 * parent, the description), so they are listed read-only and changed only through their own controls.
 */
export function TagsSection<TSet, TDelete>({
  tags,
  owner,
  setTag,
  deleteTag: deleteTagOptions,
  editable = true,
}: TagsSectionProps<TSet, TDelete>) {
  const headingId = useId();
  const canEdit = useCanEdit() && editable;
  const [deleting, setDeleting] = useState<string | undefined>();
  const deleteTag = useMutation(deleteTagOptions);
  const [userTags, systemTags] = useMemo(() => {
    const sorted = [...tags.entries()].sort(([a], [b]) => compareKeys(a, b));
    return [
      sorted.filter(([key]) => !isSystemTag(key)),
      sorted.filter(([key]) => isSystemTag(key)),
    ];
  }, [tags]);

  return (
    <section className="detail-section" aria-labelledby={headingId}>
      <div className="detail-section-header">
        <h2 id={headingId}>Tags</h2>
      </div>
      {userTags.length === 0 ? (
        <p className="detail-section-empty">No tags.</p>
      ) : (
        <table aria-label="Tags" className="data-table tags-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {userTags.map(([key, value]) => (
              <TagRow
                key={key}
                tagKey={key}
                value={value}
                setTag={setTag}
                canEdit={canEdit}
                onDelete={() => {
                  deleteTag.reset();
                  setDeleting(key);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {canEdit && <AddTagForm existing={tags} setTag={setTag} />}
      {systemTags.length > 0 && (
        <details className="system-tags">
          <summary>MLflow system tags ({systemTags.length})</summary>
          <table aria-label="System tags" className="data-table tags-table">
            <tbody>
              {systemTags.map(([key, value]) => (
                <tr key={key}>
                  <td>{key}</td>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <ConfirmDialog
        open={deleting !== undefined}
        onOpenChange={(open) => !open && setDeleting(undefined)}
        title="Delete tag"
        confirmLabel="Delete tag"
        destructive
        pending={deleteTag.isPending}
        error={deleteTag.error ?? undefined}
        onConfirm={() =>
          deleting !== undefined &&
          deleteTag.mutate(deleting, { onSuccess: () => setDeleting(undefined) })
        }
      >
        <p>
          Delete the tag <strong>{deleting}</strong> from this {owner}?
        </p>
      </ConfirmDialog>
      {deleteTag.isError && deleting === undefined && (
        <ErrorNotice error={deleteTag.error} title="Could not delete the tag" />
      )}
    </section>
  );
}
