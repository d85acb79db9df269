import type { StepWindow } from '@/api/metrics';

interface ChartBadgeProps {
  summary: { drawnPoints: number; rawCount: number | null; source: string; exact: boolean };
  window: StepWindow | undefined;
}

/** "2,048 of 1,000,000 points · full fidelity": how much of the data the chart shows, and how. */
export function ChartBadge({ summary, window }: ChartBadgeProps) {
  const drawn = summary.drawnPoints.toLocaleString('en');
  const count =
    summary.rawCount === null
      ? `${drawn} points`
      : `${drawn} of ${summary.rawCount.toLocaleString('en')} points`;
  // Exact first: MLflow's answer holds every logged point when it returned fewer than it could
  // (a short run, or a zoom window of a few thousand steps), so no spike can be missing from it.
  const how = summary.exact
    ? 'exact'
    : summary.source === 'sampled'
      ? 'sampled'
      : 'full fidelity (min/max kept)';
  const title = summary.exact
    ? 'Every logged point in this window is drawn'
    : summary.source === 'sampled'
      ? "MLflow's evenly spaced sample: spikes between samples may be missing until the full series arrives"
      : 'Every spike is kept: each pixel column keeps its minimum and maximum; the band shows merged points';
  return (
    <span className={`metric-chart-badge metric-chart-badge-${how.split(' ')[0]}`} title={title}>
      {count} · {how}
      {window &&
        ` · steps ${window.startStep.toLocaleString('en')}–${window.endStep.toLocaleString('en')}`}
    </span>
  );
}
