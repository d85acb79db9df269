import { useMutation } from '@tanstack/react-query';
import { experimentMutations } from '@/api/queries/experiments';
import type { Experiment } from '@/api/types';
import { NameDialog } from '@/components/NameDialog';
import { validateExperimentName } from '@/lib/experiment-name';

interface RenameExperimentDialogProps {
  experiment: Experiment;
  onClose: () => void;
}

export function RenameExperimentDialog({ experiment, onClose }: RenameExperimentDialogProps) {
  const rename = useMutation(experimentMutations.rename());
  return (
    <NameDialog
      validate={validateExperimentName}
      title="Rename experiment"
      label="New name"
      submitLabel="Rename"
      initialName={experiment.name}
      pending={rename.isPending}
      error={rename.error}
      onResetError={rename.reset}
      onClose={onClose}
      onSubmit={(newName) => {
        if (newName === experiment.name) onClose();
        else
          rename.mutate(
            { experimentId: experiment.experiment_id, newName },
            { onSuccess: onClose },
          );
      }}
    />
  );
}
