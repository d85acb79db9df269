import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import type { PromotionSide } from './usePromotionRuns';

function VersionCard({ side, stages }: { side: PromotionSide; stages: boolean }) {
  const mv = side.version;
  return (
    <div className={`promotion-card is-${side.role}`} role="group" aria-label={`The ${side.role}`}>
      <span className="promotion-card-role">{side.role}</span>
      {mv ? (
        <>
          <Link
            className="promotion-card-version"
            to={paths.modelVersion.href(mv.name, mv.version)}
          >
            v{mv.version}
          </Link>
          <span className="promotion-card-meta">
            {stages && <span>{mv.current_stage ?? 'None'}</span>}
            {(mv.aliases ?? []).map((a) => (
              <span key={a} className="chip chip-alias">
                @{a}
              </span>
            ))}
          </span>
          {side.run ? (
            <Link className="cell-mono break-anywhere" to={paths.runById.href(side.run.runId)}>
              {side.run.name}
            </Link>
          ) : (
            <span className="cell-mono">{mv.run_id ? mv.run_id.slice(0, 8) : 'no source run'}</span>
          )}
        </>
      ) : (
        <span className="promotion-card-meta">none</span>
      )}
    </div>
  );
}

/** The champion and the candidate, each with its stage, aliases and source run. */
export function PromotionSummary({
  champion,
  candidate,
  stages,
}: {
  champion: PromotionSide;
  candidate: PromotionSide;
  stages: boolean;
}) {
  return (
    <div className="promotion-summary">
      <VersionCard side={champion} stages={stages} />
      <span className="promotion-arrow" aria-hidden="true">
        →
      </span>
      <VersionCard side={candidate} stages={stages} />
    </div>
  );
}
