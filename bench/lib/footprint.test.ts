import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RequestRecord } from './browser.ts';
import { assetKind, gzip6Size, idleForMs, initialAssets, sumSizes } from './footprint.ts';

const req = (r: Partial<RequestRecord>): RequestRecord => ({
  url: 'http://h/x',
  type: 'Script',
  encoding: '',
  sentAt: 0,
  doneAt: 10,
  encodedBytes: 100,
  failed: false,
  ...r,
});

describe('initialAssets', () => {
  it('counts finished JS and CSS only, split by type and by encoding', () => {
    const a = initialAssets([
      req({ url: 'http://h/a.js', encodedBytes: 300, encoding: 'gzip' }),
      req({ url: 'http://h/b.css', type: 'Stylesheet', encodedBytes: 50 }),
      req({ url: 'http://h/', type: 'Document', encodedBytes: 1000 }),
      req({ url: 'http://h/api', type: 'Fetch', encodedBytes: 5000 }),
      req({ url: 'http://h/f.woff2', type: 'Font', encodedBytes: 700 }),
    ]);
    expect(a).toEqual({
      requests: 2,
      wire_bytes: 350,
      js_wire_bytes: 300,
      css_wire_bytes: 50,
      wire_bytes_by_encoding: { gzip: 300, identity: 50 },
      urls: ['http://h/a.js', 'http://h/b.css'],
    });
  });
  it('leaves out requests still in flight and failed ones', () => {
    const a = initialAssets([
      req({ url: 'http://h/late.js', doneAt: null }),
      req({ url: 'http://h/broken.js', failed: true, encodedBytes: 0 }),
      req({ url: 'http://h/ok.js', encodedBytes: 7 }),
    ]);
    expect(a.requests).toBe(1);
    expect(a.wire_bytes).toBe(7);
    expect(a.urls).toEqual(['http://h/ok.js']);
  });
  it('counts a URL fetched twice twice, as the wire carried it twice', () => {
    const a = initialAssets([req({ encodedBytes: 5 }), req({ encodedBytes: 5 })]);
    expect(a.wire_bytes).toBe(10);
    expect(a.urls).toHaveLength(2);
  });
});

describe('idleForMs', () => {
  it('is 0 while a request is in flight', () => {
    expect(
      idleForMs([req({ sentAt: 0, doneAt: 10 }), req({ sentAt: 5, doneAt: null })], 1000),
    ).toBe(0);
  });
  it('is the time since the last send or finish once all are done', () => {
    expect(
      idleForMs([req({ sentAt: 0, doneAt: 900 }), req({ sentAt: 950, doneAt: 960 })], 2000),
    ).toBe(1040);
  });
  it("takes a worker's script as done once the worker runs, from when it was sent", () => {
    const rs = [
      req({ sentAt: 0, doneAt: 100 }),
      req({ url: 'http://h/w.js', sentAt: 300, doneAt: null }),
    ];
    expect(idleForMs(rs, 1000)).toBe(0);
    expect(idleForMs(rs, 1000, new Set(['http://h/w.js']))).toBe(700);
  });
  it('is unbounded before the first request', () => {
    expect(idleForMs([], 5)).toBe(Infinity);
  });
});

describe('gzip6Size', () => {
  it('is the size of a gzip stream that inflates back to the body', () => {
    const body = Buffer.from('const a = 1;\n'.repeat(1000));
    const size = gzip6Size(body);
    expect(size).toBeLessThan(body.length / 20);
    expect(size).toBeGreaterThan(18); // gzip's header and trailer alone
  });
  it('cannot shrink random bytes', () => {
    const body = randomBytes(4096);
    expect(gzip6Size(body)).toBeGreaterThanOrEqual(4096);
  });
});

describe('sumSizes', () => {
  const sizes = new Map([
    ['a', 10],
    ['b', 3],
  ]);
  it('adds a repeated URL each time', () => {
    expect(sumSizes(['a', 'b', 'a'], sizes)).toBe(23);
  });
  it('is null when one size is unknown', () => {
    expect(sumSizes(['a', 'c'], sizes)).toBeNull();
  });
});

describe('assetKind', () => {
  it('reads the path, not the query', () => {
    expect(assetKind('http://h/static/js/main.3f2a.chunk.js?v=1')).toBe('js');
    expect(assetKind('http://h/assets/index-abc.css#x')).toBe('css');
    expect(assetKind('http://h/x.mjs')).toBe('js');
    expect(assetKind('http://h/api/2.0/mlflow/runs/search?f=a.js')).toBeNull();
    expect(assetKind('http://h/font.woff2')).toBeNull();
    expect(assetKind('not a url')).toBeNull();
  });
});
