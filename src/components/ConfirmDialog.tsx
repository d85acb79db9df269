import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { DialogActions } from './DialogActions';
import { ErrorNotice } from './ErrorNotice';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Styles the confirm button as dangerous (delete, archive). */
  destructive?: boolean;
  pending?: boolean;
  /** Holds the confirm button until the dialog's own check passes (typing a name to delete). */
  confirmDisabled?: boolean;
  /** The failed attempt's error: the dialog stays open so nothing is lost. */
  error?: unknown;
  onConfirm: () => void;
}

/** Asks before anything destructive; keeps itself open and shows MLflow's error if the action fails. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const {
    open,
    onOpenChange,
    title,
    children,
    confirmLabel,
    destructive,
    pending,
    confirmDisabled,
    error,
    onConfirm,
  } = props;
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content">
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="dialog-body">{children}</div>
          </Dialog.Description>
          {error != null && <ErrorNotice error={error} title="The action failed" />}
          <DialogActions
            label={confirmLabel}
            pending={pending === true}
            disabled={confirmDisabled}
            onAction={onConfirm}
            destructive={destructive}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
