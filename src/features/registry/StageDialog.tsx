import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { registryMutations, registryQueries } from '@/api/queries/registry';
import type { ModelVersion } from '@/api/types';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { STAGES, archivedBy, canArchiveExisting, type Stage } from '@/lib/registry/versions';

/**
 * Moves a version to another stage. With "archive existing versions", the dialog names exactly the
 * versions MLflow will archive (from the model's current versions), before anything is sent.
 */
export function StageDialog({
  version: mv,
  onClose,
}: {
  version: ModelVersion;
  onClose: () => void;
}) {
  const current = (mv.current_stage ?? 'None') as Stage;
  const [stage, setStage] = useState<Stage>(current === 'Production' ? 'Archived' : 'Production');
  const [archive, setArchive] = useState(false);
  const versions = useQuery(registryQueries.versions(mv.name));
  const transition = useMutation(registryMutations.transition(mv.name, mv.version));
  const selectId = useId();
  const archivable = canArchiveExisting(stage);
  const archived = versions.data ? archivedBy(versions.data, mv.version, stage, archive) : [];
  const waiting = archive && archivable && versions.isPending;
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && !transition.isPending && onClose()}
      title={`Change the stage of version ${mv.version}`}
      confirmLabel={`Move to ${stage}`}
      destructive={stage === 'Archived' || archived.length > 0}
      pending={transition.isPending}
      confirmDisabled={stage === current || waiting}
      error={transition.error}
      onConfirm={() =>
        transition.mutate({ stage, archiveExisting: archive && archivable }, { onSuccess: onClose })
      }
    >
      <p>
        Version {mv.version} is in <strong>{current}</strong>.
      </p>
      <label htmlFor={selectId} className="field-label">
        New stage
      </label>
      <select
        id={selectId}
        className="input"
        value={stage}
        onChange={(e) => setStage(e.target.value as Stage)}
      >
        {STAGES.map((s) => (
          <option key={s} value={s} disabled={s === current}>
            {s}
            {s === current ? ' (current)' : ''}
          </option>
        ))}
      </select>
      {archivable && (
        <label className="checkbox-field">
          <input type="checkbox" checked={archive} onChange={(e) => setArchive(e.target.checked)} />
          Archive the other versions now in {stage}
        </label>
      )}
      {archive && archivable && (
        <div className="stage-archive-list" role="status">
          {versions.isPending ? (
            <p>Reading the model&apos;s versions…</p>
          ) : versions.isError ? (
            <p>The versions could not be read, so the ones to archive cannot be named.</p>
          ) : archived.length === 0 ? (
            <p>No other version is in {stage}: nothing will be archived.</p>
          ) : (
            <>
              <p>These versions will move to Archived:</p>
              <ul>
                {archived.map((v) => (
                  <li key={v.version}>Version {v.version}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}
