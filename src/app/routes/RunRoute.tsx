import { useMemo } from 'react';
import { useParams } from 'react-router';
import { ArtifactBrowser } from '@/features/artifacts/ArtifactBrowser';
import { MetricSparkline } from '@/features/charts/MetricSparkline';
import { RunCharts } from '@/features/charts/RunCharts';
import { RunLoggedModels } from '@/features/logged-models/RunLoggedModels';
import { RunPage } from '@/features/run-page/RunPage';
import type { RunPageSlots } from '@/features/run-page/RunPage';

// No title here: RunPage names the tab after the run, and a parent's effect would run after it.
export function RunRoute() {
  const { experimentId = '', runId = '' } = useParams();
  // Kept across renders (a chart's zoom changes the URL, so this re-renders): the run page's
  // sections are memoized on these.
  const slots = useMemo<RunPageSlots>(
    () => ({
      charts: <RunCharts runId={runId} />,
      systemCharts: <RunCharts runId={runId} metrics="system" />,
      metricSparkline: (metricKey: string) => (
        <MetricSparkline runId={runId} metricKey={metricKey} />
      ),
      artifacts: <ArtifactBrowser runId={runId} />,
      loggedModels: <RunLoggedModels experimentId={experimentId} runId={runId} />,
    }),
    [experimentId, runId],
  );
  return <RunPage key={runId} experimentId={experimentId} runId={runId} slots={slots} />;
}
