// TEST HOOK (for e2e tests and `npm run bench`, not for app code): every MetricChart publishes
// what it draws as `window.__parallaxCharts["<runId>:<metric key>"]` = { steps, values, source,
// exact }, the raw (unsmoothed) points of the current window, updated on every draw. Reading the
// SVG path instead would tie tests to recharts' output.
import type { SeriesSource } from '@/workers/protocol';

export interface DrawnSeriesHook {
  steps: number[];
  values: number[];
  source: SeriesSource;
  exact: boolean;
}

declare global {
  interface Window {
    __parallaxCharts?: Record<string, DrawnSeriesHook>;
  }
}

export function publishDrawnSeries(runId: string, key: string, hook: DrawnSeriesHook): void {
  const registry = (window.__parallaxCharts ??= {});
  registry[`${runId}:${key}`] = hook;
}
