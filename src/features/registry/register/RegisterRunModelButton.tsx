import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { registrationQueries } from '@/api/queries/registration';
import { useCanEdit } from '@/components/useCanEdit';
import { runModelSources, type ModelSource } from '@/lib/registry/register';
import { RegisterModelDialog } from './RegisterModelDialog';

/**
 * The run page's "Register model", offered once the run is known to hold a model: a logged model,
 * a folder its log-model history names, or an MLmodel at its artifact root. The dialog then also
 * looks one folder down in the artifacts (the page itself lists only the root, as the tree does).
 */
export function RegisterRunModelButton({ runId }: { runId: string }) {
  const canEdit = useCanEdit();
  const [open, setOpen] = useState(false);
  const models = useQuery({ ...registrationQueries.runModels(runId), enabled: canEdit });
  const sources = models.data?.sources ?? [];
  if (!canEdit || sources.length === 0) return null;
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        Register model
      </button>
      {open && (
        <RunModelsDialog
          runId={runId}
          known={sources}
          knownError={models.data?.loggedModelsError}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function RunModelsDialog({
  runId,
  known,
  knownError,
  onClose,
}: {
  runId: string;
  known: readonly ModelSource[];
  knownError: unknown;
  onClose: () => void;
}) {
  const folders = useQuery(registrationQueries.artifactModelFolders(runId));
  const logged = known.flatMap((s) => (s.kind === 'logged-model' ? [s] : []));
  const knownFolders = known.flatMap((s) => (s.kind === 'artifacts' ? [s.path] : []));
  const sources = runModelSources(logged, [...knownFolders, ...(folders.data ?? [])]);
  return (
    <RegisterModelDialog
      runId={runId}
      sources={sources}
      searching={folders.isPending}
      lookupError={knownError ?? folders.error}
      onClose={onClose}
    />
  );
}
