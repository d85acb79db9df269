import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { ExperimentCharts } from './ExperimentCharts';
import { useExperimentChartRuns } from './useExperimentChartRuns';

/** The experiment page's Charts view: the selected runs, or the first ten the table shows. */
export function ExperimentChartsView({ experimentId }: { experimentId: string }) {
  const { runIds, known, fromSelection, selectedCount, pending, error } =
    useExperimentChartRuns(experimentId);
  if (pending) return <Skeleton rows={6} label="Loading runs…" />;
  if (error && runIds.length === 0)
    return <ErrorNotice error={error} title="Could not load runs" />;
  return (
    <section aria-label="Charts">
      <p className="experiment-charts-scope">
        {fromSelection && selectedCount > runIds.length
          ? `Charting the first ${runIds.length} of the ${selectedCount.toLocaleString('en')} runs selected in the table.`
          : fromSelection
            ? 'Charting the runs selected in the table.'
            : `Charting the first ${runIds.length} runs of the table; select runs to chart others.`}
      </p>
      <ExperimentCharts experimentId={experimentId} runIds={runIds} known={known} />
    </section>
  );
}
