import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { runQueries } from '@/api/queries/runs';
import { compareKeys } from '@/lib/run-fields';
import { LazyChart } from './LazyChart';
import { LazyMetricChart } from './LazyMetricChart';
import type { ChartRun } from './chart-types';
import './charts.css';

const CHART_HEIGHT = 240;

/** Every metric of a run as a grid of charts, each drawn when it scrolls into view. */
export function RunCharts({ runId }: { runId: string }) {
  const headingId = useId();
  const { data: run } = useQuery(runQueries.detail(runId));
  const keys = useMemo(() => (run ? [...run.metrics.keys()].sort(compareKeys) : []), [run]);
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
  return (
    <section className="run-section metric-charts-section" aria-labelledby={headingId}>
      <div className="run-section-header">
        <h2 id={headingId}>Charts</h2>
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
