import { useMutation } from '@tanstack/react-query';
import { experimentMutations } from '@/api/queries/experiments';
import type { Experiment } from '@/api/types';
import { ConfirmDialog } from '@/components/ConfirmDialog';

interface DeleteExperimentDialogProps {
  experiment: Experiment;
  onClose: () => void;
}

export function DeleteExperimentDialog({ experiment, onClose }: DeleteExperimentDialogProps) {
  const remove = useMutation(experimentMutations.delete());
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && !remove.isPending && onClose()}
      title="Delete experiment?"
      confirmLabel="Delete"
      destructive
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(experiment.experiment_id, { onSuccess: onClose })}
    >
      <p>
        <strong className="break-anywhere">{experiment.name}</strong> and all of its runs will be
        deleted.
      </p>
      <p>You can restore it later from the Deleted view.</p>
    </ConfirmDialog>
  );
}
