import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { RunMetric } from '@/api/runs';
import { Disclosure } from '@/components/Disclosure';
import { formatMetric, formatTimestamp } from '@/lib/format';
import { compareKeys } from '@/lib/run-fields';
import { splitSystemMetrics } from '@/lib/system-metrics';
import { VirtualTable } from '@/components/VirtualTable';
import type { VirtualColumn } from '@/components/VirtualTable';

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

const countLabel = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'metric' : 'metrics'}`;

/** Each metric's latest value as MLflow reports it (latest timestamp, not necessarily last step). */
interface MetricsSectionProps {
  metrics: ReadonlyMap<string, RunMetric>;
  sparkline?: ((metricKey: string) => ReactNode) | undefined;
  /** Charts of the system metrics, shown inside their section once it is opened. */
  systemCharts?: ReactNode;
}

/**
 * The run's own metrics, then MLflow's system metrics (CPU, GPU, memory…) in a section of their
 * own, closed until asked for: they can outnumber the run's own and say little about the model.
 */
export function MetricsSection({ metrics, sparkline, systemCharts }: MetricsSectionProps) {
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
  const { own, system } = useMemo(
    () =>
      splitSystemMetrics(
        [...metrics.values()].sort((a, b) => compareKeys(a.key, b.key)),
        (m) => m.key,
      ),
    [metrics],
  );

  return (
    <>
      <section className="run-section" aria-labelledby={headingId}>
        <div className="run-section-header">
          <h2 id={headingId}>Metrics</h2>
          <p className="run-section-count">{countLabel(own.length)}</p>
        </div>
        {own.length === 0 ? (
          <p className="run-section-empty">
            {system.length === 0 ? 'No metrics logged.' : 'No metrics logged besides system ones.'}
          </p>
        ) : (
          <VirtualTable label="Metrics" columns={columns} items={own} rowKey={(m) => m.key} />
        )}
      </section>
      {system.length > 0 && (
        <Disclosure
          title="System metrics"
          summary={<p className="run-section-count">{countLabel(system.length)}</p>}
          className="run-section"
          headerClassName="run-section-header"
        >
          <div className="run-section">
            <VirtualTable
              label="System metrics"
              columns={columns}
              items={system}
              rowKey={(m) => m.key}
            />
            {systemCharts}
          </div>
        </Disclosure>
      )}
    </>
  );
}
