import type { ModelVersion } from '@/api/types';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { InputExample } from './InputExample';
import { SchemaTable } from './SchemaTable';
import { useVersionMlModel } from './useVersionMlModel';

/** The version's signature (inputs, outputs, params) and input example, read from its MLmodel. */
export function SignatureSection({ version: mv }: { version: ModelVersion }) {
  const query = useVersionMlModel(mv);
  const read = query.data;
  let body;
  if (query.isPending) body = <Skeleton rows={4} label="Reading the MLmodel…" />;
  else if (query.isError)
    body = (
      <ErrorNotice
        error={query.error}
        title="The MLmodel could not be read"
        onRetry={() => void query.refetch()}
      />
    );
  else if (read?.state === 'missing')
    body = (
      <p className="detail-section-empty">
        No MLmodel in this version&apos;s files, so no signature: it was registered from something
        other than an MLflow model.
      </p>
    );
  else if (read?.state === 'unreadable')
    body = <p className="detail-section-empty">{read.reason}</p>;
  else if (read?.state === 'read')
    body = (
      <>
        {read.warnings.map((w) => (
          <p key={w} className="field-error">
            {w}
          </p>
        ))}
        {read.signature ? (
          <>
            <SchemaTable title="Inputs" schema={read.signature.inputs} />
            <SchemaTable title="Outputs" schema={read.signature.outputs} />
            {read.signature.params && <SchemaTable title="Params" schema={read.signature.params} />}
          </>
        ) : (
          <p className="detail-section-empty">
            The model was logged without a signature: MLflow cannot check what it is sent.
          </p>
        )}
        {read.inputExample ? (
          <InputExample version={mv} path={read.inputExample.path} />
        ) : (
          <p className="detail-section-empty">No input example was logged with the model.</p>
        )}
      </>
    );
  return (
    <section className="detail-section" aria-labelledby="version-signature-title">
      <h2 id="version-signature-title">Signature</h2>
      {body}
    </section>
  );
}
