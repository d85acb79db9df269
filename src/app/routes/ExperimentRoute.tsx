import { useParams } from 'react-router';
import { ExperimentPage } from '@/features/experiments/ExperimentPage';
import { RunsTable } from '@/features/runs/RunsTable';

/** The experiment's header above its runs; the runs are left out if the experiment is missing. */
export function ExperimentRoute() {
  const experimentId = useParams().experimentId ?? '';
  return (
    // Keyed so that moving to another experiment starts from fresh state, not the last one's.
    <ExperimentPage key={experimentId} experimentId={experimentId}>
      <RunsTable experimentId={experimentId} />
    </ExperimentPage>
  );
}
