// The metric-across-versions chart: one point per version, at its source run's latest value of
// the chosen metric, named with the version's aliases. Versions without a source run, or whose
// run did not log the metric (or logged a non-finite value), are counted, not plotted.
import type { ScatterPoint } from '../run-diff/scatter-points';

export interface VersionInput {
  version: string;
  run_id?: string | undefined;
  aliases?: readonly string[] | undefined;
}

export interface RunMetrics {
  metrics: ReadonlyMap<string, { value: number }>;
}

/** Every metric any version's source run logged, sorted. */
export function versionMetricKeys(
  versions: readonly VersionInput[],
  runs: ReadonlyMap<string, RunMetrics>,
): string[] {
  const keys = new Set<string>();
  for (const v of versions)
    for (const key of runs.get(v.run_id ?? '')?.metrics.keys() ?? []) keys.add(key);
  return [...keys].sort();
}

/**
 * The points (`runId` holds the version, so a click opens it; x is the version number) and how
 * many versions have no value to plot.
 */
export function versionMetricPoints(
  versions: readonly VersionInput[],
  runs: ReadonlyMap<string, RunMetrics>,
  metric: string,
): { points: ScatterPoint[]; missing: number } {
  const points: ScatterPoint[] = [];
  let missing = 0;
  for (const v of versions) {
    const value = runs.get(v.run_id ?? '')?.metrics.get(metric)?.value;
    if (value === undefined || !Number.isFinite(value)) {
      missing++;
      continue;
    }
    const aliases = (v.aliases ?? []).map((a) => ` @${a}`).join('');
    points.push({
      runId: v.version,
      name: `v${v.version}${aliases}`,
      x: Number(v.version),
      y: value,
    });
  }
  points.sort((a, b) => a.x - b.x);
  return { points, missing };
}
