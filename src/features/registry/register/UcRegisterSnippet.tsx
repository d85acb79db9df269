import { useId, useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { CopyButton } from '@/components/CopyButton';
import { ucNameProblem } from '@/lib/registry/unity-catalog';
import { sourceKey, ucRegisterSnippet } from '@/lib/registry/register';
import { SourceChoice, useChosenSource, type SourceLookup } from './SourceChoice';

const PLACEHOLDER = 'catalog.schema.model';

/**
 * Unity Catalog takes a version's files through an upload with temporary cloud-storage
 * credentials, which a browser page must not hold: the dialog gives the Python that registers the
 * chosen model under the typed three-level name, to copy.
 */
export function UcRegisterSnippet({ runId, lookup }: { runId: string; lookup: SourceLookup }) {
  const { sources } = lookup;
  const [source, setChosen] = useChosenSource(sources);
  const [name, setName] = useState('');
  const inputId = useId();
  const hintId = useId();
  const problem = name === '' ? undefined : ucNameProblem(name);
  const code = source && ucRegisterSnippet(runId, source, problem || !name ? PLACEHOLDER : name);
  return (
    <div className="dialog-body register-form">
      <SourceChoice lookup={lookup} chosen={source && sourceKey(source)} onChoose={setChosen} />
      <div className="register-field">
        <label htmlFor={inputId} className="field-label">
          Unity Catalog name
        </label>
        <input
          id={inputId}
          className="input input-block"
          placeholder={PLACEHOLDER}
          value={name}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={hintId}
          onChange={(e) => setName(e.target.value)}
        />
        <div id={hintId} role="status">
          {problem && <p className="field-error">{problem}</p>}
        </div>
      </div>
      <p>
        Unity Catalog receives a version’s files through temporary cloud-storage credentials that
        only MLflow’s Python client may hold, so Parallax does not register to it from the browser.
        Run this where you use MLflow (a Databricks notebook or a configured client):
      </p>
      {code && (
        <>
          <pre className="code-block">
            <code>{code}</code>
          </pre>
          <CopyButton text={code} label="Copy the registration code" />
        </>
      )}
      <div className="dialog-actions">
        <Dialog.Close asChild>
          <button type="button" className="btn btn-primary">
            Close
          </button>
        </Dialog.Close>
      </div>
    </div>
  );
}
