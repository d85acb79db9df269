import { useMutation } from '@tanstack/react-query';
import { registryHistoryMutations } from '@/api/queries/registry';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import type { RollbackPlan } from '@/lib/registry/history';

/**
 * Confirms a rollback, naming exactly what will change, and makes it. A failure keeps the dialog
 * open with MLflow's message; the rollback is recorded in the history like any other move.
 */
export function RollbackDialog({
  name,
  plan,
  onClose,
}: {
  name: string;
  plan: RollbackPlan;
  onClose: () => void;
}) {
  const rollback = useMutation(registryHistoryMutations.rollback(name));
  const title =
    plan.kind === 'alias'
      ? `Roll back @${plan.alias}?`
      : `Roll back the stage of version ${plan.moves[0]?.version ?? ''}?`;
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && !rollback.isPending && onClose()}
      title={title}
      confirmLabel="Roll back"
      pending={rollback.isPending}
      error={rollback.error}
      onConfirm={() => rollback.mutate(plan, { onSuccess: onClose })}
    >
      {plan.kind === 'alias' ? (
        <AliasRollback name={name} plan={plan} />
      ) : (
        <StageRollback plan={plan} />
      )}
      <p>The rollback is recorded in the history as a change of its own.</p>
    </ConfirmDialog>
  );
}

function AliasRollback({
  name,
  plan,
}: {
  name: string;
  plan: Extract<RollbackPlan, { kind: 'alias' }>;
}) {
  const alias = <strong>@{plan.alias}</strong>;
  const now =
    plan.from === null ? 'points at no version now' : `points at version ${plan.from} now`;
  if (plan.to === null)
    return (
      <p>
        {alias} {now}. No version held it before, so it will be removed:{' '}
        <code>
          models:/{name}@{plan.alias}
        </code>{' '}
        will stop resolving.
      </p>
    );
  return (
    <p>
      {alias} {now}. It will point at version {plan.to} again
      {plan.from !== null && `; version ${plan.from} keeps its other aliases`}.
    </p>
  );
}

function StageRollback({ plan }: { plan: Extract<RollbackPlan, { kind: 'stage' }> }) {
  const [main, ...others] = plan.moves;
  if (!main) return null;
  return (
    <>
      <p>
        Version {main.version} moves from <strong>{main.from}</strong> back to{' '}
        <strong>{main.to}</strong>, without archiving any other version.
      </p>
      {others.length > 0 && (
        <div className="history-dialog-list">
          <p>These versions, moved by the same change, go back too:</p>
          <ul>
            {others.map((m) => (
              <li key={m.version}>
                Version {m.version}: {m.from} → {m.to}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.kept.length > 0 && (
        <div className="history-dialog-list">
          <p>These versions, moved by the same change, have changed since and stay as they are:</p>
          <ul>
            {plan.kept.map((k) => (
              <li key={k.version}>
                Version {k.version} ({k.stage === null ? 'deleted' : `now ${k.stage}`})
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.omitted > 0 && (
        <p>
          {plan.omitted} more {plan.omitted === 1 ? 'version' : 'versions'} moved by that change
          could not be recorded and stay as they are.
        </p>
      )}
      {others.length === 0 && plan.kept.length === 0 && plan.omitted === 0 && (
        <p>No other version moves.</p>
      )}
    </>
  );
}
