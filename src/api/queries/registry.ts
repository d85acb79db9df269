import { infiniteQueryOptions } from '@tanstack/react-query';
import { searchRegisteredModels, type SearchRegisteredModelsParams } from '../registry';

export type ModelListParams = Omit<SearchRegisteredModelsParams, 'pageToken' | 'maxResults'>;

const PAGE_SIZE = 100;
const all = ['registry'] as const;

export const registryQueries = {
  /** Root key: invalidating it refreshes everything about registered models and versions. */
  all,
  models: (params: ModelListParams) =>
    infiniteQueryOptions({
      queryKey: [...all, 'models', params] as const,
      queryFn: ({ pageParam, signal }) =>
        searchRegisteredModels({ ...params, maxResults: PAGE_SIZE, pageToken: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.next_page_token || undefined,
    }),
};
