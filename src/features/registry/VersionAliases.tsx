import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { registryMutations } from '@/api/queries/registry';
import type { ModelVersion } from '@/api/types';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useCanEdit } from '@/components/useCanEdit';

/** The aliases on this version, each removable after a confirmation. */
export function VersionAliases({ version: mv }: { version: ModelVersion }) {
  const canEdit = useCanEdit();
  const [removing, setRemoving] = useState<string>();
  const remove = useMutation(registryMutations.deleteAlias(mv.name));
  const aliases = [...(mv.aliases ?? [])].sort();
  return (
    <section className="detail-section" aria-labelledby="version-aliases-title">
      <h2 id="version-aliases-title">Aliases</h2>
      {aliases.length === 0 ? (
        <p className="detail-section-empty">This version has no alias.</p>
      ) : (
        <ul className="chip-list" aria-label="Aliases of this version">
          {aliases.map((a) => (
            <li key={a} className="chip chip-alias">
              <span className="chip-key">@{a}</span>
              {canEdit && (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove alias ${a}`}
                  onClick={() => {
                    remove.reset();
                    setRemoving(a);
                  }}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== undefined}
        onOpenChange={(open) => !open && !remove.isPending && setRemoving(undefined)}
        title={`Remove @${removing ?? ''}?`}
        confirmLabel="Remove alias"
        destructive
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (removing) remove.mutate(removing, { onSuccess: () => setRemoving(undefined) });
        }}
      >
        <p>
          <strong>@{removing}</strong> will no longer point at version {mv.version}, and no other
          version holds it:{' '}
          <code>
            models:/{mv.name}@{removing}
          </code>{' '}
          will stop resolving.
        </p>
      </ConfirmDialog>
    </section>
  );
}
