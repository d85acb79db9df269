import { useEffect, useRef, useState } from 'react';
import type { ArtifactEntry } from '@/api/artifacts';
import { formatBytes, isLog } from '@/lib/artifact-kind';
import { useArtifactText } from '../useArtifactText';
import { BinaryNotice, PreviewError, PreviewLoading } from './PreviewStates';

/** How much of a text file a preview reads from either end. */
export const TEXT_WINDOW_BYTES = 256 * 1024;

/** Plain text and logs: a large file is read only at its head or its tail (logs start at the tail). */
export function TextPreview({ runId, entry }: { runId: string; entry: ArtifactEntry }) {
  const log = isLog(entry.path);
  const [end, setEnd] = useState<'head' | 'tail'>(log ? 'tail' : 'head');
  const whole = entry.size !== undefined && entry.size <= TEXT_WINDOW_BYTES;
  const window = whole
    ? undefined
    : end === 'head'
      ? { head: TEXT_WINDOW_BYTES }
      : { tail: TEXT_WINDOW_BYTES };
  const query = useArtifactText(runId, entry.path, window);
  const preRef = useRef<HTMLPreElement>(null);
  const text = query.data?.text;

  // The tail view opens at the last line, where a log's news is.
  useEffect(() => {
    const pre = preRef.current;
    if (pre && end === 'tail') pre.scrollTop = pre.scrollHeight;
  }, [text, end]);

  return (
    <div className="artifact-text">
      {(log || !whole) && (
        <div className="artifact-toolbar" role="group" aria-label="Which end of the file">
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={end === 'head'}
            onClick={() => setEnd('head')}
          >
            Head
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={end === 'tail'}
            onClick={() => setEnd('tail')}
          >
            Tail
          </button>
          {query.data?.partial && (
            <span className="artifact-note">
              Showing the {end === 'head' ? 'first' : 'last'} {formatBytes(TEXT_WINDOW_BYTES)} of{' '}
              {formatBytes(query.data.totalSize)}.
            </span>
          )}
        </div>
      )}
      {query.isPending ? (
        <PreviewLoading />
      ) : query.isError ? (
        <PreviewError error={query.error} />
      ) : text === undefined ? (
        <BinaryNotice />
      ) : (
        <pre
          ref={preRef}
          className="artifact-pre"
          tabIndex={0}
          aria-label={`Contents of ${entry.name}`}
        >
          {text}
        </pre>
      )}
    </div>
  );
}
