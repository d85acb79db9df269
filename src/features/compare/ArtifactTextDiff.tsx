import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ArtifactBytes } from '@/api/artifacts';
import { MlflowError } from '@/api/errors';
import { artifactQueries } from '@/api/queries/artifacts';
import type { RunView } from '@/api/runs';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { PREVIEW_CAP_BYTES, formatBytes } from '@/lib/artifact-kind';
import { decodeArtifactText } from '@/lib/artifact-text';
import { textDiff } from '@/lib/run-diff/artifact-diff';
import type { SharedArtifact } from '@/lib/run-diff/artifact-pairs';
import { ArtifactDiffLines } from './ArtifactDiffLines';

interface PairProps {
  pair: SharedArtifact;
  left: RunView;
  right: RunView;
}

/** How much of each file is read and diffed: a larger file is compared over its first part. */
export const DIFF_WINDOW_BYTES = 1024 * 1024;
/** A diff of large, very different texts gives up after this long rather than hold the page. */
const DIFF_TIMEOUT_MS = 1000;

// Module-level, so react-query decodes once per read, not on every render.
const asText = (read: ArtifactBytes) => decodeArtifactText(read, 'head');

/** One side's file, whole when small (sharing the artifact previews' cache), else its head. */
function useDiffText(runId: string, path: string, size: number | undefined) {
  const window =
    size !== undefined && size <= DIFF_WINDOW_BYTES ? undefined : { head: DIFF_WINDOW_BYTES };
  return useQuery({ ...artifactQueries.bytes(runId, path, window), select: asText });
}

/** A text artifact in two runs as a unified line diff, read through Parallax's capped artifact endpoint. */
export function ArtifactTextDiff({ pair, left, right }: PairProps) {
  const a = useDiffText(left.runId, pair.path, pair.leftSize);
  const b = useDiffText(right.runId, pair.path, pair.rightSize);
  const oldText = a.data?.text;
  const newText = b.data?.text;
  const diff = useMemo(
    () =>
      oldText === undefined || newText === undefined
        ? undefined
        : textDiff(oldText, newText, { timeoutMs: DIFF_TIMEOUT_MS }),
    [oldText, newText],
  );
  const props = { pair, left, right };

  if (a.isError || b.isError) {
    const [query, run] = a.isError ? [a, left] : [b, right];
    if (query.error instanceof MlflowError && query.error.errorCode === 'ARTIFACT_TOO_LARGE') {
      return (
        <SizesNotice {...props}>
          Too large to diff: over the {formatBytes(PREVIEW_CAP_BYTES)} preview limit.
        </SizesNotice>
      );
    }
    return (
      <ErrorNotice
        error={query.error}
        title={`Could not read ${pair.path} of ${run.name}`}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (a.isPending || b.isPending) return <Skeleton rows={6} label="Reading both files…" />;
  if (a.data.binary || b.data.binary)
    return <SizesNotice {...props}>Binary, not compared.</SizesNotice>;
  if (!diff) {
    return (
      <SizesNotice {...props}>
        Not compared: the files differ too much to diff in reasonable time.
      </SizesNotice>
    );
  }
  const partial = a.data.partial || b.data.partial;
  return (
    <div className="artifact-diff-text">
      {partial && (
        <p className="notice compare-warning" role="status">
          Too large to diff in full: only the first {formatBytes(DIFF_WINDOW_BYTES)} of each file
          was compared ({left.name}: {formatBytes(a.data.totalSize)}, {right.name}:{' '}
          {formatBytes(b.data.totalSize)}).
        </p>
      )}
      <p className="artifact-diff-summary">
        <span className="is-added">+{diff.added.toLocaleString('en')} added</span>{' '}
        <span className="is-removed">−{diff.removed.toLocaleString('en')} removed</span>
        {diff.finalNewlineDiffers && ' · only one file ends with a line break'}
        {diff.lineEndingsDiffer && ' · the files use different line endings (CRLF and LF)'}
      </p>
      {diff.hunks.length === 0 ? (
        <p className="artifact-diff-hint">
          No line differs{partial ? ' in the part compared' : ''}.
        </p>
      ) : (
        <ArtifactDiffLines hunks={diff.hunks} path={pair.path} left={left} right={right} />
      )}
    </div>
  );
}

/** Why a file was not diffed, with both sizes (the one comparison left). */
export function SizesNotice({ pair, left, right, children }: PairProps & { children: ReactNode }) {
  const known = pair.leftSize !== undefined && pair.rightSize !== undefined;
  return (
    <div className="notice artifact-diff-notice" role="status">
      <p>{children}</p>
      <p className="artifact-diff-sizes">
        {left.name}: {formatBytes(pair.leftSize) || 'size unknown'} · {right.name}:{' '}
        {formatBytes(pair.rightSize) || 'size unknown'}
        {known && (pair.leftSize === pair.rightSize ? ' (the same size)' : ' (sizes differ)')}
      </p>
    </div>
  );
}
