import { useParams } from 'react-router';
import type { RunView } from '@/api/runs';
import { ExperimentCharts } from '@/features/charts/ExperimentCharts';
import { PromotionPage } from '@/features/registry/PromotionPage';

// The two source runs' curves are the charts feature's overlaid charts, composed here because
// features never import each other (as the compare page does).
const curves = (runs: readonly RunView[]) => <ExperimentCharts runs={runs} />;

export function PromotionRoute() {
  const { name = '' } = useParams();
  return <PromotionPage key={name} name={name} curves={curves} />;
}
