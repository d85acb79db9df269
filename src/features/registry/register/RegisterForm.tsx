import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { registrationMutations } from '@/api/queries/registration';
import type { ModelVersion } from '@/api/types';
import { DialogActions } from '@/components/DialogActions';
import { ErrorNotice } from '@/components/ErrorNotice';
import { createVersionRequest, modelNameProblem, sourceKey } from '@/lib/registry/register';
import { ModelPicker } from './ModelPicker';
import { NewModelName, useNameHolder } from './NewModelName';
import { SourceChoice, useChosenSource, type SourceLookup } from './SourceChoice';

type Target = 'new' | 'existing';

interface RegisterFormProps {
  run: { runId: string; artifactUri: string };
  lookup: SourceLookup;
  onBusy: (busy: boolean) => void;
  onRegistered: (version: ModelVersion) => void;
}

/**
 * The choice of model and target, then the writes MLflow's own client makes: the registered
 * model first when it is new, then the version. A failure keeps everything typed and shows
 * MLflow's answer.
 */
export function RegisterForm({ run, lookup, onBusy, onRegistered }: RegisterFormProps) {
  const { sources } = lookup;
  const [source, setChosen] = useChosenSource(sources);
  const [target, setTarget] = useState<Target>('new');
  const [newName, setNewName] = useState('');
  const [picked, setPicked] = useState<string>();
  const [tried, setTried] = useState(false);
  // The model this dialog created when its version then failed: the retry adds to it.
  const [created, setCreated] = useState<string>();
  const createModel = useMutation(registrationMutations.createModel());
  const createVersion = useMutation(registrationMutations.createVersion());
  const holder = useNameHolder(target === 'new' ? newName : '');
  const pending = createModel.isPending || createVersion.isPending;
  // The form leaves as the version is created, while still pending: its cleanup says it is done.
  useEffect(() => {
    onBusy(pending);
    return () => onBusy(false);
  }, [pending, onBusy]);

  const name = target === 'new' ? newName : picked;
  // NewModelName and ModelPicker say why; here it only holds the write back.
  const blocked =
    target === 'new'
      ? modelNameProblem(newName) !== undefined ||
        holder.taken === 'model' ||
        holder.taken === 'prompt'
      : picked === undefined;
  const error = createVersion.error ?? createModel.error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (blocked || !source || name === undefined) return;
    createModel.reset();
    createVersion.reset();
    try {
      if (target === 'new') {
        await createModel.mutateAsync(name);
        setCreated(name);
        setTarget('existing');
        setPicked(name);
      }
      onRegistered(await createVersion.mutateAsync(createVersionRequest(name, run, source)));
    } catch {
      // Shown from the mutation's error; the form keeps its input.
    }
  };

  return (
    <form className="dialog-body register-form" onSubmit={(e) => void submit(e)} noValidate>
      <SourceChoice lookup={lookup} chosen={source && sourceKey(source)} onChoose={setChosen} />
      <TargetChoice target={target} onChange={setTarget} />
      {target === 'new' ? (
        <NewModelName
          name={newName}
          holder={holder}
          showProblem={tried}
          onChange={(value) => {
            setNewName(value);
            createModel.reset();
          }}
          onUseExisting={(existing) => {
            setTarget('existing');
            setPicked(existing);
          }}
        />
      ) : (
        <ModelPicker picked={picked} showProblem={tried} onPick={setPicked} />
      )}
      {created && createVersion.isError && (
        <p className="register-note">
          The model <strong className="break-anywhere">{created}</strong> was created; its first
          version was not. Register again to add it.
        </p>
      )}
      {error != null && <ErrorNotice error={error} title="MLflow did not register the model" />}
      <DialogActions
        label="Register"
        busyLabel="Registering…"
        pending={pending}
        disabled={!source}
      />
    </form>
  );
}

function TargetChoice({ target, onChange }: { target: Target; onChange: (t: Target) => void }) {
  const name = useId();
  return (
    <fieldset className="register-fieldset">
      <legend className="field-label">Register as</legend>
      <div className="register-options register-options-inline">
        <label className="register-option">
          <input
            type="radio"
            name={name}
            checked={target === 'new'}
            onChange={() => onChange('new')}
          />
          A new model
        </label>
        <label className="register-option">
          <input
            type="radio"
            name={name}
            checked={target === 'existing'}
            onChange={() => onChange('existing')}
          />
          A new version of an existing model
        </label>
      </div>
    </fieldset>
  );
}
