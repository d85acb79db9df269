import { useQuery } from '@tanstack/react-query';
import { memo, useDeferredValue } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MlflowError } from '@/api/errors';
import { runMutations } from '@/api/queries/run-edits';
import { runQueries } from '@/api/queries/runs';
import { DescriptionSection } from '@/components/DescriptionSection';
import { ErrorNotice } from '@/components/ErrorNotice';
import { NotFound } from '@/components/NotFound';
import { Skeleton } from '@/components/Skeleton';
import { TagsSection } from '@/components/TagsSection';
import { useCanEdit } from '@/components/useCanEdit';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { paths } from '@/lib/paths';
import { statusLabel } from '@/lib/run-fields';
import { TAGS } from '@/api/types';
import type { RunView } from '@/api/runs';
import { MetricsSection } from './MetricsSection';
import { ParamsSection } from './ParamsSection';
import { RunActions } from './RunActions';
import { RunOverview } from './RunOverview';
import './run-page.css';

interface RunPageProps {
  experimentId: string;
  runId: string;
  /** Other features' views of the run, composed by the app (features never import each other). */
  slots?: RunPageSlots;
}

export interface RunPageSlots {
  /** A small chart beside each latest metric value. */
  metricSparkline?: (metricKey: string) => ReactNode;
  /** The run's metric charts, below the metrics table (MLflow's system metrics left out). */
  charts?: ReactNode;
  /** The charts of MLflow's system metrics, inside their own section once it is opened. */
  systemCharts?: ReactNode;
  /** The run's artifact browser. */
  artifacts?: ReactNode;
  /** The models the run logged (MLflow 3 logged models), above its artifacts. */
  loggedModels?: ReactNode;
  /** More actions in the header, after the run's own (registering its model). */
  headerActions?: ReactNode;
}

const NO_SLOTS: RunPageSlots = {};

/** One run: overview, description, params, latest metrics, tags and (through a slot) artifacts. */
export function RunPage({ experimentId, runId, slots = NO_SLOTS }: RunPageProps) {
  const query = useQuery(runQueries.detail(runId));
  const canEdit = useCanEdit();
  const run = query.data;
  // A run reached through another experiment's URL is treated as missing: the URL would lie.
  const wrongExperiment = run !== undefined && run.experimentId !== experimentId;
  const notFound = (query.error instanceof MlflowError && query.error.notFound) || wrongExperiment;
  useDocumentTitle(notFound ? 'Run not found' : (run?.name ?? `Run ${runId.slice(0, 8)}`));

  if (notFound) {
    const error = wrongExperiment
      ? new MlflowError(
          404,
          'RESOURCE_DOES_NOT_EXIST',
          `Run '${runId}' belongs to experiment ${run.experimentId}, not experiment ${experimentId}.`,
        )
      : query.error;
    return (
      <div className="page">
        <NotFound what={`Run ${runId}`} error={error}>
          <p>
            <Link to={paths.experiment.href(experimentId)}>Back to the experiment</Link>
            {wrongExperiment && (
              <>
                {' · '}
                <Link to={paths.run.href(run.experimentId, runId)}>
                  Open it in its own experiment
                </Link>
              </>
            )}
          </p>
        </NotFound>
      </div>
    );
  }

  if (query.isPending) {
    return (
      <div className="page">
        <Skeleton rows={10} label="Loading run…" />
      </div>
    );
  }

  const retry = () => void query.refetch();
  if (!run) {
    return (
      <div className="page">
        <ErrorNotice error={query.error} title="Could not load the run" onRetry={retry} />
      </div>
    );
  }

  return (
    <div className="page run-page">
      <header className="page-header run-page-header">
        <h1 className="run-page-title">{run.name}</h1>
        <span className={`badge status-${run.status ?? 'UNKNOWN'}`}>{statusLabel(run.status)}</span>
        {run.lifecycleStage === 'deleted' && <span className="badge badge-deleted">Deleted</span>}
        {canEdit && <RunActions run={run} />}
        {slots.headerActions}
      </header>
      {query.isError && (
        <ErrorNotice error={query.error} title="Could not refresh the run" onRetry={retry} />
      )}
      <RunSections run={run} slots={slots} />
    </div>
  );
}

/**
 * Everything below the header, rendered in a transition. The run arrives through react-query,
 * whose updates render synchronously: with 1,500 params and the sparklines, the whole page in that
 * one render was a long task. Deferred, React renders the sections in slices after the header.
 */
function RunSections({ run: latest, slots }: { run: RunView; slots: RunPageSlots }) {
  // The initial value must not be undefined: React reads undefined as "none" and mounts the
  // sections in the same synchronous render.
  const run = useDeferredValue<RunView | null>(latest, null);
  if (!run) return <Skeleton rows={8} label="Loading run…" />;
  return <RunSectionList run={run} slots={slots} />;
}

// Memoized: the page re-renders synchronously on every change of its query's state, and the
// deferred value only spares that work when the sections underneath can bail out.
const RunSectionList = memo(function RunSectionList({
  run,
  slots,
}: {
  run: RunView;
  slots: RunPageSlots;
}) {
  return (
    <>
      <RunOverview run={run} />
      <DescriptionSection
        description={run.tags.get(TAGS.note) ?? ''}
        draftKey={`parallax.run-description-draft.${run.runId}`}
        setTag={runMutations.setTag(run.runId)}
      />
      <ParamsSection params={run.params} />
      <MetricsSection
        metrics={run.metrics}
        sparkline={slots.metricSparkline}
        systemCharts={slots.systemCharts}
      />
      {slots.charts}
      <TagsSection
        tags={run.tags}
        owner="run"
        setTag={runMutations.setTag(run.runId)}
        deleteTag={runMutations.deleteTag(run.runId)}
      />
      {slots.loggedModels}
      {slots.artifacts}
    </>
  );
});
