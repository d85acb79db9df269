import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { registryMutations } from '@/api/queries/registry';
import type { ModelVersion } from '@/api/types';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { paths } from '@/lib/paths';

/** Deletes the version (and with it the aliases it holds), then goes back to the model. */
export function DeleteVersionDialog({
  version: mv,
  onClose,
}: {
  version: ModelVersion;
  onClose: () => void;
}) {
  const remove = useMutation(registryMutations.deleteVersion(mv.name, mv.version));
  const navigate = useNavigate();
  const aliases = mv.aliases ?? [];
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && !remove.isPending && onClose()}
      title={`Delete version ${mv.version}?`}
      confirmLabel="Delete version"
      destructive
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(undefined, {
          onSuccess: () => void navigate(paths.model.href(mv.name), { replace: true }),
        })
      }
    >
      <p>
        Version {mv.version} of <strong className="break-anywhere">{mv.name}</strong> will be
        deleted. This cannot be undone.
      </p>
      {aliases.length > 0 && (
        <p>
          It holds {aliases.map((a) => `@${a}`).join(', ')}:{' '}
          {aliases.length === 1 ? 'that alias goes' : 'those aliases go'} with it, and anything
          loading{' '}
          <code>
            models:/{mv.name}@{aliases[0]}
          </code>{' '}
          will fail.
        </p>
      )}
    </ConfirmDialog>
  );
}
