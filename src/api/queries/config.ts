import { queryOptions } from '@tanstack/react-query';
import { getConfig } from '../config';

const all = ['config'] as const;

export const configQueries = {
  all,
  // The backend does not change while the page is open.
  detail: () =>
    queryOptions({
      queryKey: [...all, 'detail'] as const,
      queryFn: ({ signal }) => getConfig(signal),
      staleTime: Infinity,
      // Answered by Parallax itself: its success says nothing about whether MLflow is up.
      meta: { reachesMlflow: false },
    }),
};
