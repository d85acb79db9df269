import { useMemo } from 'react';
import { toInt } from '@/api/client';
import { experimentMutations } from '@/api/queries/experiments';
import { TAGS, type Experiment } from '@/api/types';
import { DescriptionSection } from '@/components/DescriptionSection';
import { RelativeTime } from '@/components/RelativeTime';
import { TagsSection } from '@/components/TagsSection';
import { useCanEdit } from '@/components/useCanEdit';
import { ExperimentName } from './ExperimentName';
import { RestoreExperimentButton } from './RestoreExperimentButton';

/** Name, identity, description and tags of one experiment. */
export function ExperimentHeader({ experiment }: { experiment: Experiment }) {
  const id = experiment.experiment_id;
  const deleted = experiment.lifecycle_stage === 'deleted';
  const canEdit = useCanEdit();
  const tags = useMemo(
    () => new Map((experiment.tags ?? []).map((t) => [t.key, t.value])),
    [experiment.tags],
  );
  return (
    <header className="page-header experiment-header">
      <div className="page-header-title">
        <h1>
          <ExperimentName name={experiment.name} />
        </h1>
        {deleted && <span className="badge badge-deleted">Deleted</span>}
        {deleted && canEdit && <RestoreExperimentButton experimentId={id} />}
      </div>
      <dl className="meta-list">
        <div>
          <dt>ID</dt>
          <dd className="cell-mono">{id}</dd>
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
      {/* MLflow refuses tag writes to a deleted experiment: it is restored first, then edited. */}
      <div className="about-grid">
        <DescriptionSection
          description={tags.get(TAGS.note) ?? ''}
          draftKey={`parallax.experiment-description-draft.${id}`}
          setTag={experimentMutations.setTag(id)}
          editable={!deleted}
        />
        <TagsSection
          tags={tags}
          owner="experiment"
          setTag={experimentMutations.setTag(id)}
          deleteTag={experimentMutations.deleteTag(id)}
          editable={!deleted}
        />
      </div>
    </header>
  );
}
