interface RunsFooterProps {
  loaded: number;
  /** Every page is here (no next page token). */
  complete: boolean;
  /** Pages are arriving on their own. */
  autoLoading: boolean;
  /** A new sort, filter or refresh is on its way; the rows shown are the previous ones. */
  updating: boolean;
  /** Automatic loading stopped at its limit: the next page needs a click. */
  canLoadMore: boolean;
  onLoadMore: () => void;
}

const count = (n: number) => n.toLocaleString('en');

/** The loaded-runs count, announced politely as it grows; MLflow gives no total until the last page. */
export function RunsFooter(props: RunsFooterProps) {
  const { loaded, complete, autoLoading, updating, canLoadMore, onLoadMore } = props;
  const noun = loaded === 1 ? 'run' : 'runs';
  return (
    <div className="runs-footer">
      <p className="runs-count" aria-live="polite">
        {count(loaded)} {noun} loaded
        {!complete && autoLoading && <span className="runs-loading-more"> · loading more…</span>}
        {!complete && !autoLoading && !updating && ' · more available'}
        {updating && <span className="runs-updating"> · updating…</span>}
      </p>
      {canLoadMore && (
        <button type="button" className="btn" onClick={onLoadMore}>
          Load more runs
        </button>
      )}
    </div>
  );
}
