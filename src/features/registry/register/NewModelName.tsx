import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { registrationQueries } from '@/api/queries/registration';
import type { NameHolder } from '@/api/registry';
import { modelNameProblem } from '@/lib/registry/register';

export interface NameCheck {
  /** The name the answer is about (the typed one, once typing pauses). */
  checked: string;
  /** Who holds the checked name; undefined while asking or when asking failed. */
  taken: NameHolder | undefined;
  /** The answer for the typed name is not in yet. */
  checking: boolean;
  /** Asking failed: MLflow will say on submit whether the name is taken. */
  failed: boolean;
}

const DEBOUNCE_MS = 300;

/** Whether a model or a prompt already has `name`, asked once typing pauses ('' asks nothing). */
export function useNameHolder(name: string): NameCheck {
  const [checked, setChecked] = useState(name);
  useEffect(() => {
    const timer = setTimeout(() => setChecked(name), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [name]);
  const valid = checked !== '' && modelNameProblem(checked) === undefined;
  const query = useQuery({ ...registrationQueries.nameHolder(checked), enabled: valid });
  const current = checked === name;
  return {
    checked,
    taken: current ? query.data : undefined,
    checking: !current || (valid && query.isPending),
    failed: current && query.isError,
  };
}

/**
 * The new model's name: MLflow's own rules checked as it is typed, then whether the name is
 * taken, with a way to add a version to the model that holds it instead.
 */
export function NewModelName({
  name,
  holder,
  showProblem,
  onChange,
  onUseExisting,
}: {
  name: string;
  holder: NameCheck;
  /** Also show the problem of an empty name (after a submit). */
  showProblem: boolean;
  onChange: (name: string) => void;
  onUseExisting: (name: string) => void;
}) {
  const inputId = useId();
  const hintId = useId();
  const problem = name !== '' || showProblem ? modelNameProblem(name) : undefined;
  const taken = holder.taken === 'model' || holder.taken === 'prompt';
  return (
    <div className="register-field">
      <label htmlFor={inputId} className="field-label">
        Model name
      </label>
      <input
        id={inputId}
        className="input input-block"
        value={name}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem || taken ? true : undefined}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
      />
      <div id={hintId} className="register-hint" role="status">
        {problem ? (
          <p className="field-error">{problem}</p>
        ) : name === '' ? null : holder.checking ? (
          <p className="register-note">Checking the name…</p>
        ) : holder.failed ? (
          <p className="register-note">
            Could not check whether the name is taken; MLflow will say when you register.
          </p>
        ) : holder.taken === 'model' ? (
          <p className="field-error">
            A model named <strong className="break-anywhere">{name}</strong> already exists.{' '}
            <button type="button" className="btn btn-small" onClick={() => onUseExisting(name)}>
              Add a version to it instead
            </button>
          </p>
        ) : holder.taken === 'prompt' ? (
          <p className="field-error">
            A prompt is named <strong className="break-anywhere">{name}</strong>: MLflow does not
            let a model and a prompt share a name.
          </p>
        ) : holder.taken === 'free' ? (
          <p className="register-note">
            No model has this name yet: registering creates it with version 1.
          </p>
        ) : null}
      </div>
    </div>
  );
}
