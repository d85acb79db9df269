import { useMemo } from 'react';
import type { RunView } from '@/api/runs';
import { useMetricDirections } from '@/hooks/useMetricDirections';
import { bestInColumn } from '@/lib/metric-direction';
import { runFieldId } from '@/lib/run-sort';

/** Metric column id → the runs holding that column's best value. */
export type BestMarks = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The best value of each shown metric column among the loaded runs, by the metric's direction
 * (the experiment's `parallax.metric_direction.*` tag, this browser's choice, or the guess by name;
 * the compare page sets them). A neutral metric has no best; nor does a column where every value
 * ties or only one run has a value, since marking it would say nothing.
 */
export function useBestMarks(
  experimentId: string,
  runs: readonly RunView[],
  metricKeys: readonly string[],
): BestMarks {
  const experimentIds = useMemo(() => [experimentId], [experimentId]);
  const directionOf = useMetricDirections(experimentIds).of;
  return useMemo(() => {
    const marks = new Map<string, Set<string>>();
    for (const key of metricKeys) {
      const values = runs.map((r) => r.metrics.get(key)?.value);
      const best = bestInColumn(values, directionOf(key).direction);
      if (!best || best.candidates < 2 || best.indices.length === best.candidates) continue;
      marks.set(runFieldId('metrics', key), new Set(best.indices.map((i) => runs[i]?.runId ?? '')));
    }
    return marks;
  }, [runs, metricKeys, directionOf]);
}
