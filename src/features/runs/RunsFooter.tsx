interface RunsFooterProps {
  loaded: number;
  hasMore: boolean;
  loadingMore: boolean;
  /** A new sort or a refresh is on its way; the rows shown are the previous ones. */
  updating: boolean;
  onLoadMore: () => void;
}

/** The loaded-runs count (announced politely as it grows) and the button for the next page. */
export function RunsFooter({
  loaded,
  hasMore,
  loadingMore,
  updating,
  onLoadMore,
}: RunsFooterProps) {
  const noun = loaded === 1 ? 'run' : 'runs';
  return (
    <div className="runs-footer">
      <p className="runs-count" aria-live="polite">
        {loaded.toLocaleString('en')} {noun} loaded{hasMore ? ' · more available' : ''}
        {updating && <span className="runs-updating"> · updating…</span>}
      </p>
      {hasMore && (
        <button
          type="button"
          className="btn"
          onClick={onLoadMore}
          disabled={loadingMore}
          aria-busy={loadingMore || undefined}
        >
          Load more runs
        </button>
      )}
      {loadingMore && (
        <span className="runs-loading-more" role="status">
          Loading…
        </span>
      )}
    </div>
  );
}
