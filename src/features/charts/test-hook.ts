// TEST HOOK (for e2e tests and `npm run bench`, not for app code; imported only through
// published-series.ts, so production builds leave it out): every MetricChart publishes
// what it draws as `window.__parallaxCharts["<runId>:<metric key>"]` = { steps, values, source,
// exact }, the raw (unsmoothed) points of the current window, updated on every draw. Reading the
// SVG path instead would tie tests to pixel rounding.
import { useLayoutEffect } from 'react';
import type { SeriesSource } from '@/workers/protocol';
import type { DrawnRun } from './chart-types';

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

/** Publishes the runs as drawn now; a layout effect, so it changes with the chart's data-* attributes. */
export function usePublishedSeries(runs: readonly DrawnRun[]): void {
  useLayoutEffect(() => {
    for (const r of runs) {
      publishDrawnSeries(r.runId, r.series.key, {
        steps: Array.from(r.series.step),
        values: Array.from(r.series.value),
        source: r.series.source,
        exact: r.series.exact,
      });
    }
  }, [runs]);
}
