import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from './DialogActions';
import { ErrorNotice } from './ErrorNotice';

interface NameDialogProps {
  title: string;
  label: string;
  submitLabel: string;
  initialName: string;
  /** A local check before anything is sent: the problem to show, or undefined when fine. */
  validate: (name: string) => string | undefined;
  pending: boolean;
  /** MLflow's refusal of the last attempt; shown in the dialog, with the typed name kept. */
  error: unknown;
  onSubmit: (name: string) => void;
  /** Forgets the last attempt's error when the user corrects the name locally. */
  onResetError: () => void;
  onClose: () => void;
}

/** A one-field dialog for naming something: checks locally first, then shows MLflow's answer. */
export function NameDialog(props: NameDialogProps) {
  const { title, label, submitLabel, initialName, pending, error, onClose } = props;
  const [name, setName] = useState(initialName);
  const [invalid, setInvalid] = useState<string>();
  const inputId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = props.validate(name);
    setInvalid(problem);
    if (problem) props.onResetError();
    else props.onSubmit(name);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && !pending && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          <form className="dialog-body" onSubmit={submit} noValidate>
            <label htmlFor={inputId} className="field-label">
              {label}
            </label>
            <input
              id={inputId}
              className="input input-block"
              value={name}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? errorId : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setInvalid(undefined);
              }}
            />
            {invalid && (
              <p id={errorId} role="alert" className="field-error">
                {invalid}
              </p>
            )}
            {!invalid && error != null && (
              <ErrorNotice error={error} title={`${submitLabel} failed`} />
            )}
            <DialogActions label={submitLabel} pending={pending} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
