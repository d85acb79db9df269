import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { configQueries } from '@/api/queries/config';
import { runQueries } from '@/api/queries/runs';
import type { ModelVersion } from '@/api/types';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import type { ModelSource } from '@/lib/registry/register';
import { RegisterForm } from './RegisterForm';
import { RegistrationProgress } from './RegistrationProgress';
import { UcRegisterSnippet } from './UcRegisterSnippet';
import '../registry.css';
import './register.css';

export interface RegisterModelDialogProps {
  runId: string;
  /** The models the run holds; more may arrive while `searching`. */
  sources: readonly ModelSource[];
  /** Still looking through the run's artifacts for more models. */
  searching?: boolean;
  /** Why looking for the run's models went wrong in part (those found are still offered). */
  lookupError?: unknown;
  onClose: () => void;
}

/**
 * Registers one of the run's models as a new model or a new version of an existing one, then
 * waits for MLflow to call the version ready. On Unity Catalog it shows the Python to run instead.
 */
export function RegisterModelDialog(props: RegisterModelDialogProps) {
  const { onClose } = props;
  const [registered, setRegistered] = useState<ModelVersion>();
  // A write under way must finish in view: closing would hide its outcome.
  const [busy, setBusy] = useState(false);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog-content register-dialog"
          aria-describedby={undefined}
          onOpenAutoFocus={focusNameField}
        >
          <Dialog.Title className="dialog-title">Register model</Dialog.Title>
          {registered ? (
            <RegistrationProgress name={registered.name} version={registered.version} />
          ) : (
            <DialogBody {...props} onBusy={setBusy} onRegistered={setRegistered} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/**
 * Opens on the name to type (the model to register is chosen already when there is one), rather
 * than on Radix's default, the first radio button; on the dialog itself while it loads.
 */
function focusNameField(event: Event) {
  event.preventDefault();
  const content = event.currentTarget as HTMLElement;
  (content.querySelector<HTMLInputElement>('input:not([type])') ?? content).focus();
}

function DialogBody({
  runId,
  sources,
  searching = false,
  lookupError,
  onBusy,
  onRegistered,
}: RegisterModelDialogProps & {
  onBusy: (busy: boolean) => void;
  onRegistered: (version: ModelVersion) => void;
}) {
  const config = useQuery(configQueries.detail());
  const run = useQuery(runQueries.detail(runId));
  if (config.isPending || run.isPending) return <Skeleton rows={4} label="Loading…" />;
  if (run.isError) {
    return (
      <ErrorNotice
        error={run.error}
        title="Could not load the run"
        onRetry={() => void run.refetch()}
      />
    );
  }
  if (config.data?.registry === 'unity-catalog')
    return <UcRegisterSnippet runId={runId} lookup={{ sources, searching, lookupError }} />;
  return (
    <RegisterForm
      run={{ runId, artifactUri: run.data.artifactUri ?? '' }}
      lookup={{ sources, searching, lookupError }}
      onBusy={onBusy}
      onRegistered={onRegistered}
    />
  );
}
