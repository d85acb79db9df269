import type { SignatureSchema } from '@/lib/registry/signature';

const KIND_WORDS: Record<SignatureSchema['kind'], [string, string]> = {
  columns: ['column', 'columns'],
  tensors: ['tensor', 'tensors'],
  mixed: ['column or tensor', 'columns and tensors'],
};

/** One schema of a signature (inputs, outputs or params), a row per column. */
export function SchemaTable({
  title,
  schema,
}: {
  title: string;
  schema: SignatureSchema | undefined;
}) {
  if (!schema) {
    return (
      <div className="signature-schema">
        <h3>{title}</h3>
        <p className="detail-section-empty">None recorded.</p>
      </div>
    );
  }
  const params = schema.columns.some((c) => c.defaultValue !== undefined);
  const shapes = schema.columns.some((c) => c.shape !== undefined);
  return (
    <div className="signature-schema">
      <h3>
        {title}{' '}
        <span className="section-count">
          {schema.columns.length} {KIND_WORDS[schema.kind][schema.columns.length === 1 ? 0 : 1]}
        </span>
      </h3>
      <table className="data-table signature-table" aria-label={`Signature ${title.toLowerCase()}`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            {shapes && <th scope="col">Shape</th>}
            {params ? <th scope="col">Default</th> : <th scope="col">Required</th>}
          </tr>
        </thead>
        <tbody>
          {schema.columns.map((c, i) => (
            <tr key={`${i}:${c.label}`}>
              <td className="break-anywhere">{c.label}</td>
              <td className={c.known ? 'cell-mono' : 'cell-mono signature-raw'}>
                {c.type}
                {!c.known && (
                  <span className="visually-hidden"> (not a type MLflow documents)</span>
                )}
              </td>
              {shapes && <td className="cell-mono">{c.shape ?? '—'}</td>}
              {params ? (
                <td className="cell-mono break-anywhere">{c.defaultValue ?? '—'}</td>
              ) : (
                <td>{c.required ? 'yes' : 'no'}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
