import { useQueries } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { runQueries } from '@/api/queries/runs';
import type { RunView } from '@/api/runs';
import { EmptyState } from '@/components/EmptyState';
import { Skeleton } from '@/components/Skeleton';
import { compareKeys } from '@/lib/run-fields';
import { LazyMetricChart } from './LazyMetricChart';
import type { ChartRun } from './chart-types';
import './charts.css';

interface ExperimentChartsProps {
  experimentId: string;
  runIds: readonly string[];
  /** Those runs already loaded elsewhere (the table's search): only the others are fetched. */
  known?: ReadonlyMap<string, RunView>;
}

const NONE: ReadonlyMap<string, RunView> = new Map();

/** One metric of several runs overlaid, with a picker over every metric those runs logged. */
export function ExperimentCharts({ experimentId, runIds, known = NONE }: ExperimentChartsProps) {
  const pickerId = useId();
  const [params, setParams] = useSearchParams();
  const missing = runIds.filter((id) => !known.has(id));
  const details = useQueries({ queries: missing.map((id) => runQueries.detail(id)) });
  const fetched = new Map(missing.map((id, i) => [id, details[i]?.data]));
  const loaded = runIds.map((id) => known.get(id) ?? fetched.get(id));
  const pending = details.some((q) => q.isPending);
  const signature = loaded
    .map((r) => (r ? `${r.runId}:${r.status}:${r.metrics.size}` : '-'))
    .join();
  const { runs, keys } = useMemo(() => {
    const list = loaded.filter(
      (r): r is NonNullable<typeof r> => r !== undefined && r.experimentId === experimentId,
    );
    const all = new Set<string>();
    for (const r of list) for (const k of r.metrics.keys()) all.add(k);
    return {
      runs: list.map((r): ChartRun => ({
        runId: r.runId,
        name: r.name,
        running: r.status === 'RUNNING',
        startTime: r.startTime,
      })),
      keys: [...all].sort(compareKeys),
    };
    // `signature` stands for the loaded runs, rebuilt as a new array every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, experimentId]);

  if (runIds.length === 0) return <EmptyState title="No runs to chart" />;
  if (pending && runs.length === 0) return <Skeleton rows={6} label="Loading runs…" />;
  if (keys.length === 0) return <EmptyState title="These runs logged no metrics" />;
  const requested = params.get('metric');
  const metricKey = requested && keys.includes(requested) ? requested : (keys[0] as string);

  return (
    <div className="experiment-charts">
      <div className="experiment-charts-toolbar">
        <label htmlFor={pickerId}>Metric</label>
        <select
          id={pickerId}
          value={metricKey}
          onChange={(e) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('metric', e.target.value);
                return next;
              },
              { replace: true },
            )
          }
        >
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <span className="experiment-charts-runs">
          {runs.length.toLocaleString('en')} {runs.length === 1 ? 'run' : 'runs'}
        </span>
      </div>
      <LazyMetricChart key={metricKey} runs={runs} metricKey={metricKey} height={360} />
    </div>
  );
}
