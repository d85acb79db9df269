// An artifact's bytes (or a window of them) as text, after a check that they are text at all: the
// pure part of reading a text artifact, shared by the artifact previews and the compare page's diff.
import {
  dropPartialFirstLine,
  dropPartialLastLine,
  looksBinary,
  skipContinuationBytes,
} from './artifact-kind';

export interface ArtifactText {
  /** Undefined when the bytes are not text. */
  text: string | undefined;
  binary: boolean;
  /** True when the bytes are only part of the file. */
  partial: boolean;
  /** The whole file's size. */
  totalSize: number;
}

export interface ReadBytes {
  bytes: Uint8Array;
  partial: boolean;
  totalSize: number;
}

/**
 * Decodes UTF-8. A part read from the file's `head` loses its cut-off last line; one read from its
 * `tail` starts at the first whole character and loses its cut-off first line.
 */
export function decodeArtifactText(
  { bytes: raw, partial, totalSize }: ReadBytes,
  end: 'head' | 'tail' | undefined,
): ArtifactText {
  const bytes = partial && end === 'tail' ? skipContinuationBytes(raw) : raw;
  if (looksBinary(bytes)) return { text: undefined, binary: true, partial, totalSize };
  let text = new TextDecoder('utf-8').decode(bytes);
  if (partial && end === 'head') text = dropPartialLastLine(text);
  if (partial && end === 'tail') text = dropPartialFirstLine(text);
  return { text, binary: false, partial, totalSize };
}
