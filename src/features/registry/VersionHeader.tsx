import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { toInt } from '@/api/client';
import { configQueries } from '@/api/queries/config';
import type { ModelVersion } from '@/api/types';
import { RelativeTime } from '@/components/RelativeTime';
import { useCanEdit } from '@/components/useCanEdit';
import { loggedModelIdOf } from '@/lib/logged-models/logged-model';
import { paths } from '@/lib/paths';
import { AliasDialog } from './AliasDialog';
import { DeleteVersionDialog } from './DeleteVersionDialog';
import { ModelBreadcrumb } from './ModelBreadcrumb';
import { ModelName } from './ModelName';
import { StageDialog } from './StageDialog';
import { VersionStatus } from './VersionStatus';

type Dialog = 'stage' | 'alias' | 'delete';

/** The version's identity, where it came from, and the actions on it. */
export function VersionHeader({ version: mv }: { version: ModelVersion }) {
  const canEdit = useCanEdit();
  const config = useQuery(configQueries.detail());
  const stages = config.data?.capabilities.stages ?? true;
  const [dialog, setDialog] = useState<Dialog>();
  const close = () => setDialog(undefined);
  const loggedModelId = loggedModelIdOf(mv);
  return (
    <header className="page-header">
      <ModelBreadcrumb name={mv.name} />
      <div className="page-header-title">
        <h1 className="break-anywhere">
          <ModelName name={mv.name} /> <span className="version-number">v{mv.version}</span>
        </h1>
        {stages && (
          <span
            className={`badge badge-stage badge-stage-${(mv.current_stage ?? 'None').toLowerCase()}`}
          >
            {mv.current_stage ?? 'None'}
          </span>
        )}
        {!canEdit && (
          <div className="page-actions">
            <Link className="btn btn-small" to={paths.promote.href(mv.name, mv.version)}>
              Compare with champion
            </Link>
          </div>
        )}
        {canEdit && (
          <div className="page-actions">
            <Link className="btn btn-small" to={paths.promote.href(mv.name, mv.version)}>
              Compare with champion / Promote…
            </Link>
            {stages && (
              <button type="button" className="btn btn-small" onClick={() => setDialog('stage')}>
                Change stage
              </button>
            )}
            <button type="button" className="btn btn-small" onClick={() => setDialog('alias')}>
              Set alias
            </button>
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => setDialog('delete')}
            >
              Delete version
            </button>
          </div>
        )}
      </div>
      <dl className="meta-list">
        <div>
          <dt>Status</dt>
          <dd>
            <VersionStatus version={mv} />
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <RelativeTime ms={toInt(mv.creation_timestamp)} />
            {mv.user_id ? ` by ${mv.user_id}` : ''}
          </dd>
        </div>
        <div>
          <dt>Last modified</dt>
          <dd>
            <RelativeTime ms={toInt(mv.last_updated_timestamp)} />
          </dd>
        </div>
        <div>
          <dt>Source run</dt>
          <dd>
            {mv.run_id ? (
              <Link className="cell-mono" to={paths.runById.href(mv.run_id)}>
                {mv.run_id}
              </Link>
            ) : (
              '—'
            )}
          </dd>
        </div>
        {loggedModelId && (
          <div>
            <dt>Logged model</dt>
            <dd className="cell-mono break-anywhere">
              <Link to={paths.loggedModel.href(loggedModelId)}>{loggedModelId}</Link>
            </dd>
          </div>
        )}
        {mv.source && (
          <div>
            <dt>Source</dt>
            <dd className="cell-mono break-anywhere">{mv.source}</dd>
          </div>
        )}
      </dl>
      {dialog === 'stage' && <StageDialog version={mv} onClose={close} />}
      {dialog === 'alias' && <AliasDialog version={mv} onClose={close} />}
      {dialog === 'delete' && <DeleteVersionDialog version={mv} onClose={close} />}
    </header>
  );
}
