import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { readRunSort, writeRunSort } from '@/lib/run-sort';
import type { RunSort } from '@/lib/run-sort';

/** The table's sort, kept in the URL (`?sort=metrics.accuracy&dir=desc`) so a reload or a link reproduces it. */
export function useRunsSort(): [RunSort, (sort: RunSort) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const sort = readRunSort(searchParams);
  const setSort = useCallback(
    // Replace, not push: a trail of header clicks should not fill the back button.
    (next: RunSort) => setSearchParams((prev) => writeRunSort(prev, next), { replace: true }),
    [setSearchParams],
  );
  return [sort, setSort];
}
