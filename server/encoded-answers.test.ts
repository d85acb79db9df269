import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EncodedAnswers, encodeAnswer, pickEncoding } from './encoded-answers.ts';

describe('pickEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['deflate, gzip;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0', 'identity'],
    ['*', 'gzip'],
    ['identity', 'identity'],
    ['', 'identity'],
    ['BR', 'br'],
    [' gzip ; q=1 ', 'gzip'],
    ['br;q=abc', 'identity'],
  ])('%j → %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });

  it('reads a header given twice, and none at all', () => {
    expect(pickEncoding(['deflate', 'gzip'])).toBe('gzip');
    expect(pickEncoding(undefined)).toBe('identity');
  });
});

describe('encodeAnswer', () => {
  const text = JSON.stringify({ step: Array.from({ length: 2000 }, (_, i) => i) });

  it('round-trips through each encoding, and compresses', async () => {
    const br = await encodeAnswer(text, 'br');
    const gz = await encodeAnswer(text, 'gzip');
    const plain = await encodeAnswer(text, 'identity');
    expect(brotliDecompressSync(br).toString()).toBe(text);
    expect(gunzipSync(gz).toString()).toBe(text);
    expect(plain.toString()).toBe(text);
    expect(br.length).toBeLessThan(text.length / 2);
    expect(gz.length).toBeLessThan(text.length / 2);
  });
});

describe('EncodedAnswers', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };

  it('hits only for the same source object', () => {
    const cache = new EncodedAnswers<object>(10_000);
    cache.set('k', a, Buffer.from('one'));
    expect(cache.get('k', a)?.toString()).toBe('one');
    expect(cache.get('k', { id: 'a' })).toBeUndefined();
    // A stale entry is dropped on the miss, not kept for the old source.
    expect(cache.get('k', a)).toBeUndefined();
  });

  it('stays within its byte bound, dropping the least recently used answer', () => {
    // 1,000 bytes of answer + 2 bytes of key × 2 + 256 of overhead = 1,258 per entry.
    const cache = new EncodedAnswers<object>(2_600);
    cache.set('x', a, Buffer.alloc(1_000));
    cache.set('y', b, Buffer.alloc(1_000));
    expect(cache.bytes).toBe(2 * 1_258);
    expect(cache.get('x', a)).toBeDefined();
    cache.set('z', b, Buffer.alloc(1_000));
    expect(cache.get('y', b)).toBeUndefined();
    expect(cache.get('x', a)).toBeDefined();
    expect(cache.bytes).toBe(2 * 1_258);
  });

  it('keeps nothing when it has no budget', () => {
    const cache = new EncodedAnswers<object>(0);
    cache.set('x', a, Buffer.from('one'));
    expect(cache.get('x', a)).toBeUndefined();
  });
});
