import { useMutationState } from '@tanstack/react-query';
import { useState } from 'react';
import { MlflowError } from '@/api/errors';
import { unrecordedWrites } from '@/api/queries/registry';
import { isUnrecorded } from '@/api/registry-history';
import { formatTimestamp } from '@/lib/format';

/**
 * A change made to the model whose history record failed: the change stands, so this only says
 * that the history missed it, with MLflow's reason, until dismissed.
 */
export function HistoryWarning({ name }: { name: string }) {
  const unrecorded = useMutationState({
    filters: unrecordedWrites(name),
    select: (m) => ({
      id: m.mutationId,
      at: m.state.submittedAt,
      problem: isUnrecorded(m.state.data) ? m.state.data.problem : undefined,
    }),
  });
  const [dismissed, setDismissed] = useState<number>();
  const latest = unrecorded.at(-1);
  if (!latest || latest.id === dismissed) return null;
  const { problem } = latest;
  return (
    <div role="status" className="notice notice-warning">
      <strong className="notice-title">
        The change made at {formatTimestamp(latest.at)} stands, but the history did not record it
      </strong>
      {problem instanceof MlflowError && <code className="notice-code">{problem.errorCode}</code>}
      <p className="notice-message">
        {problem instanceof Error ? problem.message : String(problem)}
      </p>
      <button type="button" className="btn" onClick={() => setDismissed(latest.id)}>
        Dismiss
      </button>
    </div>
  );
}
