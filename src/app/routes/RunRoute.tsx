import { useParams } from 'react-router';
import { ArtifactBrowser } from '@/features/artifacts/ArtifactBrowser';
import { RunPage } from '@/features/run-page/RunPage';

// No title here: RunPage names the tab after the run, and a parent's effect would run after it.
export function RunRoute() {
  const { experimentId = '', runId = '' } = useParams();
  return (
    <RunPage
      key={runId}
      experimentId={experimentId}
      runId={runId}
      slots={{
        artifacts: <ArtifactBrowser runId={runId} />,
      }}
    />
  );
}
