import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { versionFileQueries, type VersionRef } from '@/api/queries/model-version-files';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';

/** JSON read whole is shown indented; anything else (or a cut file) as it is. */
function pretty(text: string, partial: boolean): string {
  if (partial) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The input example the MLmodel names, as text. */
export function InputExample({ version, path }: { version: VersionRef; path: string }) {
  const query = useQuery(versionFileQueries.inputExample(version, path));
  const read = query.data;
  const shown = useMemo(
    () => (read?.text === undefined ? undefined : pretty(read.text, read.partial)),
    [read],
  );
  let body;
  if (query.isPending) body = <Skeleton rows={3} label="Loading the input example…" />;
  else if (query.isError)
    body = (
      <ErrorNotice
        error={query.error}
        title="The input example could not be read"
        onRetry={() => void query.refetch()}
      />
    );
  else if (!read)
    body = (
      <p className="detail-section-empty">
        The MLmodel names <code>{path}</code>, but the version&apos;s files do not hold it.
      </p>
    );
  else if (shown === undefined)
    body = <p className="detail-section-empty">The input example is not text.</p>;
  else
    body = (
      <>
        {read.partial && (
          <p className="detail-section-empty">
            Only the start of this {read.totalSize.toLocaleString('en')}-byte file is shown.
          </p>
        )}
        <pre className="code-block input-example" aria-label="Input example">
          <code>{shown}</code>
        </pre>
      </>
    );
  return (
    <div className="signature-schema">
      <h3>
        Input example <span className="section-count cell-mono">{path}</span>
      </h3>
      {body}
    </div>
  );
}
