import * as Dialog from '@radix-ui/react-dialog';

interface DialogActionsProps {
  /** The action's name on its button, e.g. "Rename" or "Register". */
  label: string;
  /** A write is under way: both buttons wait, and the action says so. */
  pending: boolean;
  busyLabel?: string;
  /** The action cannot be taken yet (e.g. nothing chosen). */
  disabled?: boolean | undefined;
  /** Where the action is a form's submit (Enter in a field takes it), or a plain button. */
  onAction?: (() => void) | undefined;
  destructive?: boolean | undefined;
}

/** A dialog's Cancel (which closes it) and its one action. */
export function DialogActions({
  label,
  pending,
  busyLabel = 'Working…',
  disabled = false,
  onAction,
  destructive = false,
}: DialogActionsProps) {
  return (
    <div className="dialog-actions">
      <Dialog.Close asChild>
        <button type="button" className="btn" disabled={pending}>
          Cancel
        </button>
      </Dialog.Close>
      <button
        type={onAction ? 'button' : 'submit'}
        className={destructive ? 'btn btn-danger' : 'btn btn-primary'}
        disabled={pending || disabled}
        onClick={onAction}
      >
        {pending ? busyLabel : label}
      </button>
    </div>
  );
}
