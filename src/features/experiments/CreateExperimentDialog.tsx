import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { experimentMutations } from '@/api/queries/experiments';
import { paths } from '@/lib/paths';
import { NameDialog } from '@/components/NameDialog';
import { validateExperimentName } from '@/lib/experiment-name';

/** Creates an experiment and opens it; a refusal (duplicate name…) stays in the dialog. */
export function CreateExperimentDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const create = useMutation(experimentMutations.create());
  return (
    <NameDialog
      validate={validateExperimentName}
      title="New experiment"
      label="Name"
      submitLabel="Create"
      initialName=""
      pending={create.isPending}
      error={create.error}
      onResetError={create.reset}
      onClose={onClose}
      onSubmit={(name) =>
        create.mutate(name, { onSuccess: (id) => void navigate(paths.experiment.href(id)) })
      }
    />
  );
}
