import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { runQueries } from '@/api/queries/runs';
import { compareKeys } from '@/lib/run-fields';
import { isSystemMetric } from '@/lib/system-metrics';
import { LazyChart } from './LazyChart';
import { LazyMetricChart } from './LazyMetricChart';
import type { ChartRun } from './chart-types';
import './charts.css';

const CHART_HEIGHT = 240;

interface RunChartsProps {
  runId: string;
  /**
   * The run's own metrics, or MLflow's system metrics (`system/…`), which the run page keeps in a
   * section of their own, closed until asked for; there this grid is a subsection (an h3).
   */
  metrics?: 'own' | 'system';
}

/** Every metric of a run as a grid of charts, each drawn when it scrolls into view. */
export function RunCharts({ runId, metrics = 'own' }: RunChartsProps) {
  const headingId = useId();
  const { data: run } = useQuery(runQueries.detail(runId));
  const keys = useMemo(
    () =>
      run
        ? [...run.metrics.keys()]
            .filter((k) => isSystemMetric(k) === (metrics === 'system'))
            .sort(compareKeys)
        : [],
    [run, metrics],
  );
  const runs: ChartRun[] = useMemo(
    () =>
      run
        ? [
            {
              runId: run.runId,
              name: run.name,
              running: run.status === 'RUNNING',
              startTime: run.startTime,
            },
          ]
        : [],
    [run],
  );
  if (!run) return null;
  const Heading = metrics === 'system' ? 'h3' : 'h2';
  return (
    <section className="run-section metric-charts-section" aria-labelledby={headingId}>
      <div className="run-section-header">
        <Heading id={headingId}>{metrics === 'system' ? 'System metric charts' : 'Charts'}</Heading>
      </div>
      {keys.length === 0 ? (
        <p className="run-section-empty">No metrics to chart.</p>
      ) : (
        <div className="metric-chart-grid">
          {keys.map((key) => (
            <LazyChart key={key} height={CHART_HEIGHT + 90}>
              <LazyMetricChart runs={runs} metricKey={key} height={CHART_HEIGHT} />
            </LazyChart>
          ))}
        </div>
      )}
    </section>
  );
}
