import { useQuery } from '@tanstack/react-query';
import type { ByteWindow } from '@/api/artifacts';
import { artifactQueries } from '@/api/queries/artifacts';
import {
  dropPartialFirstLine,
  dropPartialLastLine,
  looksBinary,
  skipContinuationBytes,
} from '@/lib/artifact-kind';

export interface ArtifactText {
  /** Undefined when the bytes are not text. */
  text: string | undefined;
  binary: boolean;
  partial: boolean;
  totalSize: number;
}

/** An artifact (or a window of it) decoded as UTF-8, after a check that it is text at all. */
export function useArtifactText(runId: string, path: string, window?: ByteWindow) {
  return useQuery({
    ...artifactQueries.bytes(runId, path, window),
    select: ({ bytes: raw, partial, totalSize }): ArtifactText => {
      const fromMiddle = partial && window !== undefined && 'tail' in window;
      const bytes = fromMiddle ? skipContinuationBytes(raw) : raw;
      if (looksBinary(bytes)) return { text: undefined, binary: true, partial, totalSize };
      let text = new TextDecoder('utf-8').decode(bytes);
      if (partial && window && 'head' in window) text = dropPartialLastLine(text);
      if (partial && window && 'tail' in window) text = dropPartialFirstLine(text);
      return { text, binary: false, partial, totalSize };
    },
  });
}
