import { useQuery } from '@tanstack/react-query';
import { metricQueries } from '@/api/queries/metrics';
import { extent } from '@/lib/chart-points';
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
  const xs = extent([series.step]) ?? [0, 1];
  const ys = extent([series.value]) ?? [0, 1];
  const sx = (x: number) => ((x - xs[0]) / (xs[1] - xs[0] || 1)) * (WIDTH - 2) + 1;
  const sy = (y: number) => HEIGHT - 1 - ((y - ys[0]) / (ys[1] - ys[0] || 1)) * (HEIGHT - 2);
  let d = '';
  let pen = false;
  for (let i = 0; i < series.step.length; i++) {
    const y = series.value[i] as number;
    if (!Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(series.step[i] as number).toFixed(1)},${sy(y).toFixed(1)}`;
    pen = true;
  }
  return (
    <svg
      className="metric-sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${metricKey} history`}
    >
      <path d={d} fill="none" stroke={runColor(runId)} strokeWidth={1.25} />
    </svg>
  );
}
