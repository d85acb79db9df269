import { useState } from 'react';
import { toInt } from '@/api/client';
import type { RegisteredModel } from '@/api/types';
import { RelativeTime } from '@/components/RelativeTime';
import { useCanEdit } from '@/components/useCanEdit';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { DeleteModelDialog } from './DeleteModelDialog';
import { ModelBreadcrumb } from './ModelBreadcrumb';
import { ModelName } from './ModelName';
import { RenameModelDialog } from './RenameModelDialog';

/** The model's name, dates and the actions on the model as a whole. */
export function ModelHeader({ model }: { model: RegisteredModel }) {
  const canEdit = useCanEdit();
  const [dialog, setDialog] = useState<'rename' | 'delete'>();
  return (
    <header className="page-header">
      <ModelBreadcrumb />
      <div className="page-header-title">
        <h1 className="break-anywhere">
          <ModelName name={model.name} />
        </h1>
        {!canEdit && (
          <div className="page-actions">
            <Link className="btn btn-small" to={paths.promote.href(model.name)}>
              Compare with champion
            </Link>
          </div>
        )}
        {canEdit && (
          <div className="page-actions">
            <Link className="btn btn-small" to={paths.promote.href(model.name)}>
              Promote a version…
            </Link>
            <button type="button" className="btn btn-small" onClick={() => setDialog('rename')}>
              Rename
            </button>
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => setDialog('delete')}
            >
              Delete model
            </button>
          </div>
        )}
      </div>
      <dl className="meta-list">
        <div>
          <dt>Created</dt>
          <dd>
            <RelativeTime ms={toInt(model.creation_timestamp)} />
          </dd>
        </div>
        <div>
          <dt>Last modified</dt>
          <dd>
            <RelativeTime ms={toInt(model.last_updated_timestamp)} />
          </dd>
        </div>
      </dl>
      {dialog === 'rename' && (
        <RenameModelDialog name={model.name} onClose={() => setDialog(undefined)} />
      )}
      {dialog === 'delete' && (
        <DeleteModelDialog name={model.name} onClose={() => setDialog(undefined)} />
      )}
    </header>
  );
}
