import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { metricQueries } from '@/api/queries/metrics';
import { sparklinePath } from '@/lib/chart-path';
import { sparklinePoints } from '@/lib/chart-points';
import { runColor } from '@/lib/run-colors';
import { useSeen } from './useSeen';
import './charts.css';

const WIDTH = 96;
const HEIGHT = 20;
/** The line is drawn 1 px inside the box on every side (the stroke's half-width stays in). */
const INSET = 1;
const POINTS = sparklinePoints(WIDTH - 2 * INSET);

type SparklineState = 'waiting' | 'loading' | 'error' | 'empty' | 'drawn';

/**
 * A tiny line of a metric's whole history beside its latest value, from Parallax's series endpoint:
 * M4 at one column per pixel, so every spike and dip reaches its y (MLflow's ~100-point sample
 * skips them). Same query factory as the charts, so an equal ask is one cache entry and a refresh
 * of the run's charts refreshes it too; the server reads each history from MLflow once for both.
 * Fetched only once its row comes into view: a run can have hundreds of metrics.
 */
export function MetricSparkline({ runId, metricKey }: { runId: string; metricKey: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const seen = useSeen(ref);
  const { data: series, error } = useQuery({
    ...metricQueries.series({ runId, key: metricKey, points: POINTS }),
    enabled: seen,
  });

  let state: SparklineState;
  let body = null;
  // A refresh that failed keeps the line it had: the older line is still true up to its time.
  if (series) {
    state = series.step.length < 2 ? 'empty' : 'drawn';
  } else if (error) {
    state = 'error';
  } else {
    state = seen ? 'loading' : 'waiting';
  }
  if (state === 'drawn' && series) {
    // Non-finite and out-of-range values lift the pen; none reaches the attribute (chart-path.ts).
    const d = sparklinePath(series.step, series.value, WIDTH - 2 * INSET, HEIGHT - 2 * INSET);
    body = (
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${metricKey} history`}
      >
        <path
          d={d}
          transform={`translate(${INSET} ${INSET})`}
          fill="none"
          stroke={runColor(runId)}
          strokeWidth={1.25}
        />
      </svg>
    );
  } else if (state === 'error') {
    const reason = error instanceof Error ? error.message : String(error);
    body = (
      <span
        className="metric-sparkline-error"
        role="img"
        aria-label={`${metricKey} history not loaded`}
        title={`History not loaded: ${reason}`}
      >
        not loaded
      </span>
    );
  } else if (state === 'loading') {
    body = <span className="metric-sparkline-loading skeleton-line" aria-hidden="true" />;
  }
  return (
    <span
      ref={ref}
      className="metric-sparkline"
      data-state={state}
      data-points={series?.step.length}
      aria-hidden={body === null || state === 'loading' ? true : undefined}
    >
      {body}
    </span>
  );
}
