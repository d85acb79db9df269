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
  const how =
    summary.source === 'sampled'
      ? 'sampled'
      : summary.exact
        ? 'exact'
        : 'full fidelity (min/max kept)';
  const title =
    summary.source === 'sampled'
      ? "MLflow's evenly spaced sample: spikes between samples may be missing until the full series arrives"
      : summary.exact
        ? 'Every logged point in this window is drawn'
        : 'Every spike is kept: each pixel column keeps its minimum and maximum; the band shows merged points';
  return (
    <span className={`metric-chart-badge metric-chart-badge-${how.split(' ')[0]}`} title={title}>
      {count} · {how}
      {window &&
        ` · steps ${window.startStep.toLocaleString('en')}–${window.endStep.toLocaleString('en')}`}
    </span>
  );
}
