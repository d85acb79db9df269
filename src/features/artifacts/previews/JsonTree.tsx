import type { ReactNode } from 'react';

const MAX_CHILDREN = 1000;

/** A JSON value as nested disclosure widgets: objects and arrays open and close, scalars are text. */
export function JsonTree({ value }: { value: unknown }) {
  return (
    <div className="json-tree">
      <JsonNode label={undefined} value={value} depth={0} />
    </div>
  );
}

function JsonNode({ label, value, depth }: { label: ReactNode; value: unknown; depth: number }) {
  const key = label === undefined ? null : <span className="json-key">{label}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-leaf">
        {key}
        <span className={`json-${value === null ? 'null' : typeof value}`}>
          {JSON.stringify(value)}
        </span>
      </div>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const shown = entries.slice(0, MAX_CHILDREN);
  return (
    <details className="json-branch" open={depth < 2}>
      <summary>
        {key}
        <span className="json-count">
          {brackets[0]}
          {entries.length} {Array.isArray(value) ? 'items' : 'keys'}
          {brackets[1]}
        </span>
      </summary>
      <div className="json-children">
        {shown.map(([k, v]) => (
          <JsonNode key={k} label={k} value={v} depth={depth + 1} />
        ))}
        {entries.length > shown.length && (
          <div className="json-more">… {entries.length - shown.length} more</div>
        )}
      </div>
    </details>
  );
}
