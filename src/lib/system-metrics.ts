// MLflow's system-metrics logging (CPU, GPU, memory, disk, network) names every metric it logs
// `system/<name>`, or `system/<node>/<name>` when several nodes log into one run. The run page
// shows them apart from the metrics the run's own code logged.

/** The prefix MLflow's system-metrics monitor puts before every metric it logs. */
export const SYSTEM_METRIC_PREFIX = 'system/';

/**
 * Whether `key` is one of MLflow's system metrics. Case-sensitive, as MLflow writes the prefix: a
 * run's own `System/…` or `systems/…` metric stays with the others. A bare `system/` is in MLflow's
 * namespace too; only the monitor writes there.
 */
export function isSystemMetric(key: string): boolean {
  return key.startsWith(SYSTEM_METRIC_PREFIX);
}

/** The items split into the run's own metrics and MLflow's system metrics, each kept in order. */
export function splitSystemMetrics<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string,
): { own: T[]; system: T[] } {
  const own: T[] = [];
  const system: T[] = [];
  for (const item of items) (isSystemMetric(keyOf(item)) ? system : own).push(item);
  return { own, system };
}
