import { useState } from 'react';
import type { CSSProperties } from 'react';
import { artifactUrl } from '@/api/artifacts';
import type { RunView } from '@/api/runs';
import { PREVIEW_CAP_BYTES, formatBytes } from '@/lib/artifact-kind';
import type { SharedArtifact } from '@/lib/run-diff/artifact-pairs';
import { sizesText } from './ArtifactFileList';
import { SizesNotice } from './ArtifactTextDiff';

interface ArtifactImageSwipeProps {
  pair: SharedArtifact;
  left: RunView;
  right: RunView;
}

type Mode = 'swipe' | 'side';

/**
 * An image in two runs: side by side, or stacked with a slider that uncovers the left run's image
 * over the right one's. Images load as the artifact previews load them, through Parallax's
 * endpoint as `<img>` (an SVG's scripts never run there), never as markup in the page.
 */
export function ArtifactImageSwipe({ pair, left, right }: ArtifactImageSwipeProps) {
  const [mode, setMode] = useState<Mode>('swipe');
  const [position, setPosition] = useState(50);
  const [failed, setFailed] = useState<readonly string[]>([]);
  const tooLarge = [pair.leftSize, pair.rightSize].some(
    (s) => s !== undefined && s > PREVIEW_CAP_BYTES,
  );
  if (tooLarge) {
    return (
      <SizesNotice pair={pair} left={left} right={right}>
        Too large to show: over the {formatBytes(PREVIEW_CAP_BYTES)} preview limit.
      </SizesNotice>
    );
  }
  const image = (run: RunView, className?: string, style?: CSSProperties) => (
    <img
      className={className}
      style={style}
      src={artifactUrl(run.runId, pair.path, { preview: true })}
      alt={`${pair.path} in ${run.name}`}
      onError={() => setFailed((f) => (f.includes(run.runId) ? f : [...f, run.runId]))}
    />
  );

  return (
    <div className="artifact-image-diff">
      <div className="artifact-image-toolbar">
        <div role="group" aria-label="Image view" className="segmented">
          <button type="button" aria-pressed={mode === 'swipe'} onClick={() => setMode('swipe')}>
            Swipe
          </button>
          <button type="button" aria-pressed={mode === 'side'} onClick={() => setMode('side')}>
            Side by side
          </button>
        </div>
        <span className="artifact-diff-size">{sizesText(pair.leftSize, pair.rightSize)}</span>
      </div>
      {failed.length > 0 && (
        <p className="notice notice-error" role="alert">
          The image of{' '}
          {[left, right]
            .filter((r) => failed.includes(r.runId))
            .map((r) => r.name)
            .join(' and ')}{' '}
          could not be loaded.
        </p>
      )}
      {mode === 'side' ? (
        <div className="artifact-image-side">
          {[left, right].map((run) => (
            <figure key={run.runId}>
              {image(run)}
              <figcaption>{run.name}</figcaption>
            </figure>
          ))}
        </div>
      ) : (
        <div className="artifact-swipe">
          <div className="artifact-swipe-stage">
            {image(right)}
            {image(left, 'artifact-swipe-top', { clipPath: `inset(0 ${100 - position}% 0 0)` })}
            <div
              className="artifact-swipe-line"
              style={{ left: `${position}%` }}
              aria-hidden="true"
            />
          </div>
          <label className="artifact-swipe-control">
            <span>{left.name}</span>
            <input
              type="range"
              min={0}
              max={100}
              step={1}
              value={position}
              aria-label={`Swipe between ${left.name} (left) and ${right.name} (right)`}
              aria-valuetext={`${position}% ${left.name}, ${100 - position}% ${right.name}`}
              onChange={(e) => setPosition(Number(e.target.value))}
            />
            <span>{right.name}</span>
          </label>
        </div>
      )}
    </div>
  );
}
