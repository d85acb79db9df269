// The footprint benchmark's rules: which bytes count as initial, when a page's network is idle, and
// the bench's own gzip of a body (the same compressor for both UIs, whatever their servers do).
import { gzipSync } from 'node:zlib';
import type { RequestRecord } from './browser.ts';

/** The CDP resource types counted as initial bytes: the issue asks for JS and CSS only. */
export const INITIAL_TYPES: readonly string[] = ['Script', 'Stylesheet'];

export interface InitialAssets {
  requests: number;
  /** Encoded bytes on the wire (CDP's count: the body as sent, plus the response headers). */
  wire_bytes: number;
  js_wire_bytes: number;
  css_wire_bytes: number;
  /** Wire bytes by Content-Encoding ('identity' for none): whether the server compressed them. */
  wire_bytes_by_encoding: Record<string, number>;
  /** The URL of each request counted, in order (a URL fetched twice appears twice). */
  urls: string[];
}

/**
 * JS and CSS requests finished (not failed) among `records`: the caller passes the requests seen up
 * to the moment it stops counting (the first table paint). A request still in flight then is not
 * counted: the page painted without it.
 */
export function initialAssets(
  records: readonly Pick<
    RequestRecord,
    'url' | 'type' | 'encoding' | 'doneAt' | 'encodedBytes' | 'failed'
  >[],
): InitialAssets {
  const out: InitialAssets = {
    requests: 0,
    wire_bytes: 0,
    js_wire_bytes: 0,
    css_wire_bytes: 0,
    wire_bytes_by_encoding: {},
    urls: [],
  };
  for (const r of records) {
    if (!INITIAL_TYPES.includes(r.type) || r.doneAt === null || r.failed) continue;
    out.requests++;
    out.wire_bytes += r.encodedBytes;
    if (r.type === 'Script') out.js_wire_bytes += r.encodedBytes;
    else out.css_wire_bytes += r.encodedBytes;
    const enc = r.encoding || 'identity';
    out.wire_bytes_by_encoding[enc] = (out.wire_bytes_by_encoding[enc] ?? 0) + r.encodedBytes;
    out.urls.push(r.url);
  }
  return out;
}

/**
 * How long (ms) the network has been idle at `now`: 0 while any request is in flight, otherwise
 * the time since the last request was sent or finished (Infinity before the first request).
 * `loadedElsewhere`: URLs whose requests finish in another target (a shared worker's script is
 * requested by the page, but its loadingFinished goes to the worker); those count as done once sent.
 */
export function idleForMs(
  records: readonly Pick<RequestRecord, 'url' | 'sentAt' | 'doneAt'>[],
  now: number,
  loadedElsewhere: ReadonlySet<string> = new Set(),
): number {
  let last = -Infinity;
  for (const r of records) {
    if (r.doneAt === null && !loadedElsewhere.has(r.url)) return 0;
    last = Math.max(last, r.sentAt, r.doneAt ?? -Infinity);
  }
  return now - last;
}

/** The body's size gzip-compressed at level 6 (zlib's default, and what servers commonly use). */
export function gzip6Size(body: Uint8Array): number {
  return gzipSync(body, { level: 6 }).length;
}

/** Σ size(url) over `urls` (repeats count again, as they did on the wire); null if one is unknown. */
export function sumSizes(
  urls: readonly string[],
  size: ReadonlyMap<string, number>,
): number | null {
  let total = 0;
  for (const u of urls) {
    const s = size.get(u);
    if (s === undefined) return null;
    total += s;
  }
  return total;
}

/** 'js' or 'css' from a URL's path (query and fragment ignored), or null for anything else. */
export function assetKind(url: string): 'js' | 'css' | null {
  let p: string;
  try {
    p = new URL(url).pathname;
  } catch {
    return null;
  }
  if (/\.m?js$/i.test(p)) return 'js';
  if (/\.css$/i.test(p)) return 'css';
  return null;
}
