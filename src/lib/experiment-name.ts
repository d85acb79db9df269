// Experiment names are often workspace paths (`/Shared/churn_prediction`, `/Users/<email>/x`).

/** MLflow's MAX_EXPERIMENT_NAME_LENGTH (mlflow/utils/validation.py). */
export const MAX_EXPERIMENT_NAME_LENGTH = 500;

export interface NameParts {
  /** The folders before the leaf, slashes included; '' for a plain name. */
  prefix: string;
  leaf: string;
}

/** Splits at the last slash so that `prefix + leaf` is always the name, unchanged. */
export function splitExperimentName(name: string): NameParts {
  const cut = name.lastIndexOf('/');
  // A trailing slash leaves no leaf to emphasise: show the whole name as one.
  if (cut < 0 || cut === name.length - 1) return { prefix: '', leaf: name };
  return { prefix: name.slice(0, cut + 1), leaf: name.slice(cut + 1) };
}

/** The short form for tab titles and dialogs. */
export function experimentLeafName(name: string): string {
  return splitExperimentName(name).leaf;
}

/** Why a name would be refused before asking MLflow, or undefined when it may be sent. */
export function validateExperimentName(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name.';
  if (name.length > MAX_EXPERIMENT_NAME_LENGTH) {
    return `A name has at most ${MAX_EXPERIMENT_NAME_LENGTH} characters (this one has ${name.length}).`;
  }
  return undefined;
}
