import { useMutation } from '@tanstack/react-query';
import { runMutations } from '@/api/queries/run-edits';
import { NameDialog } from '@/components/NameDialog';

// MLflow caps run names with the tag limit of the mlflow.runName tag it mirrors.
const MAX_RUN_NAME_LENGTH = 250;

function validateRunName(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name.';
  if (name.length > MAX_RUN_NAME_LENGTH) {
    return `A run name has at most ${MAX_RUN_NAME_LENGTH} characters (this one has ${name.length}).`;
  }
  return undefined;
}

interface RenameRunDialogProps {
  runId: string;
  currentName: string;
  onClose: () => void;
}

/** Renames the run; stays open with MLflow's error if the rename fails. */
export function RenameRunDialog({ runId, currentName, onClose }: RenameRunDialogProps) {
  const rename = useMutation(runMutations.rename());
  return (
    <NameDialog
      title="Rename run"
      label="Run name"
      submitLabel="Rename"
      initialName={currentName}
      validate={validateRunName}
      pending={rename.isPending}
      error={rename.error}
      onResetError={rename.reset}
      onClose={onClose}
      onSubmit={(name) => {
        const trimmed = name.trim();
        if (trimmed === currentName) onClose();
        else rename.mutate({ runId, name: trimmed }, { onSuccess: onClose });
      }}
    />
  );
}
