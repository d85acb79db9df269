import { queryOptions } from '@tanstack/react-query';
import { decodeArtifactText } from '@/lib/artifact-text';
import { mlModelFromBytes, runsSource, type VersionMlModel } from '@/lib/registry/signature';
import { fetchModelVersionBytes, type VersionFiles } from '../artifacts';
import type { ModelVersion, ParallaxConfig } from '../types';

/** What reading a version's files needs to know of it. */
export type VersionRef = Pick<ModelVersion, 'name' | 'version' | 'source'>;

// An MLmodel is a few KB; one a thousand times larger is not a file this page should parse.
const MLMODEL_BYTES = 1024 * 1024;
const EXAMPLE_BYTES = 256 * 1024;
// A version's files never change: kept for the page's life, and refetched by nothing.
const FILE_CACHE = { staleTime: Infinity, gcTime: 10 * 60_000 } as const;

/**
 * Whether Parallax can read the version's own files on this backend. On Databricks a version's
 * files (a Unity Catalog version's storage location, behind temporary cloud credentials) have no
 * route Parallax can read, MLflow's get-artifact being the open-source server's; a `runs:/` source
 * is read from its run, which Databricks serves.
 */
export const versionFilesReadable = (mv: VersionRef, backend: ParallaxConfig['backend']) =>
  backend !== 'databricks' || runsSource(mv.source) !== undefined;

const NOT_READABLE: VersionMlModel = {
  state: 'unreadable',
  reason:
    "On Databricks, a model version's own files are not readable from Parallax, so its signature is not shown here. Its source run's artifacts are, on the run's page.",
};

const filesOf = (mv: VersionRef): VersionFiles => {
  const run = runsSource(mv.source);
  return run ? { kind: 'run', ...run } : { kind: 'version', name: mv.name, version: mv.version };
};

/**
 * A model version's own files (its MLmodel and input example), read through Parallax's artifact
 * endpoint. Their root is not the registry's: a registry write refreshes everything under
 * `registryQueries.all`, which would read every MLmodel on screen again for nothing.
 */
export const versionFileQueries = {
  all: ['model-version-files'] as const,

  /** The version's MLmodel: its signature and input example, or why there is none to show. */
  mlModel: (mv: VersionRef, readable = true) =>
    queryOptions({
      queryKey: [
        ...versionFileQueries.all,
        mv.name,
        mv.version,
        mv.source ?? '',
        readable ? 'MLmodel' : 'MLmodel (not readable)',
      ] as const,
      // Where the files are not readable (versionFilesReadable), said at once, asking nothing.
      queryFn: async ({ signal }): Promise<VersionMlModel> =>
        readable
          ? mlModelFromBytes(
              await fetchModelVersionBytes(filesOf(mv), 'MLmodel', { head: MLMODEL_BYTES }, signal),
              MLMODEL_BYTES,
            )
          : NOT_READABLE,
      ...FILE_CACHE,
    }),

  /**
   * The input example the MLmodel names (a path inside the version's files) as text, its first
   * 256 KB at most; undefined when the file is not there.
   */
  inputExample: (mv: VersionRef, path: string) =>
    queryOptions({
      queryKey: [...versionFileQueries.all, mv.name, mv.version, mv.source ?? '', path] as const,
      queryFn: async ({ signal }) => {
        const read = await fetchModelVersionBytes(
          filesOf(mv),
          path,
          { head: EXAMPLE_BYTES },
          signal,
        );
        return read && decodeArtifactText(read, 'head');
      },
      ...FILE_CACHE,
    }),
};
