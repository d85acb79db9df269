import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { RunMetric } from '@/api/runs';
import { formatMetric, formatTimestamp } from '@/lib/format';
import { compareKeys } from '@/lib/run-fields';
import { VirtualTable } from './VirtualTable';
import type { VirtualColumn } from './VirtualTable';

const baseColumns: VirtualColumn<RunMetric>[] = [
  { header: 'Key', width: '35%', render: (m) => <span title={m.key}>{m.key}</span> },
  {
    header: 'Latest value',
    width: '20%',
    numeric: true,
    // The full value on hover: the cell shows ~4 significant digits.
    render: (m) => <span title={String(m.value)}>{formatMetric(m.value)}</span>,
  },
  { header: 'Step', width: '15%', numeric: true, render: (m) => m.step.toLocaleString('en') },
  { header: 'Timestamp', render: (m) => formatTimestamp(m.timestamp) },
];

/** Each metric's latest value as MLflow reports it (latest timestamp, not necessarily last step). */
interface MetricsSectionProps {
  metrics: ReadonlyMap<string, RunMetric>;
  sparkline?: ((metricKey: string) => ReactNode) | undefined;
}

export function MetricsSection({ metrics, sparkline }: MetricsSectionProps) {
  const headingId = useId();
  const columns = useMemo(
    () =>
      sparkline
        ? [
            ...baseColumns,
            { header: 'History', width: '20%', render: (m: RunMetric) => sparkline(m.key) },
          ]
        : baseColumns,
    [sparkline],
  );
  const sorted = useMemo(
    () => [...metrics.values()].sort((a, b) => compareKeys(a.key, b.key)),
    [metrics],
  );

  return (
    <section className="run-section" aria-labelledby={headingId}>
      <div className="run-section-header">
        <h2 id={headingId}>Metrics</h2>
        <p className="run-section-count">
          {sorted.length.toLocaleString('en')} {sorted.length === 1 ? 'metric' : 'metrics'}
        </p>
      </div>
      {sorted.length === 0 ? (
        <p className="run-section-empty">No metrics logged.</p>
      ) : (
        <VirtualTable label="Metrics" columns={columns} items={sorted} rowKey={(m) => m.key} />
      )}
    </section>
  );
}
