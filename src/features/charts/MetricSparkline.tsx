import { useQuery } from '@tanstack/react-query';
import { metricQueries } from '@/api/queries/metrics';
import { sparklinePath } from '@/lib/chart-path';
import { runColor } from '@/lib/run-colors';

const WIDTH = 96;
const HEIGHT = 20;
const POINTS = 100;

/**
 * A tiny line of a metric's history beside its latest value: MLflow's ~100-point sample is
 * enough at this size, and a hand-built path is far cheaper than a chart per table row.
 */
export function MetricSparkline({ runId, metricKey }: { runId: string; metricKey: string }) {
  const { data } = useQuery(
    metricQueries.sampled({ runIds: [runId], key: metricKey, points: POINTS, maxResults: POINTS }),
  );
  const series = data?.[0];
  if (!series || series.step.length < 2) {
    return <span className="metric-sparkline metric-sparkline-empty" aria-hidden="true" />;
  }
  // Non-finite and out-of-range values lift the pen; none reaches the attribute (chart-path.ts).
  const d = sparklinePath(series.step, series.value, WIDTH - 2, HEIGHT - 2);
  return (
    <svg
      className="metric-sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${metricKey} history`}
    >
      <path
        d={d}
        transform="translate(1 1)"
        fill="none"
        stroke={runColor(runId)}
        strokeWidth={1.25}
      />
    </svg>
  );
}
