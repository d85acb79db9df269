import { ExperimentsPage } from '@/features/experiments/ExperimentsPage';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';

export function ExperimentsRoute() {
  useDocumentTitle('Experiments');
  return <ExperimentsPage />;
}
