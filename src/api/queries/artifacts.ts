import { queryOptions } from '@tanstack/react-query';
import { DEFAULT_WALK_LIMITS, walkArtifacts } from '@/lib/run-diff/artifact-pairs';
import type { WalkLimits } from '@/lib/run-diff/artifact-pairs';
import { fetchArtifactBytes, listArtifacts } from '../artifacts';
import type { ByteWindow } from '../artifacts';

export const artifactQueries = {
  all: ['artifacts'] as const,
  ofRun: (runId: string) => [...artifactQueries.all, runId] as const,

  /** One directory level of the run's artifact tree ('' is the root). */
  list: (runId: string, path: string) =>
    queryOptions({
      queryKey: [...artifactQueries.ofRun(runId), 'list', path] as const,
      queryFn: ({ signal }) => listArtifacts(runId, path, signal),
      staleTime: 60_000,
    }),

  /**
   * Every file of the run, one folder listing at a time (a few at once, each the cached `list`
   * above), up to a cap on files and depth; the answer says when the cap cut it short.
   */
  files: (runId: string, limits: WalkLimits = DEFAULT_WALK_LIMITS) =>
    queryOptions({
      queryKey: [...artifactQueries.ofRun(runId), 'files', limits] as const,
      queryFn: ({ client, signal }) =>
        walkArtifacts(
          (folder) => client.fetchQuery(artifactQueries.list(runId, folder)),
          limits,
          signal,
        ),
      staleTime: 60_000,
    }),

  /** A file's bytes (or a head / tail window of them) for a preview. */
  bytes: (runId: string, path: string, window?: ByteWindow) =>
    queryOptions({
      queryKey: [...artifactQueries.ofRun(runId), 'bytes', path, window ?? 'whole'] as const,
      queryFn: ({ signal }) => fetchArtifactBytes(runId, path, window, signal),
      // Artifacts are written once; a preview never needs refetching while the page is open.
      staleTime: Infinity,
      gcTime: 60_000,
      retry: false,
    }),
};
