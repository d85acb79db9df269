import type { ReactNode } from 'react';
import type { RunView } from '@/api/runs';
import type { DiffRunInput, DiffRow } from '@/lib/run-diff/diff-model';
import { CompareScatter } from './CompareScatter';

interface CompareChartsProps {
  /** In column order (the baseline first), so each run keeps the table's colour. */
  runs: readonly RunView[];
  /** The same runs with the step choice's metric values. */
  inputs: readonly DiffRunInput[];
  paramRows: readonly DiffRow[];
  metricKeys: readonly string[];
  colors: ReadonlyMap<string, string>;
  /**
   * The chosen metrics' curves, overlaid: the app passes the charts feature's own view here, as
   * features never import each other.
   */
  curves?: ((runs: readonly RunView[]) => ReactNode) | undefined;
}

/** Below the diff: the runs' curves, and a scatter of any two params or metrics. */
export function CompareCharts({
  runs,
  inputs,
  paramRows,
  metricKeys,
  colors,
  curves,
}: CompareChartsProps) {
  const named = inputs.map((input, i) => ({ ...input, name: runs[i]?.name ?? input.runId }));
  return (
    <section className="compare-charts" aria-labelledby="compare-charts-title">
      <h2 id="compare-charts-title">Charts</h2>
      {curves?.(runs)}
      <h3>Scatter</h3>
      <CompareScatter runs={named} paramRows={paramRows} metricKeys={metricKeys} colors={colors} />
    </section>
  );
}
