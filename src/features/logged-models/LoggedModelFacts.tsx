import { Link } from 'react-router';
import type { LoggedModelView } from '@/api/logged-models';
import { CopyButton } from '@/components/CopyButton';
import { RelativeTime } from '@/components/RelativeTime';
import { paths } from '@/lib/paths';
import { LoggedModelStatus } from './LoggedModelStatus';
import { RegisteredVersionLinks } from './RegisteredVersionLinks';

/** A logged model's identity and provenance, and the Python that loads it. */
export function LoggedModelFacts({ model }: { model: LoggedModelView }) {
  const load = `import mlflow\n\nmodel = mlflow.pyfunc.load_model("models:/${model.modelId}")`;
  return (
    <>
      <dl className="meta-list">
        <div>
          <dt>Model ID</dt>
          <dd className="cell-mono break-anywhere">{model.modelId}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <LoggedModelStatus model={model} />
            {model.statusMessage && <span className="break-anywhere">: {model.statusMessage}</span>}
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <RelativeTime ms={model.createdMs} />
            {model.user ? ` by ${model.user}` : ''}
          </dd>
        </div>
        <div>
          <dt>Source run</dt>
          <dd>
            {model.sourceRunId ? (
              <Link
                className="cell-mono"
                to={paths.run.href(model.experimentId, model.sourceRunId)}
              >
                {model.sourceRunId}
              </Link>
            ) : (
              '—'
            )}
          </dd>
        </div>
        {model.modelType && (
          <div>
            <dt>Type</dt>
            <dd className="break-anywhere">{model.modelType}</dd>
          </div>
        )}
        <div>
          <dt>Registered as</dt>
          <dd>
            <RegisteredVersionLinks registrations={model.registrations} />
          </dd>
        </div>
        {model.artifactUri && (
          <div>
            <dt>Artifacts</dt>
            <dd className="cell-mono break-anywhere">{model.artifactUri}</dd>
          </div>
        )}
      </dl>
      <div className="logged-model-load">
        <pre className="logged-model-snippet">
          <code>{load}</code>
        </pre>
        <CopyButton text={load} label="Copy the load snippet" />
      </div>
    </>
  );
}
