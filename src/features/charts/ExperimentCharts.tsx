import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { RunView } from '@/api/runs';
import { EmptyState } from '@/components/EmptyState';
import { chartedMetrics, readChartMetrics, writeChartMetrics } from '@/lib/chart-choice';
import { compareKeys } from '@/lib/run-fields';
import { LazyChart } from './LazyChart';
import { LazyMetricChart } from './LazyMetricChart';
import { MetricPicker } from './MetricPicker';
import type { ChartRun } from './chart-types';
import './charts.css';

const ONE_CHART_HEIGHT = 360;
const GRID_CHART_HEIGHT = 260;

/** The charted runs overlaid, one chart per metric chosen in the picker (kept in the URL). */
export function ExperimentCharts({ runs: loaded }: { runs: readonly RunView[] }) {
  const [params, setParams] = useSearchParams();
  const signature = loaded.map((r) => `${r.runId}:${r.status}:${r.metrics.size}`).join();
  const { runs, keys } = useMemo(() => {
    const all = new Set<string>();
    for (const r of loaded) for (const k of r.metrics.keys()) all.add(k);
    return {
      runs: loaded.map((r): ChartRun => ({
        runId: r.runId,
        name: r.name,
        running: r.status === 'RUNNING',
        startTime: r.startTime,
      })),
      keys: [...all].sort(compareKeys),
    };
    // `signature` stands for the loaded runs, a new array every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  const requested = params.get('metrics') ?? params.get('metric');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `requested` is what readChartMetrics reads
  const charted = useMemo(() => chartedMetrics(readChartMetrics(params), keys), [requested, keys]);

  if (keys.length === 0) return <EmptyState title="These runs logged no metrics" />;
  // Replace, as the table's view does: picking metrics one by one should not fill the Back button.
  const choose = (next: string[]) =>
    setParams((prev) => writeChartMetrics(prev, next), { replace: true });
  const one = charted.length === 1;

  return (
    <>
      <div className="experiment-charts-toolbar">
        <MetricPicker keys={keys} chosen={charted} onChange={choose} />
        <span className="experiment-charts-runs">
          {runs.length.toLocaleString('en')} {runs.length === 1 ? 'run' : 'runs'}
        </span>
      </div>
      {charted.length === 0 ? (
        <EmptyState title="No metrics chosen">Choose the metrics to chart with Metrics.</EmptyState>
      ) : (
        <div className={one ? undefined : 'metric-chart-grid'}>
          {charted.map((key) => {
            const height = one ? ONE_CHART_HEIGHT : GRID_CHART_HEIGHT;
            return (
              <LazyChart key={key} height={height + 90}>
                <LazyMetricChart runs={runs} metricKey={key} height={height} />
              </LazyChart>
            );
          })}
        </div>
      )}
    </>
  );
}
