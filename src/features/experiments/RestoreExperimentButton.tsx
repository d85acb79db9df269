import { useMutation } from '@tanstack/react-query';
import { experimentMutations } from '@/api/queries/experiments';
import { ErrorNotice } from '@/components/ErrorNotice';

/** Brings a deleted experiment (and its runs) back; no confirmation needed to undo a delete. */
export function RestoreExperimentButton({ experimentId }: { experimentId: string }) {
  const restore = useMutation(experimentMutations.restore());
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={restore.isPending}
        onClick={() => restore.mutate(experimentId)}
      >
        {restore.isPending ? 'Restoring…' : 'Restore'}
      </button>
      {restore.isError && (
        <ErrorNotice error={restore.error} title="Could not restore the experiment" />
      )}
    </>
  );
}
