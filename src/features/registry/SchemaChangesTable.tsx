import { hasChanges, type SchemaChanges, type SignatureColumn } from '@/lib/registry/signature';

const typeOf = (c: SignatureColumn) => (c.shape ? `${c.type} ${c.shape}` : c.type);
const need = (c: SignatureColumn) => (c.required ? '' : ' (optional)');

interface Row {
  label: string;
  before: string;
  after: string;
  change: string;
  breaking: boolean;
}

function rowsOf(changes: SchemaChanges, judged: boolean): Row[] {
  const rows: Row[] = [];
  for (const c of changes.removed)
    rows.push({
      label: c.label,
      before: typeOf(c) + need(c),
      after: '—',
      change: 'removed',
      breaking: judged,
    });
  for (const r of changes.retyped)
    rows.push({
      label: r.label,
      before: typeOf(r.from) + need(r.from),
      after: typeOf(r.to) + need(r.to),
      change: 'retyped',
      breaking: judged,
    });
  const retyped = new Set(changes.retyped.map((r) => r.label));
  for (const r of changes.requiredChanged)
    if (!retyped.has(r.label))
      rows.push({
        label: r.label,
        before: r.nowRequired ? 'optional' : 'required',
        after: r.nowRequired ? 'required' : 'optional',
        change: r.nowRequired ? 'now required' : 'now optional',
        breaking: judged && r.nowRequired,
      });
  for (const c of changes.added)
    rows.push({
      label: c.label,
      before: '—',
      after: typeOf(c) + need(c),
      change: 'added',
      breaking: judged && c.required,
    });
  return rows;
}

/** One schema's changes from the champion to the candidate; `judged` marks the breaking ones. */
export function SchemaChangesTable({
  title,
  changes,
  names,
  judged = false,
}: {
  title: string;
  changes: SchemaChanges;
  names: { before: string; after: string };
  judged?: boolean;
}) {
  const unchanged = `${changes.unchanged} unchanged`;
  if (!hasChanges(changes))
    return (
      <p className="detail-section-empty">
        {title}: no changes{changes.unchanged > 0 ? ` (${unchanged})` : ''}.
      </p>
    );
  return (
    <div className="signature-schema">
      <h3>
        {title} <span className="section-count">{unchanged}</span>
      </h3>
      <table className="data-table promotion-table" aria-label={`${title} changes`}>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">{names.before} (champion)</th>
            <th scope="col">{names.after} (candidate)</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(changes, judged).map((row) => (
            <tr
              key={`${row.change}:${row.label}`}
              className={row.breaking ? 'is-breaking' : undefined}
            >
              <th scope="row" className="promotion-key break-anywhere">
                {row.label}
              </th>
              <td className="cell-mono">{row.before}</td>
              <td className="cell-mono">{row.after}</td>
              <td>
                {row.change}
                {row.breaking && <span className="badge badge-breaking">breaking</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
