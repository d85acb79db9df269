import { useDeferredValue, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { RunView } from '@/api/runs';
import { formatBytes } from '@/lib/artifact-kind';
import type { ArtifactPair } from '@/lib/run-diff/artifact-pairs';

interface ArtifactFileListProps {
  pairs: readonly ArtifactPair[];
  left: RunView;
  right: RunView;
  selected: string | undefined;
  onSelect: (path: string) => void;
}

/** Past this many files the list gets a filter box. */
const FILTER_FROM = 12;

/**
 * Every path of either run in path order: the ones both runs have are buttons that open the diff,
 * the rest say which run alone has them. Arrow keys move between the buttons.
 */
export function ArtifactFileList({
  pairs,
  left,
  right,
  selected,
  onSelect,
}: ArtifactFileListProps) {
  const [filter, setFilter] = useState('');
  const needle = useDeferredValue(filter).trim().toLowerCase();
  const shown = needle ? pairs.filter((p) => p.path.toLowerCase().includes(needle)) : pairs;
  const count = (presence: ArtifactPair['presence']) =>
    pairs.filter((p) => p.presence === presence).length;

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    buttons[
      e.key === 'ArrowDown' ? Math.min(at + 1, buttons.length - 1) : Math.max(at - 1, 0)
    ]?.focus();
  };

  return (
    <div className="artifact-diff-files">
      <p className="artifact-diff-counts">
        {count('both').toLocaleString('en')} in both
        {count('left') > 0 && ` · ${count('left').toLocaleString('en')} only in ${left.name}`}
        {count('right') > 0 && ` · ${count('right').toLocaleString('en')} only in ${right.name}`}
      </p>
      {pairs.length > FILTER_FROM && (
        <input
          type="search"
          className="input artifact-diff-filter"
          placeholder="Filter paths"
          aria-label="Filter artifact paths"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <ul className="artifact-diff-list" aria-label="Artifact files" onKeyDown={onKeyDown}>
        {shown.length === 0 && <li className="artifact-diff-hint">No path matches.</li>}
        {shown.map((pair) => (
          <li key={pair.path} data-path={pair.path} data-presence={pair.presence}>
            {pair.presence === 'both' ? (
              <button
                type="button"
                className="artifact-diff-file"
                aria-pressed={pair.path === selected}
                onClick={() => onSelect(pair.path)}
              >
                <span className="artifact-diff-path">{pair.path}</span>
                <span className="artifact-diff-size">
                  {sizesText(pair.leftSize, pair.rightSize)}
                </span>
              </button>
            ) : (
              <span className="artifact-diff-file is-one-sided">
                <span className="artifact-diff-path">{pair.path}</span>
                <span className="artifact-diff-only">
                  only in {pair.presence === 'left' ? left.name : right.name}
                </span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "1.2 KB" when both sizes are the same, "1.2 KB → 1.3 KB" when not. */
export function sizesText(leftSize: number | undefined, rightSize: number | undefined): string {
  if (leftSize === rightSize) return formatBytes(leftSize);
  return `${formatBytes(leftSize) || '?'} → ${formatBytes(rightSize) || '?'}`;
}
