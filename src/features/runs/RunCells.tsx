// How one run field renders inside a runs-table cell. Every value is React text, never HTML.
import type { MouseEvent } from 'react';
import type { RunView } from '@/api/runs';
import { paths } from '@/lib/paths';
import { statusLabel } from '@/lib/run-fields';

/**
 * A plain link, not react-router's Link (a dozen hooks per row, and rows mount by the dozen on every
 * scroll frame): the grid turns a plain click on it into a client-side navigation, see `linkClick`.
 */
export function RunNameLink({ run }: { run: RunView }) {
  return (
    <a href={paths.run.href(run.experimentId, run.runId)} title={run.name} className="runs-name">
      {run.name}
    </a>
  );
}

/**
 * The run id a plain left click on a run-name link goes to, or undefined to let the browser follow
 * the link (a modifier or another button: a new tab or window, as with any link).
 */
export function linkClick(e: MouseEvent<HTMLElement>): string | undefined {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey)
    return undefined;
  const link = e.target instanceof Element ? e.target.closest('a.runs-name') : null;
  return link?.closest<HTMLElement>('tr[data-run-id]')?.dataset.runId;
}

export function RunStatusBadge({ status }: { status: RunView['status'] }) {
  return <span className={`badge status-${status ?? 'UNKNOWN'}`}>{statusLabel(status)}</span>;
}
