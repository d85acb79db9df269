import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import {
  checkArtifactPath,
  contentDisposition,
  formatRange,
  parseContentRange,
  PREVIEW_CAP_BYTES,
  readRangeHeader,
  resolveRange,
  safeContentType,
} from './artifact.ts';
import { answerJson, startStub, testConfig, type Stub } from './test-stub.ts';

let stub: Stub;
let app: FastifyInstance;

beforeEach(async () => {
  stub = await startStub();
  app = await buildServer(
    testConfig({ MLFLOW_TRACKING_URI: stub.url, MLFLOW_TRACKING_TOKEN: 'secret-token' }),
  );
});

afterEach(async () => {
  await app.close();
  await stub.close();
});

const serveBytes =
  (body: Buffer, headers: Record<string, string> = {}) =>
  (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'text/html',
      'content-length': String(body.length),
      ...headers,
    });
    res.end(body);
  };

describe('checkArtifactPath', () => {
  it.each([
    ['', 'required'],
    ['../secret', '..'],
    ['a/../../b', '..'],
    ['/etc/passwd', 'relative'],
    ['a\\b', 'backslash'],
    ['a\0b', 'control'],
    ['a\u007fb', 'control'],
    ['s3://bucket/x', 'URI'],
    ['C:/Windows/x', 'URI'],
    ['./x', '".."'],
    // Already decoded once by the query parser: a second round must not find a dot segment.
    ['%2e%2e/secret', '".."'],
    ['%252e%252e/secret', '".."'],
    ['a/%2E%2e', '".."'],
    ['a%5cb', 'backslash'],
    ['%2fetc/passwd', 'relative'],
    ['x/%00', 'control'],
    ['%c0%ae%c0%ae/x', 'UTF-8'],
  ])('refuses %j', (path, reason) => {
    expect(checkArtifactPath(path)).toContain(reason);
  });

  it.each(['model/MLmodel', 'a..b/c.txt', 'plots/loss.png', 'dir with space/x', '100%', 'a%20b'])(
    'accepts %j',
    (path) => {
      expect(checkArtifactPath(path)).toBeUndefined();
    },
  );
});

describe('safeContentType', () => {
  it.each([
    ['plots/loss.png', 'image/png'],
    ['a.JPG', 'image/jpeg'],
    ['a.gif', 'image/gif'],
    ['a.svg', 'image/svg+xml'],
    ['report.html', 'text/plain; charset=utf-8'],
    ['logs/train.log', 'text/plain; charset=utf-8'],
    ['model/MLmodel', 'text/plain; charset=utf-8'],
    ['model/model.pkl', 'application/octet-stream'],
    ['page.xhtml', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (path, type) => {
    expect(safeContentType(path)).toBe(type);
  });
});

describe('contentDisposition', () => {
  it('keeps the plain filename ASCII and quote-free', () => {
    const value = contentDisposition('dir/"evil";\r\nx.txt', false);
    expect(value).toMatch(/^inline; filename="_evil____x\.txt"; filename\*=UTF-8''/);
    expect(value).not.toMatch(/[\r\n]/);
    expect(contentDisposition('a/b.png', true)).toMatch(/^attachment; filename="b\.png"/);
  });
});

describe('readRangeHeader', () => {
  it('reads one head, open or suffix range, in any case of the unit', () => {
    expect(readRangeHeader('bytes=0-9')).toEqual({ kind: 'range', spec: { start: 0, end: 9 } });
    expect(readRangeHeader('bytes=90-')).toEqual({
      kind: 'range',
      spec: { start: 90, end: undefined },
    });
    expect(readRangeHeader(' Bytes = -262144 ')).toEqual({
      kind: 'range',
      spec: { suffix: 262144 },
    });
  });

  it('ignores no header and units other than bytes (the whole file is served)', () => {
    expect(readRangeHeader(undefined)).toEqual({ kind: 'none' });
    expect(readRangeHeader('  ')).toEqual({ kind: 'none' });
    expect(readRangeHeader('items=0-9')).toEqual({ kind: 'none' });
  });

  it.each([
    ['bytes', 'malformed'],
    ['bytes 0-9', 'malformed'],
    ['=0-9', 'malformed'],
    ['bytes=', 'malformed'],
    ['bytes=-', 'malformed'],
    ['bytes=abc', 'malformed'],
    ['bytes=1-2-3', 'malformed'],
    ['bytes=--5', 'malformed'],
    ['bytes=0x10-', 'malformed'],
    ['bytes=1234567890123456-', 'malformed'],
    ['bytes=5-2', 'ends before it starts'],
    ['bytes=0-1,5-6', 'single byte range'],
    ['bytes=0-1, -5', 'single byte range'],
    ['bytes=-5,', 'single byte range'],
  ])('refuses %j', (header, reason) => {
    const read = readRangeHeader(header);
    expect(read.kind).toBe('invalid');
    expect(read.kind === 'invalid' && read.reason).toContain(reason);
  });

  it('is sent on in a plain form', () => {
    expect(formatRange({ suffix: 262144 })).toBe('bytes=-262144');
    expect(formatRange({ start: 5, end: undefined })).toBe('bytes=5-');
    expect(formatRange({ start: 0, end: 9 })).toBe('bytes=0-9');
  });
});

describe('resolveRange', () => {
  it('places head, open and suffix ranges in the file, clamped to its end', () => {
    expect(resolveRange({ start: 0, end: 9 }, 100)).toEqual({ start: 0, end: 9 });
    expect(resolveRange({ start: 90, end: undefined }, 100)).toEqual({ start: 90, end: 99 });
    expect(resolveRange({ suffix: 10 }, 100)).toEqual({ start: 90, end: 99 });
    expect(resolveRange({ suffix: 1000 }, 100)).toEqual({ start: 0, end: 99 });
    expect(resolveRange({ start: 0, end: 1000 }, 100)).toEqual({ start: 0, end: 99 });
  });

  it('finds ranges outside the file unsatisfiable', () => {
    expect(resolveRange({ start: 100, end: undefined }, 100)).toBe('unsatisfiable');
    expect(resolveRange({ start: 200, end: 300 }, 100)).toBe('unsatisfiable');
    expect(resolveRange({ suffix: 0 }, 100)).toBe('unsatisfiable');
    expect(resolveRange({ suffix: 5 }, 0)).toBe('unsatisfiable');
  });
});

describe('parseContentRange', () => {
  it('reads a 206 answer and refuses what does not add up', () => {
    expect(parseContentRange('bytes 2687856-2949999/2950000')).toEqual({
      start: 2687856,
      end: 2949999,
      size: 2950000,
    });
    expect(parseContentRange('bytes 0-4/*')).toEqual({ start: 0, end: 4, size: undefined });
    expect(parseContentRange(undefined)).toBeUndefined();
    expect(parseContentRange('bytes */20')).toBeUndefined();
    expect(parseContentRange('bytes 5-4/20')).toBeUndefined();
    expect(parseContentRange('bytes 0-20/20')).toBeUndefined();
  });
});

const DIGITS = Buffer.from('0123456789'.repeat(100_001));

/**
 * MLflow's /get-artifact for a `size`-byte file of repeating digits (byte i is i % 10), streamed
 * with backpressure. With `ranges` it answers one Range as MLflow 3.17.2 does (206 + Content-Range,
 * 416 + `bytes *\/size` otherwise); without, it ignores Range like a server that does not read it.
 * `sent` counts the bytes it wrote.
 */
function digitFile(size: number, ranges: boolean) {
  const log = { sent: 0, closed: new Promise<void>(() => {}) };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    log.closed = new Promise((resolve) => res.once('close', resolve));
    let [start, end, status] = [0, size - 1, 200];
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    if (ranges && req.headers.range) {
      const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range);
      const [from = '', to = ''] = m ? m.slice(1) : [];
      if (from) [start, end] = [Number(from), to ? Math.min(Number(to), size - 1) : size - 1];
      else if (to) start = Math.max(0, size - Number(to));
      if (!m || (!from && !Number(to)) || start >= size || end < start) {
        res.writeHead(416, { 'content-range': `bytes */${size}`, 'content-type': 'text/html' });
        res.end('<title>416 Requested Range Not Satisfiable</title>');
        return;
      }
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${size}`;
    }
    headers['content-length'] = String(end - start + 1);
    res.writeHead(status, headers);
    void (async () => {
      for (let at = start; at <= end && !res.destroyed;) {
        const n = Math.min(1_000_000, end - at + 1);
        const ok = res.write(DIGITS.subarray(at % 10, (at % 10) + n));
        log.sent += n;
        at += n;
        if (!ok) await new Promise((r) => res.once('drain', r));
      }
      res.end();
    })().catch(() => undefined);
  };
  return { handler, log };
}

const digits = (start: number, end: number) =>
  Array.from({ length: end - start + 1 }, (_, i) => String((start + i) % 10)).join('');

describe('GET /parallax/api/artifact with a Range', () => {
  const get = (range: string, query = '') =>
    app.inject({
      method: 'GET',
      url: `/parallax/api/artifact?run_id=r1&path=train.log${query}`,
      headers: { range },
    });

  it('sends the range on to MLflow and relays its 206', async () => {
    const file = digitFile(1000, true);
    stub.handle(file.handler);
    const tail = await get('bytes=-5', '&preview=1');
    expect(stub.requests[0]?.headers.range).toBe('bytes=-5');
    expect(tail.statusCode).toBe(206);
    expect(tail.body).toBe(digits(995, 999));
    expect(tail.headers['content-range']).toBe('bytes 995-999/1000');
    expect(tail.headers['content-length']).toBe('5');
    expect(tail.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(tail.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(file.log.sent).toBe(5);
    const head = await get('bytes=10-19');
    expect(stub.requests[1]?.headers.range).toBe('bytes=10-19');
    expect([head.statusCode, head.body, head.headers['content-range']]).toEqual([
      206,
      digits(10, 19),
      'bytes 10-19/1000',
    ]);
  });

  it.each(['bytes=0-1,5-6', 'bytes=5-2', 'bytes=abc', 'bytes 0-5'])(
    'answers 416 to %j without asking MLflow',
    async (range) => {
      const res = await get(range);
      expect(res.statusCode).toBe(416);
      expect(res.json()).toMatchObject({ error_code: 'INVALID_RANGE' });
      expect(stub.requests).toHaveLength(0);
    },
  );

  it("relays MLflow's 416 for a range outside the file in our shape", async () => {
    stub.handle(digitFile(20, true).handler);
    const res = await get('bytes=50-');
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe('bytes */20');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({
      error_code: 'INVALID_RANGE',
      message: 'The range lies outside the 20-byte file.',
    });
  });

  it('previews a range of a file over the cap, but not the whole file or a range over the cap', async () => {
    const size = PREVIEW_CAP_BYTES + 1;
    const file = digitFile(size, true);
    stub.handle(file.handler);
    const tail = await get('bytes=-262144', '&preview=1');
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.length).toBe(262144);
    expect(tail.headers['content-range']).toBe(`bytes ${size - 262144}-${size - 1}/${size}`);
    expect(tail.body.endsWith(digits(size - 10, size - 1))).toBe(true);
    expect(file.log.sent).toBe(262144);
    const whole = await app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=r1&path=train.log&preview=1',
    });
    expect(whole.statusCode).toBe(413);
    const open = await get('bytes=0-', '&preview=1');
    expect(open.statusCode).toBe(413);
    expect(open.json()).toEqual({
      error_code: 'ARTIFACT_TOO_LARGE',
      message: `This range is ${size} bytes, over the ${PREVIEW_CAP_BYTES}-byte preview limit. Ask for a smaller range or download it.`,
      size,
    });
    const under = await get('bytes=1-', '&preview=1');
    expect([under.statusCode, under.rawPayload.length]).toEqual([206, PREVIEW_CAP_BYTES]);
  });

  it('refuses a 206 whose Content-Range does not match its length', async () => {
    stub.handle((_req, res) => {
      res.writeHead(206, { 'content-range': 'bytes 0-9/100', 'content-length': '4' });
      res.end('0123');
    });
    const res = await get('bytes=0-9');
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ error_code: 'BAD_UPSTREAM_RESPONSE' });
  });

  describe('when MLflow ignores Range', () => {
    it('slices the stream itself: head, tail and 416 past the end', async () => {
      stub.handle(digitFile(1000, false).handler);
      const tail = await get('bytes=-5');
      expect([tail.statusCode, tail.body, tail.headers['content-range']]).toEqual([
        206,
        digits(995, 999),
        'bytes 995-999/1000',
      ]);
      expect(tail.headers['content-length']).toBe('5');
      const head = await get('bytes=0-4');
      expect([head.statusCode, head.body, head.headers['content-range']]).toEqual([
        206,
        '01234',
        'bytes 0-4/1000',
      ]);
      const outside = await get('bytes=1000-');
      expect(outside.statusCode).toBe(416);
      expect(outside.headers['content-range']).toBe('bytes */1000');
    });

    it('stops reading from MLflow once the window is sent', async () => {
      const size = 40_000_000;
      const file = digitFile(size, false);
      stub.handle(file.handler);
      // Over a real socket: inject's stand-in response would abort MLflow on its own.
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const head = await fetch(`${base}/parallax/api/artifact?run_id=r1&path=train.log`, {
        headers: { range: 'bytes=0-9' },
      });
      expect([head.status, await head.text()]).toEqual([206, '0123456789']);
      await file.log.closed;
      expect(file.log.sent).toBeLessThan(size / 2);
    });

    it('caps a preview by what must be read: a short head passes, a tail of a huge file does not', async () => {
      stub.handle(digitFile(PREVIEW_CAP_BYTES + 1, false).handler);
      const head = await get('bytes=0-9', '&preview=1');
      expect([head.statusCode, head.body]).toEqual([206, '0123456789']);
      const tail = await get('bytes=-262144', '&preview=1');
      expect(tail.statusCode).toBe(413);
      expect(tail.json()).toMatchObject({ error_code: 'ARTIFACT_TOO_LARGE' });
    });
  });
});

describe('GET /parallax/api/artifact', () => {
  it('streams from get-artifact with our credential and a safe type', async () => {
    stub.handle(serveBytes(Buffer.from('<script>alert(1)</script>')));
    const res = await app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=abc123&path=report.html',
      headers: { authorization: 'Bearer browser', cookie: 'session=1' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('<script>alert(1)</script>');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="report\.html"/);
    const recorded = stub.requests[0];
    expect(recorded?.url).toBe('/get-artifact?path=report.html&run_uuid=abc123');
    expect(recorded?.headers.authorization).toBe('Bearer secret-token');
    expect(recorded?.headers.cookie).toBeUndefined();
  });

  it('sends svg with its own restrictive policy, and attachments on ?download=1', async () => {
    stub.handle(serveBytes(Buffer.from('<svg/>')));
    const res = await app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=r1&path=p/x.svg&download=1',
    });
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="x\.svg"/);
  });

  it.each(['../x', '/abs', 'a\\b', 'a%00b'])('refuses path %j before calling MLflow', async (p) => {
    const res = await app.inject({
      method: 'GET',
      url: `/parallax/api/artifact?run_id=r1&path=${encodeURIComponent(p).replace('%2500', '%00')}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect(stub.requests).toHaveLength(0);
  });

  // As written on the wire: the query parser would hide some of these (overlong UTF-8 becomes U+FFFD).
  it.each([
    'path=%252e%252e/secret',
    'path=%25252e%25252e%25252fsecret',
    'path=%c0%ae%c0%ae/secret',
    'path=a%255c..%255cb',
    'path=x&path=../y',
    'pa%74h=../y',
    'path=file:///etc/passwd',
  ])('refuses the raw query %s before calling MLflow', async (query) => {
    const res = await app.inject({
      method: 'GET',
      url: `/parallax/api/artifact?run_id=r1&${query}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect(stub.requests).toHaveLength(0);
  });

  it('refuses a malformed run id', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=../x&path=a',
    });
    expect(res.statusCode).toBe(400);
    expect(stub.requests).toHaveLength(0);
  });

  it('answers 413 for a preview over the cap, but downloads it whole', async () => {
    const size = PREVIEW_CAP_BYTES + 1;
    stub.handle((_req, res) => {
      res.writeHead(200, { 'content-length': String(size) });
      const chunk = Buffer.alloc(1024 * 1024, 120);
      void (async () => {
        for (let sent = 0; sent < size; sent += chunk.length) {
          const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
          if (!res.write(part)) await new Promise((r) => res.once('drain', r));
        }
        res.end();
      })().catch(() => undefined);
    });
    const preview = await app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=r1&path=big.log&preview=1',
    });
    expect(preview.statusCode).toBe(413);
    expect(preview.json()).toEqual({
      error_code: 'ARTIFACT_TOO_LARGE',
      message: expect.stringContaining('preview limit') as unknown,
      size,
    });
    const download = await app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=r1&path=big.log&download=1',
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.length).toBe(size);
  });

  it("relays MLflow's error in MLflow's shape", async () => {
    stub.handle(
      answerJson(404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'No such file' }),
    );
    const res = await app.inject({ method: 'GET', url: '/parallax/api/artifact?run_id=r1&path=x' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'No such file' });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it("reads a model version's file through MLflow's model-versions/get-artifact", async () => {
    stub.handle(serveBytes(Buffer.from('flavors: {}\n'), { 'content-type': 'text/plain' }));
    const name = 'churn <b>model</b> & co';
    const res = await app.inject({
      method: 'GET',
      url: `/parallax/api/artifact?name=${encodeURIComponent(name)}&version=4&path=MLmodel&preview=1`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('flavors: {}\n');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    const recorded = new URL(stub.requests[0]?.url ?? '', 'http://x');
    expect(recorded.pathname).toBe('/model-versions/get-artifact');
    expect([...recorded.searchParams]).toEqual([
      ['name', name],
      ['version', '4'],
      ['path', 'MLmodel'],
    ]);
    expect(stub.requests[0]?.headers.authorization).toBe('Bearer secret-token');
  });

  it.each([
    ['name=&version=1&path=MLmodel', /name/],
    [`name=${'m'.repeat(1025)}&version=1&path=MLmodel`, /name/],
    ['name=a%0Ab&version=1&path=MLmodel', /name/],
    ['name=m&version=v1&path=MLmodel', /version/],
    ['name=m&path=MLmodel', /version/],
    ['name=m&version=1&path=../../secret', /path/],
  ])('refuses the model version query %s before calling MLflow', async (query, what) => {
    const res = await app.inject({ method: 'GET', url: `/parallax/api/artifact?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringMatching(what) as unknown,
    });
    expect(stub.requests).toHaveLength(0);
  });

  it('answers 204 for a missing optional file, and relays every other failure', async () => {
    stub.handle(
      answerJson(404, {
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: "No such artifact: '1/abc/artifacts/model/MLmodel'",
      }),
    );
    const url = '/parallax/api/artifact?name=m&version=1&path=MLmodel&optional=1';
    const missing = await app.inject({ method: 'GET', url });
    expect(missing.statusCode).toBe(204);
    expect(missing.body).toBe('');
    // Without optional=1 the same answer is MLflow's error, as before.
    const asked = await app.inject({ method: 'GET', url: url.replace('&optional=1', '') });
    expect(asked.statusCode).toBe(404);
    stub.handle(answerJson(500, { error_code: 'INTERNAL_ERROR', message: 'runs:/ not served' }));
    const failed = await app.inject({ method: 'GET', url });
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toEqual({ error_code: 'INTERNAL_ERROR', message: 'runs:/ not served' });
  });

  it("keeps MLflow's Retry-After on the error it relays", async () => {
    stub.handle((_req, res) => {
      // Far beyond the server's own retry budget, so the 429 comes back to us at once.
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600' });
      res.end(JSON.stringify({ error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }));
    });
    const res = await app.inject({ method: 'GET', url: '/parallax/api/artifact?run_id=r1&path=x' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('3600');
    expect(res.json()).toEqual({ error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' });
  });

  it('streams: the browser gets bytes before MLflow has finished', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    stub.handle((_req, res) => {
      res.writeHead(200, { 'content-length': '8' });
      res.write('half');
      void held.then(() => res.end('done'));
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const text = await new Promise<string>((resolve, reject) => {
      http
        .get(`${base}/parallax/api/artifact?run_id=r1&path=a.txt`, (res) => {
          let data = '';
          res.on('data', (c: Buffer) => {
            data += c.toString();
            if (data === 'half') release();
          });
          res.on('end', () => resolve(data));
        })
        .on('error', reject);
    });
    expect(text).toBe('halfdone');
  });
});
