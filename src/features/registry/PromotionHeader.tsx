import { useState, type ComponentProps } from 'react';
import type { ModelVersion, RegisteredModel } from '@/api/types';
import { useCanEdit } from '@/components/useCanEdit';
import { changeText, type PromotionChange, type PromotionOffer } from '@/lib/registry/promotion';
import { ModelBreadcrumb } from './ModelBreadcrumb';
import { ModelName } from './ModelName';
import { PromoteDialog } from './PromoteDialog';
import { PromotionChoosers } from './PromotionChoosers';

interface PromotionHeaderProps {
  model: RegisteredModel;
  candidate: ModelVersion | undefined;
  offer: PromotionOffer;
  stages: boolean;
  versions: readonly ModelVersion[];
  choosers: ComponentProps<typeof PromotionChoosers>;
}

/** Where the view is, what it compares (chosen here, kept in the URL), and the Promote action. */
export function PromotionHeader(props: PromotionHeaderProps) {
  const { model, candidate, offer, stages, versions, choosers } = props;
  const canEdit = useCanEdit();
  // The version the dialog was opened for: it stays open, with its error, even when a failed
  // Promote's refresh finds that version gone.
  const [open, setOpen] = useState<string>();
  const [promoted, setPromoted] = useState<{
    version: string;
    changes: readonly PromotionChange[];
  }>();
  return (
    <header className="page-header">
      <ModelBreadcrumb name={model.name} />
      <div className="page-header-title">
        <h1 className="break-anywhere">
          Promote {candidate ? `v${candidate.version}` : 'a version'}{' '}
          <span className="version-number">
            of <ModelName name={model.name} />
          </span>
        </h1>
        {canEdit && candidate && (
          <div className="page-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setOpen(candidate.version)}
            >
              Promote v{candidate.version}…
            </button>
          </div>
        )}
      </div>
      <PromotionChoosers {...choosers} />
      {promoted && promoted.version === candidate?.version && (
        <div className="notice promotion-done" role="status">
          <strong className="notice-title">Promoted v{promoted.version}</strong>
          <ul className="notice-message" aria-label="Changes made">
            {promoted.changes.map((c) => (
              <li key={changeText(c)}>{changeText(c)}</li>
            ))}
          </ul>
        </div>
      )}
      {open !== undefined && (
        <PromoteDialog
          // Another candidate is another question: its choices start afresh. Not keyed by the
          // champion, which a partial failure can change while the dialog shows its error.
          key={open}
          name={model.name}
          candidate={open}
          offer={offer}
          stages={stages}
          versions={versions}
          aliases={model.aliases ?? []}
          onClose={() => setOpen(undefined)}
          onPromoted={(changes) => {
            setOpen(undefined);
            setPromoted({ version: open, changes });
          }}
        />
      )}
    </header>
  );
}
