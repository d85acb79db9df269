import { useVirtualizer } from '@tanstack/react-virtual';
import Papa from 'papaparse';
import { useMemo, useRef } from 'react';
import type { ArtifactEntry } from '@/api/artifacts';
import { extension, formatBytes } from '@/lib/artifact-kind';
import { useArtifactText } from '../useArtifactText';
import { BinaryNotice, PreviewError, PreviewLoading } from './PreviewStates';

const MAX_ROWS = 10_000;
// 10,000 rows of a wide table fit in this; reading more would only be thrown away.
const CSV_WINDOW_BYTES = 8 * 1024 * 1024;
const ROW_HEIGHT = 28;

/** CSV / TSV as a table that renders only the rows in view; the first 10,000 rows at most. */
export function CsvPreview({ runId, entry }: { runId: string; entry: ArtifactEntry }) {
  const whole = entry.size !== undefined && entry.size <= CSV_WINDOW_BYTES;
  const query = useArtifactText(runId, entry.path, whole ? undefined : { head: CSV_WINDOW_BYTES });
  const text = query.data?.text;
  const parsed = useMemo(() => {
    if (text === undefined) return undefined;
    const result = Papa.parse<string[]>(text, {
      delimiter: extension(entry.path) === 'tsv' ? '\t' : '',
      preview: MAX_ROWS + 2,
      skipEmptyLines: true,
    });
    const [header = [], ...rows] = result.data;
    return { header, rows: rows.slice(0, MAX_ROWS), more: rows.length > MAX_ROWS };
  }, [text, entry.path]);

  if (query.isPending) return <PreviewLoading />;
  if (query.isError) return <PreviewError error={query.error} />;
  if (!parsed) return <BinaryNotice />;
  const truncated = parsed.more || query.data.partial;
  return (
    <div className="artifact-table-wrap">
      <p className="artifact-note" aria-live="polite">
        {parsed.rows.length.toLocaleString('en')} rows
        {truncated &&
          ` shown — the file is ${formatBytes(query.data.totalSize)}; the preview stops at the first ${MAX_ROWS.toLocaleString('en')} rows. Download it for the rest.`}
      </p>
      <CsvTable name={entry.name} header={parsed.header} rows={parsed.rows} />
    </div>
  );
}

function CsvTable({ name, header, rows }: { name: string; header: string[]; rows: string[][] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself; nothing here is memoized by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columns = header.length;
  return (
    <div ref={scrollRef} className="artifact-table-scroll">
      <table
        className="data-table artifact-table"
        aria-label={`Table ${name}`}
        aria-rowcount={rows.length + 1}
      >
        <thead>
          <tr aria-rowindex={1}>
            {header.map((cell, i) => (
              <th key={i} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true" style={{ height: paddingTop }}>
              <td colSpan={columns} />
            </tr>
          )}
          {items.map((item) => (
            <tr key={item.index} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
              {(rows[item.index] ?? []).map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" style={{ height: paddingBottom }}>
              <td colSpan={columns} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
