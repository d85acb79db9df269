import { useMemo } from 'react';
import { parse } from 'yaml';
import { summarizeMlModel } from '@/lib/mlmodel';
import type { MlModelColumn } from '@/lib/mlmodel';
import { useArtifactText } from '../useArtifactText';
import { JsonTree } from './JsonTree';
import { BinaryNotice, PreviewError, PreviewLoading } from './PreviewStates';

/** A logged model, read from its directory's MLmodel: flavors, signature and input example. */
export function MlModelPreview({ runId, modelDir }: { runId: string; modelDir: string }) {
  const query = useArtifactText(runId, `${modelDir}MLmodel`);
  const text = query.data?.text;
  const summary = useMemo(() => {
    if (text === undefined) return undefined;
    try {
      return summarizeMlModel(parse(text, { maxAliasCount: 100 }));
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [text]);
  if (query.isPending) return <PreviewLoading />;
  if (query.isError) return <PreviewError error={query.error} />;
  if (summary === undefined) return <BinaryNotice />;
  if (typeof summary === 'string') {
    return (
      <>
        <p className="artifact-note artifact-parse-error">
          The MLmodel file is not valid YAML: {summary}
        </p>
        <pre className="artifact-pre">{text}</pre>
      </>
    );
  }
  return (
    <div className="mlmodel">
      {summary.warnings.map((w) => (
        <p key={w} className="artifact-note artifact-parse-error">
          {w}
        </p>
      ))}
      <h3>Flavors</h3>
      <ul className="mlmodel-flavors" aria-label="Flavors">
        {summary.flavors.map((flavor) => (
          <li key={flavor.name}>
            <strong>{flavor.name}</strong>
            {flavor.details.length > 0 && (
              <dl className="mlmodel-details">
                {flavor.details.map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ul>
      <SchemaTable title="Signature inputs" columns={summary.inputs} />
      <SchemaTable title="Signature outputs" columns={summary.outputs} />
      {summary.params && <SchemaTable title="Signature params" columns={summary.params} />}
      {summary.inputExamplePath && (
        <InputExample runId={runId} path={`${modelDir}${summary.inputExamplePath}`} />
      )}
      {summary.mlflowVersion && (
        <p className="artifact-note">
          Logged with MLflow {summary.mlflowVersion}
          {summary.createdAt && ` at ${summary.createdAt} UTC`}
          {summary.modelId && ` · model ${summary.modelId}`}
        </p>
      )}
    </div>
  );
}

function SchemaTable({ title, columns }: { title: string; columns: MlModelColumn[] | undefined }) {
  return (
    <>
      <h3>{title}</h3>
      {columns === undefined ? (
        <p className="artifact-hint">None recorded.</p>
      ) : (
        <table className="data-table mlmodel-schema" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Shape</th>
              <th scope="col">Required</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.name}>
                <td>{c.name}</td>
                <td>{c.type}</td>
                <td>{c.shape ?? '—'}</td>
                <td>{c.required ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function InputExample({ runId, path }: { runId: string; path: string }) {
  const query = useArtifactText(runId, path);
  const text = query.data?.text;
  const value = useMemo(() => {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }, [text]);
  return (
    <section aria-label="Input example">
      <h3>Input example</h3>
      {query.isPending ? (
        <PreviewLoading />
      ) : query.isError ? (
        <PreviewError error={query.error} />
      ) : value === undefined ? (
        <BinaryNotice />
      ) : (
        <JsonTree value={value} />
      )}
    </section>
  );
}
