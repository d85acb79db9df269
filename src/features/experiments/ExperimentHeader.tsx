import { toInt } from '@/api/client';
import { TAGS, type Experiment } from '@/api/types';
import { RelativeTime } from '@/components/RelativeTime';
import { useCanEdit } from '@/components/useCanEdit';
import { ExperimentName } from './ExperimentName';
import { ExperimentTags } from './ExperimentTags';
import { RestoreExperimentButton } from './RestoreExperimentButton';

/** Name, identity, tags and description of one experiment. */
export function ExperimentHeader({ experiment }: { experiment: Experiment }) {
  const deleted = experiment.lifecycle_stage === 'deleted';
  const canEdit = useCanEdit();
  const tags = experiment.tags ?? [];
  const description = tags.find((t) => t.key === TAGS.note)?.value;
  return (
    <header className="page-header experiment-header">
      <div className="page-header-title">
        <h1>
          <ExperimentName name={experiment.name} />
        </h1>
        {deleted && <span className="badge badge-deleted">Deleted</span>}
        {deleted && canEdit && <RestoreExperimentButton experimentId={experiment.experiment_id} />}
      </div>
      <dl className="meta-list">
        <div>
          <dt>ID</dt>
          <dd className="cell-mono">{experiment.experiment_id}</dd>
        </div>
        {experiment.artifact_location && (
          <div>
            <dt>Artifact location</dt>
            <dd className="cell-mono break-anywhere">{experiment.artifact_location}</dd>
          </div>
        )}
        <div>
          <dt>Created</dt>
          <dd>
            <RelativeTime ms={toInt(experiment.creation_time)} />
          </dd>
        </div>
        <div>
          <dt>Last updated</dt>
          <dd>
            <RelativeTime ms={toInt(experiment.last_update_time)} />
          </dd>
        </div>
      </dl>
      <ExperimentTags tags={tags} />
      {description && (
        <section aria-label="Description" className="description">
          {/* Plain text for now; rendered (sanitized) markdown comes later. */}
          <pre>{description}</pre>
        </section>
      )}
    </header>
  );
}
