// How one run field renders inside a runs-table cell. Every value is React text, never HTML.
import { Link } from 'react-router';
import type { RunMetric, RunView } from '@/api/runs';
import { formatMetric } from '@/lib/format';
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

export function MetricValue({ metric }: { metric: RunMetric | undefined }) {
  if (!metric) return null;
  // The full value and its step on hover: the cell shows only ~4 significant digits.
  return <span title={`${metric.value} (step ${metric.step})`}>{formatMetric(metric.value)}</span>;
}

export function ParamValue({ value }: { value: string | undefined }) {
  if (value === undefined) return null;
  return <span title={value}>{value}</span>;
}
