import { useMutation } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { runMutations } from '@/api/queries/run-edits';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useCanEdit } from '@/components/useCanEdit';
import { compareKeys, isSystemTag } from '@/lib/run-fields';
import { AddTagForm } from './AddTagForm';
import { TagRow } from './TagRow';

/**
 * The user's own tags, editable. MLflow's `mlflow.*` tags drive MLflow itself (the name, the
 * parent, the description), so they are listed read-only and changed only through their own controls.
 */
export function TagsSection({ runId, tags }: { runId: string; tags: ReadonlyMap<string, string> }) {
  const headingId = useId();
  const canEdit = useCanEdit();
  const [deleting, setDeleting] = useState<string | undefined>();
  const deleteTag = useMutation(runMutations.deleteTag());
  const [userTags, systemTags] = useMemo(() => {
    const sorted = [...tags.entries()].sort(([a], [b]) => compareKeys(a, b));
    return [
      sorted.filter(([key]) => !isSystemTag(key)),
      sorted.filter(([key]) => isSystemTag(key)),
    ];
  }, [tags]);

  return (
    <section className="run-section" aria-labelledby={headingId}>
      <div className="run-section-header">
        <h2 id={headingId}>Tags</h2>
      </div>
      {userTags.length === 0 ? (
        <p className="run-section-empty">No tags.</p>
      ) : (
        <table aria-label="Tags" className="data-table run-table run-tags-table">
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
                runId={runId}
                tagKey={key}
                value={value}
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
      {canEdit && <AddTagForm runId={runId} existing={tags} />}
      {systemTags.length > 0 && (
        <details className="run-system-tags">
          <summary>MLflow system tags ({systemTags.length})</summary>
          <table aria-label="System tags" className="data-table run-table">
            <tbody>
              {systemTags.map(([key, value]) => (
                <tr key={key}>
                  <td>{key}</td>
                  <td className="run-tag-value">{value}</td>
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
          deleteTag.mutate({ runId, key: deleting }, { onSuccess: () => setDeleting(undefined) })
        }
      >
        <p>
          Delete the tag <strong>{deleting}</strong> from this run?
        </p>
      </ConfirmDialog>
      {deleteTag.isError && deleting === undefined && (
        <ErrorNotice error={deleteTag.error} title="Could not delete the tag" />
      )}
    </section>
  );
}
