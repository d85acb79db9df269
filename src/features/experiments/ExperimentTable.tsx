import { Link } from 'react-router';
import { toInt } from '@/api/client';
import type { Experiment } from '@/api/types';
import { RelativeTime } from '@/components/RelativeTime';
import { useCanEdit } from '@/components/useCanEdit';
import { paths } from '@/lib/paths';
import { formatDate, formatTimestamp } from '@/lib/format';
import { ExperimentActions, type ExperimentRowActions } from './ExperimentActions';
import { ExperimentName } from './ExperimentName';

interface ExperimentTableProps extends ExperimentRowActions {
  experiments: readonly Experiment[];
  view: 'active' | 'deleted';
}

export function ExperimentTable({ experiments, view, ...actions }: ExperimentTableProps) {
  const canEdit = useCanEdit();
  return (
    <table className="data-table experiment-table" aria-label="Experiments">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">ID</th>
          <th scope="col">Last updated</th>
          <th scope="col">Created</th>
          {canEdit && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {experiments.map((e) => (
          <ExperimentRow
            key={e.experiment_id}
            experiment={e}
            view={view}
            canEdit={canEdit}
            {...actions}
          />
        ))}
      </tbody>
    </table>
  );
}

interface ExperimentRowProps extends ExperimentRowActions {
  experiment: Experiment;
  view: 'active' | 'deleted';
  /** False in read-only mode: no actions column at all. */
  canEdit: boolean;
}

function ExperimentRow({ experiment, view, canEdit, ...actions }: ExperimentRowProps) {
  const { name, experiment_id: id } = experiment;
  const created = toInt(experiment.creation_time);
  return (
    <tr>
      <td className="cell-name">
        <Link to={paths.experiment.href(id)}>
          <ExperimentName name={name} />
        </Link>
      </td>
      <td className="cell-mono">{id}</td>
      <td className="cell-time">
        <RelativeTime ms={toInt(experiment.last_update_time)} />
      </td>
      <td className="cell-time">
        {created !== undefined && (
          <span title={formatTimestamp(created)}>{formatDate(created)}</span>
        )}
      </td>
      {canEdit && (
        <td className="cell-actions">
          <ExperimentActions experiment={experiment} view={view} {...actions} />
        </td>
      )}
    </tr>
  );
}
