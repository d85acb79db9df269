import { useParams, useSearchParams } from 'react-router';
import { ExperimentChartsView } from '@/features/charts/ExperimentChartsView';
import { ExperimentPage } from '@/features/experiments/ExperimentPage';
import { RunsTable } from '@/features/runs/RunsTable';
import { ExperimentParcoords } from '../ExperimentParcoords';

/** The experiment's header above its runs; the runs are left out if the experiment is missing. */
export function ExperimentRoute() {
  const experimentId = useParams().experimentId ?? '';
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'charts' ? 'charts' : 'table';
  const showView = (next: 'table' | 'charts') =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      if (next === 'charts') out.set('view', 'charts');
      else out.delete('view');
      return out;
    });
  return (
    // Keyed so that moving to another experiment starts from fresh state, not the last one's.
    <ExperimentPage key={experimentId} experimentId={experimentId}>
      <div className="view-switch" role="group" aria-label="View">
        {(['table', 'charts'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => showView(v)}>
            {v === 'table' ? 'Table' : 'Charts'}
          </button>
        ))}
      </div>
      {view === 'charts' ? (
        <>
          <ExperimentChartsView experimentId={experimentId} />
          <ExperimentParcoords experimentId={experimentId} />
        </>
      ) : (
        <RunsTable experimentId={experimentId} />
      )}
    </ExperimentPage>
  );
}
