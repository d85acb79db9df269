import { describe, expect, it } from 'vitest';
import { decodeArtifactText } from './artifact-text';

const enc = new TextEncoder();
const read = (text: string, partial = false, totalSize = enc.encode(text).length) => ({
  bytes: enc.encode(text),
  partial,
  totalSize,
});

describe('decodeArtifactText', () => {
  it('decodes a whole file as it is', () => {
    expect(decodeArtifactText(read('a\nb'), undefined)).toEqual({
      text: 'a\nb',
      binary: false,
      partial: false,
      totalSize: 3,
    });
  });

  it('drops the cut-off last line of a head, and the cut-off first line of a tail', () => {
    expect(decodeArtifactText(read('a\nb\nc', true, 100), 'head').text).toBe('a\nb\n');
    expect(decodeArtifactText(read('a\nb\nc', true, 100), 'tail').text).toBe('b\nc');
  });

  it('starts a tail at a whole character', () => {
    // 'é' is C3 A9: a tail starting at its second byte skips it, then the partial first line.
    const bytes = enc.encode('éx\ny');
    const tail = { bytes: bytes.subarray(1), partial: true, totalSize: 10 };
    expect(decodeArtifactText(tail, 'tail').text).toBe('y');
  });

  it('reads no text from bytes that are not text', () => {
    const binary = {
      bytes: new Uint8Array([0x89, 0x50, 0x00, 0x01]),
      partial: false,
      totalSize: 4,
    };
    expect(decodeArtifactText(binary, undefined)).toEqual({
      text: undefined,
      binary: true,
      partial: false,
      totalSize: 4,
    });
  });
});
