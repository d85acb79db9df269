import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useCanEdit } from '@/components/useCanEdit';
import { formatProgress, summarizeBulk } from '@/lib/bulk-summary';
import { paths } from '@/lib/paths';
import type { RunsLifecycle } from '@/lib/runs-view-state';
import { useBulkLifecycle, type BulkState } from './useBulkLifecycle';

interface SelectionActionsProps {
  experimentId: string;
  /** The selected runs among those loaded, in table order. */
  runIds: readonly string[];
  lifecycle: RunsLifecycle;
  /** Keeps only the given runs selected (after an action, the ones that failed). */
  onSelect: (runIds: readonly string[]) => void;
  /** A loaded run's name, for the summary of failures. */
  nameOf: (runId: string) => string | undefined;
}

const plural = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'run' : 'runs'}`;

/**
 * Compare, Delete (confirmed) and Restore for the selected runs, then the bulk action's progress
 * and a summary naming every failure, with a retry of those; failures stay selected.
 */
export function SelectionActions(props: SelectionActionsProps) {
  const { experimentId, runIds, lifecycle, onSelect, nameOf } = props;
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const [confirming, setConfirming] = useState(false);
  const bulk = useBulkLifecycle(nameOf, onSelect);
  const running = bulk.state.phase === 'running';
  if (runIds.length === 0 && bulk.state.phase === 'idle') return null;

  return (
    <div className="runs-selection-area">
      {runIds.length > 0 && (
        <div className="runs-selection" role="group" aria-label="Selected runs">
          <span className="runs-selection-count">{plural(runIds.length)} selected</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void navigate(paths.compare.href(runIds, [experimentId]))}
          >
            Compare
          </button>
          {canEdit && lifecycle !== 'deleted' && (
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={running}
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          )}
          {canEdit && lifecycle !== 'active' && (
            <button
              type="button"
              className="btn btn-small"
              disabled={running}
              onClick={() => bulk.start('restore', runIds)}
            >
              Restore
            </button>
          )}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => onSelect([])}>
            Clear selection
          </button>
        </div>
      )}
      <BulkStatus
        state={bulk.state}
        onStop={bulk.stop}
        onDismiss={bulk.dismiss}
        onRetry={(action, ids) => bulk.start(action, ids)}
      />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete ${plural(runIds.length)}?`}
        confirmLabel={`Delete ${plural(runIds.length)}`}
        destructive
        onConfirm={() => {
          setConfirming(false);
          bulk.start('delete', runIds);
        }}
      >
        <p>
          The {plural(runIds.length)} move to the Deleted view, where they can be restored until
          MLflow&apos;s garbage collection removes them.
        </p>
      </ConfirmDialog>
    </div>
  );
}

interface BulkStatusProps {
  state: BulkState;
  onStop: () => void;
  onDismiss: () => void;
  onRetry: (action: 'delete' | 'restore', runIds: readonly string[]) => void;
}

/** "Deleting runs… 120 / 10,000" while it runs; then what happened, failures named one by one. */
function BulkStatus({ state, onStop, onDismiss, onRetry }: BulkStatusProps) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'running') {
    const verb = state.action === 'delete' ? 'Deleting' : 'Restoring';
    return (
      <div className="runs-bulk" role="status" data-testid="bulk-progress">
        <span>{verb} runs…</span>
        <progress max={state.total} value={state.settled} aria-label={`${verb} runs`} />
        <span className="runs-bulk-count">{formatProgress(state.settled, state.total)}</span>
        <button type="button" className="btn btn-small" onClick={onStop}>
          Stop
        </button>
      </div>
    );
  }
  const { outcome, retryIds } = state;
  const summary = summarizeBulk(outcome);
  const failed = outcome.failures.length > 0;
  return (
    <div
      className={failed ? 'runs-bulk runs-bulk-failed' : 'runs-bulk'}
      role={failed ? 'alert' : 'status'}
      data-testid="bulk-summary"
    >
      <strong className="runs-bulk-title">{summary.title}</strong>
      {summary.codes.length > 1 && (
        <span className="runs-bulk-codes">
          {summary.codes.map(([code, n]) => `${code} × ${n.toLocaleString('en')}`).join(', ')}
        </span>
      )}
      {summary.lines.length > 0 && (
        <ul className="runs-bulk-failures" aria-label="Failed runs">
          {summary.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
          {summary.more > 0 && <li>…and {summary.more.toLocaleString('en')} more.</li>}
        </ul>
      )}
      <div className="runs-bulk-actions">
        {retryIds.length > 0 && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onRetry(outcome.action, retryIds)}
          >
            {`Retry ${plural(retryIds.length)}`}
          </button>
        )}
        <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
