import { useQuery } from '@tanstack/react-query';
import { configQueries } from '@/api/queries/config';
import {
  versionFileQueries,
  versionFilesReadable,
  type VersionRef,
} from '@/api/queries/model-version-files';

// Stands in for "no version" so the hook is called unconditionally; never fetched (disabled).
const NO_VERSION: VersionRef = { name: '', version: '', source: undefined };

/**
 * A version's MLmodel, read once the backend is known: where its files are not readable from
 * Parallax (Databricks), the answer says so without asking, rather than reading as "no MLmodel".
 */
export function useVersionMlModel(mv: VersionRef | undefined, enabled = true) {
  const config = useQuery(configQueries.detail());
  const ref = mv ?? NO_VERSION;
  const readable = config.data === undefined || versionFilesReadable(ref, config.data.backend);
  return useQuery({
    ...versionFileQueries.mlModel(ref, readable),
    enabled: enabled && mv !== undefined && config.isSuccess,
  });
}
