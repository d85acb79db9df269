import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { registryQueries } from '@/api/queries/registry';
import type { ModelVersion } from '@/api/types';
import { newestFirst, withAliases } from '@/lib/registry/versions';

/**
 * Every version of the model, newest first, each with its aliases: MLflow's version search leaves
 * them out, so they come from the model's own answer (withAliases). The versions query is returned
 * for its loading and error states.
 */
export function useModelVersions(name: string) {
  const query = useQuery(registryQueries.versions(name));
  const model = useQuery(registryQueries.model(name));
  const versions = useMemo<ModelVersion[]>(
    () => (query.data ? newestFirst(withAliases(query.data, model.data?.aliases ?? [])) : []),
    [query.data, model.data],
  );
  return { query, versions };
}
