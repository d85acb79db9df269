import { ComparePage } from '@/features/compare/ComparePage';

export function CompareRoute() {
  return <ComparePage />;
}
