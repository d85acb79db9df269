import { useId, useState } from 'react';
import { MlflowError } from '@/api/errors';
import { sourceKey, type ModelSource } from '@/lib/registry/register';

/**
 * The model chosen among `sources`: the first until another is picked, even when more are found
 * later (the list may grow while the dialog is open).
 */
export function useChosenSource(sources: readonly ModelSource[]) {
  const [chosen, setChosen] = useState(() => sources[0] && sourceKey(sources[0]));
  const source = sources.find((s) => sourceKey(s) === chosen) ?? sources[0];
  return [source, setChosen] as const;
}

/** How a model shows in the choice: a logged model by name and id, a folder by its path. */
export function SourceLabel({ source }: { source: ModelSource }) {
  if (source.kind === 'logged-model') {
    return (
      <>
        <strong className="break-anywhere">{source.name}</strong>{' '}
        <span className="register-source-kind">
          logged model <code>{source.modelId}</code>
        </span>
      </>
    );
  }
  return (
    <>
      <code className="break-anywhere">{source.path ? `${source.path}/` : '(artifact root)'}</code>{' '}
      <span className="register-source-kind">folder of the run’s artifacts</span>
    </>
  );
}

/** The run's models as the dialog found them. */
export interface SourceLookup {
  sources: readonly ModelSource[];
  /** Still looking through the run's artifacts for more. */
  searching: boolean;
  /** Why part of the looking failed; what was found is still offered. */
  lookupError: unknown;
}

/**
 * Which of the run's models to register: said plainly when there is one, radio buttons (arrow
 * keys move between them) when there are several.
 */
export function SourceChoice({
  lookup: { sources, searching, lookupError },
  chosen,
  onChoose,
}: {
  lookup: SourceLookup;
  chosen: string | undefined;
  onChoose: (key: string) => void;
}) {
  const name = useId();
  const only = sources.length === 1 ? sources[0] : undefined;
  return (
    <fieldset className="register-fieldset">
      <legend className="field-label">Model</legend>
      {only ? (
        <p className="register-source">
          <SourceLabel source={only} />
        </p>
      ) : (
        <div className="register-options">
          {sources.map((source) => {
            const key = sourceKey(source);
            return (
              <label key={key} className="register-option">
                <input
                  type="radio"
                  name={name}
                  value={key}
                  checked={chosen === key}
                  onChange={() => onChoose(key)}
                />
                <span>
                  <SourceLabel source={source} />
                </span>
              </label>
            );
          })}
        </div>
      )}
      <div role="status">
        {searching && (
          <p className="register-note">Looking for more models in the run’s artifacts…</p>
        )}
        {lookupError != null && (
          <p className="register-note">
            Some of the run’s models may be missing here: {describe(lookupError)}
          </p>
        )}
      </div>
    </fieldset>
  );
}

function describe(error: unknown): string {
  if (error instanceof MlflowError) return `${error.errorCode}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
