import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { registryMutations } from '@/api/queries/registry';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { paths } from '@/lib/paths';

/**
 * Deleting a model deletes every version with it, and MLflow has no undo: the name must be typed
 * before the button works.
 */
export function DeleteModelDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const remove = useMutation(registryMutations.delete(name));
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const inputId = useId();
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && !remove.isPending && onClose()}
      title="Delete model?"
      confirmLabel="Delete model"
      destructive
      pending={remove.isPending}
      confirmDisabled={typed !== name}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(undefined, {
          onSuccess: () => void navigate(paths.models.href(), { replace: true }),
        })
      }
    >
      <p>
        <strong className="break-anywhere">{name}</strong> and all of its versions will be deleted.
        This cannot be undone.
      </p>
      <label htmlFor={inputId} className="field-label">
        Type the model&apos;s name to confirm
      </label>
      <input
        id={inputId}
        className="input"
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
    </ConfirmDialog>
  );
}
