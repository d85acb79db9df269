import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { PromotionError, registryMutations } from '@/api/queries/registry';
import type { ModelVersion, RegisteredModelAlias } from '@/api/types';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import {
  changeText,
  promotionPlan,
  type PromotionChange,
  type PromotionOffer,
} from '@/lib/registry/promotion';

interface PromoteDialogProps {
  name: string;
  candidate: string;
  offer: PromotionOffer;
  /** The registry has stages (a Unity Catalog registry has none). */
  stages: boolean;
  versions: readonly ModelVersion[];
  aliases: readonly RegisteredModelAlias[];
  onClose: () => void;
  onPromoted: (changes: readonly PromotionChange[]) => void;
}

/**
 * Promote's confirmation: what to move (the alias, the stage), then every change that makes in
 * the registry, computed from the registry as it is now. A failure keeps the dialog open with
 * MLflow's error, and what went through before it.
 */
export function PromoteDialog(props: PromoteDialogProps) {
  const { name, candidate, offer, stages, versions, aliases, onClose, onPromoted } = props;
  const [moveAlias, setMoveAlias] = useState(offer.defaults.alias !== undefined);
  const [moveStage, setMoveStage] = useState(stages && offer.defaults.stage !== undefined);
  const promote = useMutation(registryMutations.promote(name));
  const plan = promotionPlan(
    candidate,
    { alias: moveAlias ? offer.alias : undefined, stage: moveStage ? offer.stage : undefined },
    versions,
    aliases,
  );
  const archives = plan.changes.some((c) => c.kind === 'stage' && c.to === 'Archived');
  const done = promote.error instanceof PromotionError ? promote.error.done : [];
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && !promote.isPending && onClose()}
      title={`Promote version ${candidate}`}
      confirmLabel="Promote"
      destructive={archives}
      pending={promote.isPending}
      confirmDisabled={plan.changes.length === 0}
      error={promote.error}
      onConfirm={() =>
        promote.mutate(
          { version: candidate, ...plan.writes },
          { onSuccess: () => onPromoted(plan.changes) },
        )
      }
    >
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={moveAlias}
          onChange={(e) => {
            promote.reset();
            setMoveAlias(e.target.checked);
          }}
        />
        <span>
          Point <strong>@{offer.alias}</strong> at version {candidate}
        </span>
      </label>
      {stages && (
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={moveStage}
            onChange={(e) => {
              promote.reset();
              setMoveStage(e.target.checked);
            }}
          />
          <span>
            Move version {candidate} to <strong>{offer.stage}</strong>, archiving the versions in{' '}
            {offer.stage} now
          </span>
        </label>
      )}
      <div className="promotion-plan" role="status">
        {plan.changes.length === 0 ? (
          <p>Nothing would change: choose what to move.</p>
        ) : (
          <>
            <p>These changes will be made in the registry:</p>
            <ul aria-label="Changes">
              {plan.changes.map((c) => (
                <li key={changeText(c)}>{changeText(c)}</li>
              ))}
            </ul>
          </>
        )}
        {done.length > 0 && (
          <p>
            Already done before the failure: {done.join('; ')}. What is listed above is what is
            left.
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
