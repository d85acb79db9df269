import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { registryMutations } from '@/api/queries/registry';
import { NameDialog } from '@/components/NameDialog';
import { paths } from '@/lib/paths';

/** Renames the model, then moves to its new URL (the old one no longer names anything). */
export function RenameModelDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const rename = useMutation(registryMutations.rename(name));
  const navigate = useNavigate();
  return (
    <NameDialog
      validate={(next) => (next.trim() ? undefined : 'Enter a name.')}
      title="Rename model"
      label="New name"
      submitLabel="Rename"
      initialName={name}
      pending={rename.isPending}
      error={rename.error}
      onResetError={rename.reset}
      onClose={onClose}
      onSubmit={(next) => {
        if (next === name) onClose();
        else
          rename.mutate(next, {
            onSuccess: () => void navigate(paths.model.href(next), { replace: true }),
          });
      }}
    />
  );
}
