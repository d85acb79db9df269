import { useMemo } from 'react';
import { useParams } from 'react-router';
import { ArtifactBrowser } from '@/features/artifacts/ArtifactBrowser';
import { MetricSparkline } from '@/features/charts/MetricSparkline';
import { RunCharts } from '@/features/charts/RunCharts';
import { RunLoggedModels } from '@/features/logged-models/RunLoggedModels';
import { RegisterFolderButton } from '@/features/registry/register/RegisterFolderButton';
import { RegisterRunModelButton } from '@/features/registry/register/RegisterRunModelButton';
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
      loggedModels: <RunLoggedModels experimentId={experimentId} runId={runId} />,
      artifacts: (
        <ArtifactBrowser
          runId={runId}
          modelAction={(dir) => <RegisterFolderButton runId={runId} path={dir} />}
        />
      ),
      headerActions: <RegisterRunModelButton runId={runId} />,
    }),
    [experimentId, runId],
  );
  return <RunPage key={runId} experimentId={experimentId} runId={runId} slots={slots} />;
}
