import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { runMutations } from '@/api/queries/run-edits';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorNotice } from '@/components/ErrorNotice';
import { paths } from '@/lib/paths';
import type { RunsLifecycle } from '@/lib/runs-view-state';

interface SelectionActionsProps {
  /** The selected runs among those loaded, in table order. */
  runIds: readonly string[];
  lifecycle: RunsLifecycle;
  /** Keeps only the given runs selected (after an action, the ones that failed). */
  onSelect: (runIds: readonly string[]) => void;
}

type Failure = { runId: string; error: unknown };

const plural = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'run' : 'runs'}`;

/** Compare, Delete (confirmed) and Restore for the selected runs; failures stay selected and shown. */
export function SelectionActions({ runIds, lifecycle, onSelect }: SelectionActionsProps) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [failures, setFailures] = useState<Failure[]>([]);
  const lifecycleMutation = useMutation(runMutations.setLifecycle());

  const run = (action: 'delete' | 'restore') =>
    lifecycleMutation.mutate(
      { runIds, action },
      {
        onSuccess: (failed) => {
          setFailures(failed);
          onSelect(failed.map((f) => f.runId));
          if (failed.length === 0) setConfirming(false);
        },
      },
    );

  const deleteError =
    failures.length > 0
      ? (failures[0]?.error ?? new Error(`${plural(failures.length)} could not be changed`))
      : lifecycleMutation.error;

  return (
    <div className="runs-selection" role="group" aria-label="Selected runs">
      <span className="runs-selection-count">{plural(runIds.length)} selected</span>
      <button
        type="button"
        className="btn btn-small"
        disabled={runIds.length === 0}
        onClick={() => void navigate(paths.compare.href(runIds))}
      >
        Compare
      </button>
      {lifecycle !== 'deleted' && (
        <button
          type="button"
          className="btn btn-small btn-danger"
          disabled={runIds.length === 0}
          onClick={() => {
            setFailures([]);
            setConfirming(true);
          }}
        >
          Delete
        </button>
      )}
      {lifecycle !== 'active' && (
        <button
          type="button"
          className="btn btn-small"
          disabled={runIds.length === 0 || lifecycleMutation.isPending}
          onClick={() => run('restore')}
        >
          Restore
        </button>
      )}
      <button type="button" className="btn btn-small btn-ghost" onClick={() => onSelect([])}>
        Clear selection
      </button>
      {!confirming && failures.length > 0 && (
        <ErrorNotice
          error={failures[0]?.error}
          title={`${plural(failures.length)} could not be changed (still selected)`}
        />
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete ${plural(runIds.length)}?`}
        confirmLabel={`Delete ${plural(runIds.length)}`}
        destructive
        pending={lifecycleMutation.isPending}
        error={confirming ? deleteError : undefined}
        onConfirm={() => run('delete')}
      >
        <p>
          The {plural(runIds.length)} move to the Deleted view, where they can be restored until
          MLflow&apos;s garbage collection removes them.
        </p>
        {failures.length > 0 && (
          <p>
            {plural(failures.length)} failed and stay selected:{' '}
            {failures.map((f) => f.runId).join(', ')}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
