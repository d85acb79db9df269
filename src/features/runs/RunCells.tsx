// How one run field renders inside a runs-table cell. Every value is React text, never HTML.
import { Link } from 'react-router';
import type { RunView } from '@/api/runs';
import { paths } from '@/lib/paths';
import { statusLabel } from '@/lib/run-fields';

export function RunNameLink({ run }: { run: RunView }) {
  return (
    <Link to={paths.run.href(run.experimentId, run.runId)} title={run.name} className="runs-name">
      {run.name}
    </Link>
  );
}

export function RunStatusBadge({ status }: { status: RunView['status'] }) {
  return <span className={`badge status-${status ?? 'UNKNOWN'}`}>{statusLabel(status)}</span>;
}
