import { useMemo } from 'react';
import type { RunView } from '@/api/runs';
import { firstLines, hunkHeader } from '@/lib/run-diff/artifact-diff';
import type { DiffHunk, DiffLineKind } from '@/lib/run-diff/artifact-diff';

/** Rows put in the page at most; a larger diff says how many more there are. */
const MAX_SHOWN_LINES = 3000;

// The mark says what colour says, for colour-blind readers; the word, for screen readers.
const SIGN: Record<DiffLineKind, string> = { added: '+', removed: '−', context: '' };
const WORD: Record<DiffLineKind, string> = { added: 'added', removed: 'removed', context: '' };

interface ArtifactDiffLinesProps {
  hunks: readonly DiffHunk[];
  path: string;
  left: RunView;
  right: RunView;
}

/** The unified view: each hunk's header, then its lines numbered on both sides. Text, never HTML. */
export function ArtifactDiffLines({ hunks, path, left, right }: ArtifactDiffLinesProps) {
  const shown = useMemo(() => firstLines(hunks, MAX_SHOWN_LINES), [hunks]);
  return (
    <div
      className="artifact-diff-scroll"
      role="region"
      aria-label={`Differences in ${path}`}
      tabIndex={0}
    >
      <table className="artifact-diff-table">
        <caption className="visually-hidden">
          {path}: lines removed from {left.name} and added in {right.name}
        </caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Line in {left.name}</th>
            <th scope="col">Line in {right.name}</th>
            <th scope="col">Change</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        {shown.hunks.map((hunk) => (
          <tbody key={`${hunk.oldStart}:${hunk.newStart}`}>
            <tr className="artifact-diff-hunk">
              <td colSpan={4}>{hunkHeader(hunk)}</td>
            </tr>
            {hunk.lines.map((line) => (
              <tr
                key={`${line.oldLine ?? ''}:${line.newLine ?? ''}`}
                className={`artifact-diff-line is-${line.kind}`}
                data-kind={line.kind}
              >
                <td className="artifact-diff-num">{line.oldLine ?? ''}</td>
                <td className="artifact-diff-num">{line.newLine ?? ''}</td>
                <td className="artifact-diff-sign">
                  <span aria-hidden="true">{SIGN[line.kind]}</span>
                  {WORD[line.kind] && <span className="visually-hidden">{WORD[line.kind]}</span>}
                </td>
                <td className="artifact-diff-code">{line.text}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {shown.hiddenLines > 0 && (
        <p className="artifact-diff-hint">
          {shown.hiddenLines.toLocaleString('en')} more lines of the diff are not shown.
        </p>
      )}
    </div>
  );
}
