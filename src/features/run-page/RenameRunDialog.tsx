import * as Dialog from '@radix-ui/react-dialog';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { runMutations } from '@/api/queries/run-edits';
import { ErrorNotice } from '@/components/ErrorNotice';

interface RenameRunDialogProps {
  runId: string;
  currentName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Renames the run; stays open with MLflow's error if the rename fails. */
export function RenameRunDialog({ runId, currentName, open, onOpenChange }: RenameRunDialogProps) {
  const inputId = useId();
  const [name, setName] = useState(currentName);
  const rename = useMutation(runMutations.rename());
  const trimmed = name.trim();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!trimmed) return;
    rename.mutate({ runId, name: trimmed }, { onSuccess: () => onOpenChange(false) });
  };
  const onChange = (next: boolean) => {
    if (next) {
      setName(currentName);
      rename.reset();
    }
    onOpenChange(next);
  };

  return (
    <Dialog.Root open={open} onOpenChange={onChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">Rename run</Dialog.Title>
          <form onSubmit={onSubmit} className="dialog-body run-form">
            <label htmlFor={inputId}>Run name</label>
            <input
              id={inputId}
              className="input"
              value={name}
              maxLength={250}
              onChange={(e) => setName(e.target.value)}
              autoFocus
            />
            {rename.isError && (
              <ErrorNotice error={rename.error} title="Could not rename the run" />
            )}
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="btn">
                  Cancel
                </button>
              </Dialog.Close>
              <button
                type="submit"
                className="btn btn-primary"
                disabled={!trimmed || trimmed === currentName || rename.isPending}
              >
                {rename.isPending ? 'Saving…' : 'Rename'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
