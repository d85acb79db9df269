import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import {
  MAX_CHART_RUNS,
  readChartMetrics,
  topDescending,
  writeChartRuns,
} from '@/lib/chart-choice';
import type { ChartRunsChoice } from '@/lib/chart-choice';
import { compareKeys } from '@/lib/run-fields';
import { ChartRunsControls } from './ChartRunsControls';
import { ExperimentCharts } from './ExperimentCharts';
import { useExperimentChartRuns } from './useExperimentChartRuns';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * The experiment page's Charts view: the runs it draws (the table's selection, its first rows, or
 * the top N by a metric) and the metrics, both chosen here and kept in the URL.
 */
export function ExperimentChartsView({ experimentId }: { experimentId: string }) {
  const [params, setParams] = useSearchParams();
  const { choice, source, count, runs, rankable, selectedCount, pending, error } =
    useExperimentChartRuns(experimentId);
  const rankableKeys = useMemo(() => [...rankable].sort(compareKeys), [rankable]);
  // Replace, as the table's view does: a trail of choices should not fill the Back button.
  const setChoice = (next: ChartRunsChoice) =>
    setParams((prev) => writeChartRuns(prev, next), { replace: true });

  let scope: string;
  if (source === 'selected')
    scope =
      selectedCount > MAX_CHART_RUNS
        ? `Charting the first ${MAX_CHART_RUNS} of the ${selectedCount.toLocaleString('en')} runs selected in the table.`
        : `Charting the ${plural(runs.length, 'run', 'runs')} selected in the table.`;
  else if (source === 'rows')
    scope = `Charting the first ${plural(runs.length, 'row', 'rows')} of the table${choice.source === 'auto' ? '; select runs to chart others' : ''}.`;
  else
    scope = `Charting the top ${plural(runs.length, 'run', 'runs')} by ${choice.by ?? ''}, ${topDescending(choice) ? 'highest' : 'lowest'} first${runs.length < count ? ` (only ${plural(runs.length, 'run', 'runs')} of the table's filter logged it)` : ''}.`;

  let body;
  if (pending) body = <Skeleton rows={6} label="Loading runs…" />;
  else if (error && runs.length === 0)
    body = <ErrorNotice error={error} title="Could not load runs" />;
  else if (source === 'selected' && selectedCount === 0)
    body = (
      <EmptyState title="No runs selected">
        Select runs in the table, or chart its first rows or the top runs by a metric.
      </EmptyState>
    );
  else if (runs.length === 0)
    body = (
      <EmptyState
        title={source === 'top' ? `No run logged ${choice.by ?? 'the metric'}` : 'No runs to chart'}
      />
    );
  else body = <ExperimentCharts runs={runs} />;

  return (
    <section aria-label="Charts" className="experiment-charts">
      <ChartRunsControls
        choice={choice}
        rankable={rankableKeys}
        defaultBy={readChartMetrics(params)?.[0]}
        onChange={setChoice}
      />
      {!pending && !(source === 'selected' && selectedCount === 0) && (
        <p className="experiment-charts-scope">{scope}</p>
      )}
      {body}
    </section>
  );
}
