import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import './chooser.css';

interface ChooserDialogProps {
  /** The text of the button that opens it. */
  label: ReactNode;
  title: string;
  /** Sizes the dialog for its content. */
  className: string;
  children: ReactNode;
}

/**
 * A button opening a dialog of choices that apply as they are made, closed with Done. Radix traps
 * focus inside, closes on Escape and gives focus back to the button.
 */
export function ChooserDialog({ label, title, className, children }: ChooserDialogProps) {
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button type="button" className="btn">
          {label}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className={`dialog-content ${className}`} aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          {children}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="btn btn-primary">
                Done
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
