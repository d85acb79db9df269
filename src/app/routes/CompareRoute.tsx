import type { RunView } from '@/api/runs';
import { ExperimentCharts } from '@/features/charts/ExperimentCharts';
import { ComparePage } from '@/features/compare/ComparePage';

// The compare page's curves are the charts feature's overlaid charts, composed here because
// features never import each other. Same runs, same order: each keeps the table's colour.
const curves = (runs: readonly RunView[]) => <ExperimentCharts runs={runs} />;

export function CompareRoute() {
  return <ComparePage curves={curves} />;
}
