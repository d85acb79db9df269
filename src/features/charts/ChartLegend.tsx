import type { ChartRun } from './chart-types';

interface ChartLegendProps {
  runs: readonly ChartRun[];
  colors: ReadonlyMap<string, string>;
  hidden: ReadonlySet<string>;
  onToggle: (runId: string) => void;
}

/** One toggle button per run: pressed means drawn. */
export function ChartLegend({ runs, colors, hidden, onToggle }: ChartLegendProps) {
  return (
    <ul className="metric-chart-legend" aria-label="Runs">
      {runs.map((r) => (
        <li key={r.runId}>
          <button
            type="button"
            aria-pressed={!hidden.has(r.runId)}
            onClick={() => onToggle(r.runId)}
            title={hidden.has(r.runId) ? `Show ${r.name}` : `Hide ${r.name}`}
          >
            <span className="metric-chart-swatch" style={{ background: colors.get(r.runId) }} />
            {r.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
