import { EmptyState } from '@/components/EmptyState';

/** What the Models view says on a server without logged models (MLflow 2.x). */
export function LoggedModelsUnsupported() {
  return (
    <EmptyState title="This MLflow server has no logged models">
      Logged models came with MLflow 3, and this server does not know them (it answers 404 to{' '}
      <code>logged-models/search</code>). Models logged here live in their runs&apos; artifacts.
    </EmptyState>
  );
}
