import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { ByteLru } from './metric-cache.ts';

/** How an answer travels: what the browser accepts, best first. */
export type Encoding = 'br' | 'gzip' | 'identity';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Picks the encoding from `Accept-Encoding`. Brotli first (a metric series is a fifth smaller than
 * with gzip), then gzip; `q=0` refuses one. Anything unreadable means identity, which every client
 * accepts. `*` is read as gzip, the one every decoder has.
 */
export function pickEncoding(header: string | string[] | undefined): Encoding {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  const accepted = new Set<string>();
  for (const part of raw.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q !== undefined && !(Number(q.slice(2)) > 0))) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

/**
 * Compresses one answer off the event loop (zlib's thread pool, so the second core helps), in one
 * shot: a streaming compressor per response held several MB each under 50 concurrent requests.
 * Brotli at quality 4, as @fastify/compress uses for every other answer: within a few percent of
 * the size of quality 11 at a tenth of the time.
 */
export function encodeAnswer(text: string, encoding: Encoding): Promise<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  if (encoding === 'br') {
    return brotli(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  }
  if (encoding === 'gzip') return gzip(bytes);
  return Promise.resolve(bytes);
}

interface Stored<S> {
  source: S;
  bytes: Buffer;
}

// Map entry and key strings, roughly: small next to an answer, but not nothing for tiny ones.
const ENTRY_OVERHEAD_BYTES = 256;

/**
 * Encoded answers, ready to send again byte for byte. An answer is a pure function of its source
 * (one cached history, compared by identity) and its request, so it stays valid exactly as long as
 * that source is the one the series cache holds: a refreshed history is a new object and misses.
 * Callers key by credential too, so one user's answer never serves another.
 */
export class EncodedAnswers<S extends object> {
  private readonly lru: ByteLru<Stored<S>>;

  constructor(maxBytes: number) {
    this.lru = new ByteLru(maxBytes);
  }

  get(key: string, source: S): Buffer | undefined {
    const hit = this.lru.get(key);
    if (!hit) return undefined;
    if (hit.source === source) return hit.bytes;
    this.lru.delete(key);
    return undefined;
  }

  set(key: string, source: S, bytes: Buffer): void {
    this.lru.set(key, { source, bytes }, bytes.length + key.length * 2 + ENTRY_OVERHEAD_BYTES);
  }

  get bytes(): number {
    return this.lru.bytes;
  }
}
