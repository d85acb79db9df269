import { lazy, Suspense } from 'react';
import type { ComponentProps } from 'react';
import { Skeleton } from '@/components/Skeleton';
import { afterTask } from '@/lib/next-task';
import { seriesClient } from '@/workers/series-client';
import type { MetricChart as MetricChartComponent } from './MetricChart';

// recharts and the chart code are their own chunk, fetched when the first chart scrolls into view
// and evaluated in a task of their own: inside the page's chunk, evaluating them made the page's
// start-up one long task. The series worker starts while the chunk downloads.
const MetricChart = lazy(
  afterTask(() => {
    seriesClient.warmUp();
    return import('./MetricChart').then((m) => ({ default: m.MetricChart }));
  }),
);

/** MetricChart, loaded on first use; a skeleton of the chart's height until then. */
export function LazyMetricChart(props: ComponentProps<typeof MetricChartComponent>) {
  return (
    <Suspense
      fallback={
        <div style={{ minHeight: props.height }}>
          <Skeleton rows={4} label={`Loading ${props.metricKey}…`} />
        </div>
      }
    >
      <MetricChart {...props} />
    </Suspense>
  );
}
