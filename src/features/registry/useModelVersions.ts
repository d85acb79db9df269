import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { configQueries } from '@/api/queries/config';
import { registryQueries } from '@/api/queries/registry';
import type { ModelVersion } from '@/api/types';
import { newestFirst, withAliases } from '@/lib/registry/versions';

/**
 * Every version of the model, newest first, each with its aliases: MLflow's version search leaves
 * them out, so they come from the model's own answer (withAliases). The versions query is returned
 * for its loading and error states.
 *
 * With `newestFirst`, the newest versions alone stand in while the full list loads (`partial`): a
 * model with hundreds of versions paints its first rows without waiting for all of them. Not on
 * Unity Catalog, whose search takes no order.
 */
export function useModelVersions(name: string, options: { newestFirst?: boolean } = {}) {
  const query = useQuery(registryQueries.versions(name));
  const config = useQuery(configQueries.detail());
  const newest = useQuery({
    ...registryQueries.newestVersions(name),
    // Unity Catalog's search takes no order: there the full list is the first one.
    enabled:
      options.newestFirst === true &&
      query.data === undefined &&
      config.data?.registry === 'workspace',
  });
  const model = useQuery(registryQueries.model(name));
  const partial = query.isPending && newest.data !== undefined;
  const source = query.data ?? (partial ? newest.data : undefined);
  const versions = useMemo<ModelVersion[]>(
    () => (source ? newestFirst(withAliases(source, model.data?.aliases ?? [])) : []),
    [source, model.data],
  );
  return { query, versions, partial };
}
