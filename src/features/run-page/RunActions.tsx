import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { runMutations } from '@/api/queries/run-edits';
import type { RunView } from '@/api/runs';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorNotice } from '@/components/ErrorNotice';
import { RenameRunDialog } from './RenameRunDialog';

/** Rename, delete (asked first) and restore (no question: it undoes a delete). */
export function RunActions({ run }: { run: RunView }) {
  const [renaming, setRenaming] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const lifecycle = useMutation(runMutations.setLifecycle());
  // setLifecycle resolves to the runs that failed; for one run, the first failure is the error.
  const failure = lifecycle.error ?? lifecycle.data?.failed[0]?.error;
  const deleted = run.lifecycleStage === 'deleted';

  const onDelete = () =>
    lifecycle.mutate(
      { runIds: [run.runId], action: 'delete' },
      { onSuccess: ({ failed }) => failed.length === 0 && setConfirmDelete(false) },
    );
  const onRestore = () => lifecycle.mutate({ runIds: [run.runId], action: 'restore' });

  return (
    <div className="run-actions">
      <button type="button" className="btn" onClick={() => setRenaming(true)}>
        Rename
      </button>
      {deleted ? (
        <button type="button" className="btn" disabled={lifecycle.isPending} onClick={onRestore}>
          {lifecycle.isPending ? 'Restoring…' : 'Restore'}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            lifecycle.reset();
            setConfirmDelete(true);
          }}
        >
          Delete
        </button>
      )}
      {renaming && (
        <RenameRunDialog
          runId={run.runId}
          currentName={run.name}
          onClose={() => setRenaming(false)}
        />
      )}
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title="Delete run"
        confirmLabel="Delete run"
        destructive
        pending={lifecycle.isPending}
        error={confirmDelete ? failure : undefined}
        onConfirm={onDelete}
      >
        <p>
          Delete <strong>{run.name}</strong>? It moves to the deleted runs, where it can be restored
          until MLflow&apos;s garbage collection removes it.
        </p>
      </ConfirmDialog>
      {deleted && failure != null && !confirmDelete && (
        <ErrorNotice error={failure} title="Could not restore the run" />
      )}
    </div>
  );
}
