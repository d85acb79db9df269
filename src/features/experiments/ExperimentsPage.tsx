import { useState } from 'react';
import type { Experiment } from '@/api/types';
import { useCanEdit } from '@/components/useCanEdit';
import { CreateExperimentDialog } from './CreateExperimentDialog';
import { DeleteExperimentDialog } from './DeleteExperimentDialog';
import { ExperimentList } from './ExperimentList';
import { ExperimentsToolbar } from './ExperimentsToolbar';
import { RenameExperimentDialog } from './RenameExperimentDialog';
import { useExperimentListState } from './useExperimentListState';

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'rename'; experiment: Experiment }
  | { kind: 'delete'; experiment: Experiment }
  | null;

/** The experiments list: search, sort, active/deleted, and create / rename / delete / restore. */
export function ExperimentsPage() {
  const [state, update] = useExperimentListState();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const canEdit = useCanEdit();
  const close = () => setDialog(null);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Experiments</h1>
        {canEdit && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setDialog({ kind: 'create' })}
          >
            New experiment
          </button>
        )}
      </header>
      <ExperimentsToolbar state={state} onChange={update} />
      <ExperimentList
        state={state}
        onClearSearch={() => update({ q: '' })}
        onRename={(experiment) => setDialog({ kind: 'rename', experiment })}
        onDelete={(experiment) => setDialog({ kind: 'delete', experiment })}
      />
      {dialog?.kind === 'create' && <CreateExperimentDialog onClose={close} />}
      {dialog?.kind === 'rename' && (
        <RenameExperimentDialog experiment={dialog.experiment} onClose={close} />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteExperimentDialog experiment={dialog.experiment} onClose={close} />
      )}
    </div>
  );
}
