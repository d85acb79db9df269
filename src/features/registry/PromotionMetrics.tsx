import { useMemo } from 'react';
import { DirectionLocalNote } from '@/components/DirectionLocalNote';
import { DirectionMenu } from '@/components/DirectionMenu';
import { useMetricDirections } from '@/hooks/useMetricDirections';
import { formatMetric } from '@/lib/format';
import type { Delta, EffectiveDirection } from '@/lib/metric-direction';
import { metricRows } from '@/lib/registry/promotion';
import { deltaText } from '@/lib/run-diff/delta-text';
import { DirectionScope } from './DirectionScope';
import type { PromotionSide } from './usePromotionRuns';

const VERDICT_WORDS: Partial<Record<Delta['verdict'], string>> = {
  better: 'better',
  worse: 'worse',
};

function directionHint({ direction, source }: EffectiveDirection): string {
  if (direction === 'neutral') return 'no direction';
  const way = direction === 'min' ? 'lower is better' : 'higher is better';
  return source === 'tag' ? way : `${way} (${source === 'guess' ? 'guessed' : 'this browser'})`;
}

const value = (n: number | undefined) => (n === undefined ? '—' : formatMetric(n));

/**
 * The source runs' latest metrics side by side, the candidate's change against the champion
 * colored by each metric's direction: the experiment's `parallax.metric_direction.*` tags (the
 * candidate's experiment first), else this browser's choice, else the guess by name. A direction
 * is chosen here as on the compare page, and written to both source runs' experiments.
 */
export function PromotionMetrics({
  champion,
  candidate,
}: {
  champion: PromotionSide;
  candidate: PromotionSide;
}) {
  const first = candidate.run?.experimentId;
  const second = champion.run?.experimentId;
  // Memoized: the directions hook re-reads this browser's choices whenever the array changes.
  const experiments = useMemo(
    () => [...new Set([first, second].filter((id): id is string => !!id))],
    [first, second],
  );
  const directions = useMetricDirections(experiments);
  const rows = useMemo(
    () => metricRows(champion.run?.metrics, candidate.run?.metrics, directions.of),
    [champion.run, candidate.run, directions.of],
  );
  const head = (side: PromotionSide) => `v${side.version?.version ?? '?'} (${side.role})`;
  return (
    <section className="detail-section" aria-labelledby="promotion-metrics-title">
      <h2 id="promotion-metrics-title">Metrics</h2>
      {rows.length > 0 && <DirectionScope experimentIds={experiments} />}
      <DirectionLocalNote localOnly={directions.localOnly} />
      {rows.length === 0 ? (
        <p className="detail-section-empty">No metrics to compare.</p>
      ) : (
        <table className="data-table promotion-table" aria-label="Metrics">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col" className="is-numeric">
                {head(champion)}
              </th>
              <th scope="col" className="is-numeric">
                {head(candidate)}
              </th>
              <th scope="col" className="is-numeric">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const words = VERDICT_WORDS[row.delta.verdict];
              return (
                <tr key={row.key} data-verdict={row.delta.verdict}>
                  <th scope="row" className="promotion-key">
                    <span className="promotion-key-line">
                      <span className="break-anywhere">{row.key}</span>
                      <DirectionMenu
                        metric={row.key}
                        current={row.direction}
                        disabled={directions.saving}
                        onChoose={(d) => directions.choose(row.key, d)}
                      />
                    </span>
                    <span className="promotion-direction">{directionHint(row.direction)}</span>
                  </th>
                  <td className="is-numeric">{value(row.champion)}</td>
                  <td className="is-numeric">{value(row.candidate)}</td>
                  <td className="is-numeric">
                    {row.delta.verdict !== 'incomparable' && (
                      <span className={`promotion-delta is-${row.delta.verdict}`}>
                        {deltaText(row.delta)}
                        {words && <span className="visually-hidden">, {words}</span>}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
