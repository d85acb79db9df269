import { useQuery } from '@tanstack/react-query';
import type { ByteWindow } from '@/api/artifacts';
import { artifactQueries } from '@/api/queries/artifacts';
import { decodeArtifactText } from '@/lib/artifact-text';

/** An artifact (or a window of it) decoded as UTF-8, after a check that it is text at all. */
export function useArtifactText(runId: string, path: string, window?: ByteWindow) {
  const end = window === undefined ? undefined : 'head' in window ? 'head' : 'tail';
  return useQuery({
    ...artifactQueries.bytes(runId, path, window),
    select: (read) => decodeArtifactText(read, end),
  });
}
