import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';

/** Over the plot while nothing can be drawn: a skeleton while loading, else why it failed. */
export function ChartCover({ metricKey, error }: { metricKey: string; error?: unknown }) {
  return (
    <div className="metric-chart-cover">
      {error === undefined ? (
        <Skeleton rows={4} label={`Loading ${metricKey}…`} />
      ) : (
        <ErrorNotice error={error} title={`Could not load ${metricKey}`} />
      )}
    </div>
  );
}
