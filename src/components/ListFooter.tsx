interface ListFooterProps {
  count: number;
  /** Singular and plural, e.g. ['model', 'models']. */
  noun: readonly [string, string];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** The loaded count of a paged list and its "Load more" button while MLflow has more pages. */
export function ListFooter({ count, noun, hasMore, loadingMore, onLoadMore }: ListFooterProps) {
  return (
    <div className="list-footer">
      <span className="list-count" aria-live="polite">
        {count} {count === 1 ? noun[0] : noun[1]}
        {hasMore && ', more available'}
      </span>
      {hasMore && (
        <button type="button" className="btn" disabled={loadingMore} onClick={onLoadMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
