import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { artifactQueries } from '@/api/queries/artifacts';
import type { RunView } from '@/api/runs';
import type { CompareView } from '@/lib/run-diff/compare-url';
import { Disclosure } from '@/components/Disclosure';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { artifactKind } from '@/lib/artifact-kind';
import { DEFAULT_WALK_LIMITS, pairArtifacts } from '@/lib/run-diff/artifact-pairs';
import type { ArtifactListing, SharedArtifact } from '@/lib/run-diff/artifact-pairs';
import { ArtifactFileList } from './ArtifactFileList';
import { ArtifactImageSwipe } from './ArtifactImageSwipe';
import { ArtifactRunPicker } from './ArtifactRunPicker';
import { ArtifactTextDiff, SizesNotice } from './ArtifactTextDiff';
import './artifact-diff.css';

/** The two runs and the file picked, as the page's URL holds them (undefined: the default). */
type ArtifactChoice = Pick<CompareView, 'artifactLeft' | 'artifactRight' | 'artifactPath'>;

interface ArtifactDiffProps {
  runs: readonly RunView[];
  choice: ArtifactChoice;
  onChoose: (patch: Partial<ArtifactChoice>) => void;
}

/**
 * "The same path in two runs": two of the compared runs (the first two columns unless picked
 * otherwise), the files they share offered for a diff, the files only one has named as such.
 * Closed at first, so nothing is listed until it is opened, unless a link names a choice.
 */
export function ArtifactDiff({ runs, choice, onChoose }: ArtifactDiffProps) {
  const chosenInLink = [choice.artifactLeft, choice.artifactRight, choice.artifactPath].some(
    (v) => v !== undefined,
  );
  return (
    <Disclosure
      title="Artifact diff"
      className="artifact-diff"
      headerClassName="artifact-diff-head"
      defaultOpen={chosenInLink}
    >
      {runs.length < 2 ? (
        <EmptyState title="Two runs are needed">
          Add another run to compare its artifacts.
        </EmptyState>
      ) : (
        <ArtifactDiffBody runs={runs} choice={choice} onChoose={onChoose} />
      )}
    </Disclosure>
  );
}

function ArtifactDiffBody({ runs, choice, onChoose }: ArtifactDiffProps) {
  // Undefined until picked: the defaults follow the columns (a new baseline comes first). A run
  // the link names that is not compared falls back to the default too.
  const left = runs.find((r) => r.runId === choice.artifactLeft) ?? (runs[0] as RunView);
  const right =
    runs.find((r) => r.runId === choice.artifactRight && r !== left) ??
    (runs.find((r) => r !== left) as RunView);
  const pick = (side: 'left' | 'right', id: string) => {
    // Picking the other side's run swaps the two, so the sides never hold the same run.
    const other = side === 'left' ? right : left;
    const self = side === 'left' ? left : right;
    const swapped = id === other.runId ? self.runId : other.runId;
    onChoose(
      side === 'left'
        ? { artifactLeft: id, artifactRight: swapped }
        : { artifactRight: id, artifactLeft: swapped },
    );
  };
  const chosen = choice.artifactPath;

  const leftFiles = useQuery(artifactQueries.files(left.runId));
  const rightFiles = useQuery(artifactQueries.files(right.runId));
  const pairs = useMemo(
    () =>
      leftFiles.data && rightFiles.data
        ? pairArtifacts(leftFiles.data.files, rightFiles.data.files)
        : undefined,
    [leftFiles.data, rightFiles.data],
  );
  const selected = pairs?.find(
    (p): p is SharedArtifact => p.path === chosen && p.presence === 'both',
  );

  return (
    <div className="artifact-diff-body">
      <div className="artifact-diff-runs" role="group" aria-label="Runs to compare">
        <ArtifactRunPicker
          label="Left run"
          runs={runs}
          value={left}
          onPick={(id) => pick('left', id)}
        />
        <span aria-hidden="true">→</span>
        <ArtifactRunPicker
          label="Right run"
          runs={runs}
          value={right}
          onPick={(id) => pick('right', id)}
        />
      </div>
      {[leftFiles, rightFiles].map((q, i) => {
        const run = i === 0 ? left : right;
        return q.isError ? (
          <ErrorNotice
            key={run.runId}
            error={q.error}
            title={`Could not list the artifacts of ${run.name}`}
            onRetry={() => void q.refetch()}
          />
        ) : (
          <TruncatedNote key={run.runId} listing={q.data} runName={run.name} />
        );
      })}
      {leftFiles.isPending || rightFiles.isPending ? (
        <Skeleton rows={4} label="Listing artifacts…" />
      ) : !pairs ? null : pairs.length === 0 ? (
        <EmptyState title="No artifacts">Neither run logged any artifact files.</EmptyState>
      ) : (
        <div className="artifact-diff-layout">
          <ArtifactFileList
            pairs={pairs}
            left={left}
            right={right}
            selected={selected?.path}
            onSelect={(path) => onChoose({ artifactPath: path })}
          />
          <div className="artifact-diff-view">
            {!selected ? (
              <p className="artifact-diff-hint">
                Pick a file both runs have to see how it differs.
              </p>
            ) : artifactKind(selected.path) === 'image' ? (
              <ArtifactImageSwipe key={selected.path} pair={selected} left={left} right={right} />
            ) : artifactKind(selected.path) === 'other' ? (
              <SizesNotice pair={selected} left={left} right={right}>
                Not compared: Parallax reads this kind of file as bytes, not text.
              </SizesNotice>
            ) : (
              <ArtifactTextDiff pair={selected} left={left} right={right} />
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function TruncatedNote({ listing, runName }: { listing?: ArtifactListing; runName: string }) {
  if (!listing?.truncated) return null;
  const { maxFiles, maxDepth } = DEFAULT_WALK_LIMITS;
  return (
    <p className="notice compare-warning" role="status">
      Only part of {runName}&apos;s artifacts were listed:{' '}
      {listing.truncated === 'files'
        ? `the listing stops at ${maxFiles.toLocaleString('en')} files.`
        : `folders more than ${maxDepth} levels deep were not opened.`}{' '}
      A file shown as in one run only may be in the other too.
    </p>
  );
}
