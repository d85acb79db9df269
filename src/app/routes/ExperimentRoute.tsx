import { useParams, useSearchParams } from 'react-router';
import { ExperimentChartsView } from '@/features/charts/ExperimentChartsView';
import { ExperimentPage } from '@/features/experiments/ExperimentPage';
import { ExperimentModelsView } from '@/features/logged-models/ExperimentModelsView';
import { MODEL_PARAM } from '@/features/logged-models/useSelectedModel';
import { useLoggedModelsTab } from '@/features/logged-models/useLoggedModelsTab';
import { RunsTable } from '@/features/runs/RunsTable';
import { ExperimentParcoords } from '../ExperimentParcoords';
import { useAfterFirstRuns } from '../useAfterFirstRuns';

type View = 'table' | 'charts' | 'models';

const VIEW_LABELS: Record<View, string> = { table: 'Table', charts: 'Charts', models: 'Models' };

function parseView(value: string | null): View {
  return value === 'charts' || value === 'models' ? value : 'table';
}

/** The experiment's header above its runs; the runs are left out if the experiment is missing. */
export function ExperimentRoute() {
  const experimentId = useParams().experimentId ?? '';
  const [params, setParams] = useSearchParams();
  const view = parseView(params.get('view'));
  // MLflow 3's logged models; a server without them (2.x) has no Models view to offer.
  const modelsTab = useLoggedModelsTab(experimentId, useAfterFirstRuns(view === 'models'));
  const views: View[] =
    modelsTab || view === 'models' ? ['table', 'charts', 'models'] : ['table', 'charts'];
  const showView = (next: View) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      if (next === 'table') out.delete('view');
      else out.set('view', next);
      // The opened logged model belongs to the Models view.
      if (next !== 'models') out.delete(MODEL_PARAM);
      return out;
    });
  return (
    // Keyed so that moving to another experiment starts from fresh state, not the last one's.
    <ExperimentPage key={experimentId} experimentId={experimentId}>
      <div className="view-switch" role="group" aria-label="View">
        {views.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => showView(v)}>
            {VIEW_LABELS[v]}
          </button>
        ))}
      </div>
      {view === 'charts' ? (
        <>
          <ExperimentChartsView experimentId={experimentId} />
          <ExperimentParcoords experimentId={experimentId} />
        </>
      ) : view === 'models' ? (
        <ExperimentModelsView experimentId={experimentId} />
      ) : (
        <RunsTable experimentId={experimentId} />
      )}
    </ExperimentPage>
  );
}
