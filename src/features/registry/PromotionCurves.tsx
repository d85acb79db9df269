import type { RunView } from '@/api/runs';
import type { Curves } from './PromotionPage';
import type { PromotionSide } from './usePromotionRuns';

/**
 * The run as the chart reads it: named by its version and role, then its own name (the legend),
 * with only its metrics logged over steps. A metric logged once (a final score) is no curve, and
 * the chart would open on the first metric by name, often such a score.
 */
const labelled = (side: PromotionSide): RunView | undefined =>
  side.run && {
    ...side.run,
    name: `v${side.version?.version ?? '?'} ${side.role} · ${side.run.name}`,
    metrics: new Map([...side.run.metrics].filter(([, m]) => m.step > 0)),
  };

/** The two source runs' training curves overlaid (the champion first, so it keeps one colour). */
export function PromotionCurves({
  champion,
  candidate,
  curves,
}: {
  champion: PromotionSide;
  candidate: PromotionSide;
  curves?: Curves | undefined;
}) {
  const runs = [labelled(champion), labelled(candidate)].filter(
    (r, i, all): r is RunView =>
      r !== undefined && all.findIndex((o) => o?.runId === r.runId) === i,
  );
  return (
    <section className="detail-section" aria-labelledby="promotion-curves-title">
      <h2 id="promotion-curves-title">Training curves</h2>
      {runs.length === 0 ? (
        <p className="detail-section-empty">Neither version has a source run to draw.</p>
      ) : runs.every((r) => r.metrics.size === 0) ? (
        <p className="detail-section-empty">
          Neither source run logged a metric over steps: there is no curve to draw.
        </p>
      ) : (
        <>
          {runs.length === 1 && champion.run && candidate.run && (
            <p className="detail-section-empty">Both versions come from the same run.</p>
          )}
          {curves?.(runs)}
        </>
      )}
    </section>
  );
}
