import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';

/** A search the list will not send (a broken filter, or one the registry cannot take). */
export function RefusedSearch({
  title,
  onClearSearch,
}: {
  title: string;
  onClearSearch: () => void;
}) {
  return (
    <EmptyState title={title}>
      <button type="button" className="btn" onClick={onClearSearch}>
        Clear search
      </button>
    </EmptyState>
  );
}

/** The models list before its first page: loading, or MLflow's error with a retry. */
export function ModelListNotLoaded({
  query,
}: {
  query: { isError: boolean; error: Error | null; refetch: () => unknown };
}) {
  if (!query.isError) return <Skeleton rows={6} label="Loading models…" />;
  return (
    <ErrorNotice
      error={query.error}
      title="Could not load registered models"
      onRetry={() => void query.refetch()}
    />
  );
}
