// Whether the runs table fetches its next page by itself, waits for "Load more", or does nothing.

export interface PagingState {
  hasNextPage: boolean;
  /** A page is on its way. */
  isFetchingNextPage: boolean;
  /** The last next-page request failed: its error notice offers the retry. */
  isFetchNextPageError: boolean;
  /** The pages shown belong to the previous search while a new one loads. */
  isPlaceholderData: boolean;
  /** Runs loaded so far. */
  loaded: number;
  /** Pages keep coming on their own until this many runs are loaded. */
  limit: number;
}

export type NextPageAction = 'auto' | 'click' | 'none';

/**
 * Below the limit the next page loads on its own; at or past it a click loads one page, and since
 * the count stays past the limit afterwards, the page after that needs another click. Nothing
 * happens while a page is in flight, after a failed page, or over a previous search's pages.
 */
export function nextPageAction(s: PagingState): NextPageAction {
  if (!s.hasNextPage || s.isFetchingNextPage || s.isFetchNextPageError || s.isPlaceholderData)
    return 'none';
  return s.loaded < s.limit ? 'auto' : 'click';
}
