import { describe, expect, it } from 'vitest';
import { nextPageAction } from './runs-paging';
import type { PagingState } from './runs-paging';

const LIMIT = 50_000;
const state = (patch: Partial<PagingState> = {}): PagingState => ({
  hasNextPage: true,
  isFetchingNextPage: false,
  isFetchNextPageError: false,
  isPlaceholderData: false,
  loaded: 1_100,
  limit: LIMIT,
  ...patch,
});

describe('nextPageAction', () => {
  it('loads the next page by itself below the limit', () => {
    expect(nextPageAction(state({ loaded: 0 }))).toBe('auto');
    expect(nextPageAction(state({ loaded: LIMIT - 1 }))).toBe('auto');
  });

  it('waits for a click at and above the limit', () => {
    expect(nextPageAction(state({ loaded: LIMIT }))).toBe('click');
    expect(nextPageAction(state({ loaded: LIMIT + 999 }))).toBe('click');
  });

  it('does nothing once every page is loaded', () => {
    expect(nextPageAction(state({ hasNextPage: false, loaded: 10 }))).toBe('none');
    expect(nextPageAction(state({ hasNextPage: false, loaded: LIMIT + 10 }))).toBe('none');
  });

  it('does not load after a failed page, over placeholder pages or while a page is in flight', () => {
    for (const loaded of [10, LIMIT + 10]) {
      expect(nextPageAction(state({ loaded, isFetchNextPageError: true }))).toBe('none');
      expect(nextPageAction(state({ loaded, isPlaceholderData: true }))).toBe('none');
      expect(nextPageAction(state({ loaded, isFetchingNextPage: true }))).toBe('none');
    }
  });

  it('a click past the limit loads exactly one more page', () => {
    // The click: one page goes out, and nothing else is asked for while it is in flight.
    expect(nextPageAction(state({ loaded: LIMIT }))).toBe('click');
    expect(nextPageAction(state({ loaded: LIMIT, isFetchingNextPage: true }))).toBe('none');
    // The page arrived: the table waits for the next click instead of loading on.
    expect(nextPageAction(state({ loaded: LIMIT + 1_000 }))).toBe('click');
  });

  it('keeps loading by itself when a page crosses the limit only on arrival', () => {
    // 49,100 loaded: auto; the 1,000-run page lands at 50,100, and from there a click is needed.
    expect(nextPageAction(state({ loaded: LIMIT - 900 }))).toBe('auto');
    expect(nextPageAction(state({ loaded: LIMIT + 100 }))).toBe('click');
  });
});
