import { useDeferredValue, useId, useMemo, useState } from 'react';
import { compareKeys, filterEntries } from '@/lib/run-fields';
import { VirtualTable } from '@/components/VirtualTable';
import type { VirtualColumn } from '@/components/VirtualTable';

type Entry = readonly [string, string];

const columns: VirtualColumn<Entry>[] = [
  { header: 'Key', width: '35%', render: ([key]) => <span title={key}>{key}</span> },
  { header: 'Value', render: ([, value]) => <span title={value}>{value}</span> },
];

/** The run's params, searchable by key or value. */
export function ParamsSection({ params }: { params: ReadonlyMap<string, string> }) {
  const headingId = useId();
  const [query, setQuery] = useState('');
  // Typing stays instant; filtering 1,500 params follows a frame behind.
  const deferredQuery = useDeferredValue(query);
  const sorted = useMemo(
    () => [...params.entries()].sort(([a], [b]) => compareKeys(a, b)),
    [params],
  );
  const shown = useMemo(() => filterEntries(sorted, deferredQuery), [sorted, deferredQuery]);
  const total = sorted.length;

  return (
    <section className="run-section" aria-labelledby={headingId}>
      <div className="run-section-header">
        <h2 id={headingId}>Parameters</h2>
        {total > 0 && (
          <input
            type="search"
            className="run-section-search"
            aria-label="Search parameters"
            placeholder="Search parameters"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
        <p className="run-section-count" aria-live="polite">
          {deferredQuery.trim() && total > 0
            ? `${shown.length.toLocaleString('en')} of ${total.toLocaleString('en')} parameters`
            : `${total.toLocaleString('en')} ${total === 1 ? 'parameter' : 'parameters'}`}
        </p>
      </div>
      {total === 0 ? (
        <p className="run-section-empty">No parameters logged.</p>
      ) : shown.length === 0 ? (
        <p className="run-section-empty">No parameters match “{deferredQuery.trim()}”.</p>
      ) : (
        <VirtualTable label="Parameters" columns={columns} items={shown} rowKey={([key]) => key} />
      )}
    </section>
  );
}
