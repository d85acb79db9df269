import * as Dialog from '@radix-ui/react-dialog';
import { CopyButton } from '@/components/CopyButton';

export interface OpenValue {
  key: string;
  runName: string;
  text: string;
}

interface ValueDialogProps {
  value: OpenValue | undefined;
  onClose: () => void;
}

/** A value in full (cells truncate long ones to a line), as text, with Copy. */
export function ValueDialog({ value, onClose }: ValueDialogProps) {
  return (
    <Dialog.Root open={value !== undefined} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content diff-value-dialog">
          <Dialog.Title className="dialog-title">{value?.key}</Dialog.Title>
          <Dialog.Description className="diff-value-run">{value?.runName}</Dialog.Description>
          <pre className="diff-value-full">{value?.text}</pre>
          <div className="dialog-actions">
            <CopyButton text={value?.text ?? ''} label="Copy value" />
            <Dialog.Close asChild>
              <button type="button" className="btn">
                Close
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
