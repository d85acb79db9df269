import { EmptyState } from '@/components/EmptyState';
import type { ModelKind } from '@/lib/registry/model-list';

interface ModelListEmptyProps {
  /** The search that found nothing; empty when nothing was searched for. */
  q: string;
  kind: ModelKind;
  onClearSearch: () => void;
}

/** What an empty models list says: that the search matched nothing, or how to register one. */
export function ModelListEmpty({ q, kind, onClearSearch }: ModelListEmptyProps) {
  if (q.trim()) {
    return (
      <EmptyState title={`No ${kind} match "${q.trim()}"`}>
        <button type="button" className="btn" onClick={onClearSearch}>
          Clear search
        </button>
      </EmptyState>
    );
  }
  return kind === 'prompts' ? (
    <EmptyState title="No prompts yet">
      Register one with <code>mlflow.genai.register_prompt</code>.
    </EmptyState>
  ) : (
    <EmptyState title="No registered models yet">
      Register a model from a run with <code>mlflow.register_model</code> or the MLflow client.
    </EmptyState>
  );
}
