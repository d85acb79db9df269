import { ModelsPage } from '@/features/registry/ModelsPage';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';

export function ModelsRoute() {
  useDocumentTitle('Models');
  return <ModelsPage />;
}
