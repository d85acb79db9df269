import type { Experiment } from '@/api/types';

export interface ExperimentRowActions {
  onRename: (experiment: Experiment) => void;
  onDelete: (experiment: Experiment) => void;
  onRestore: (experiment: Experiment) => void;
  /** The experiment being restored, whose button shows progress. */
  restoringId: string | undefined;
}

interface ExperimentActionsProps extends ExperimentRowActions {
  experiment: Experiment;
  view: 'active' | 'deleted';
}

/** Rename and Delete for an active experiment, Restore for a deleted one (flat list and folders). */
export function ExperimentActions({ experiment, view, ...actions }: ExperimentActionsProps) {
  const { name, experiment_id: id } = experiment;
  if (view === 'deleted') {
    return (
      <button
        type="button"
        className="btn btn-small"
        aria-label={`Restore ${name}`}
        disabled={actions.restoringId === id}
        onClick={() => actions.onRestore(experiment)}
      >
        {actions.restoringId === id ? 'Restoring…' : 'Restore'}
      </button>
    );
  }
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        aria-label={`Rename ${name}`}
        onClick={() => actions.onRename(experiment)}
      >
        Rename
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small btn-ghost-danger"
        aria-label={`Delete ${name}`}
        onClick={() => actions.onDelete(experiment)}
      >
        Delete
      </button>
    </>
  );
}
