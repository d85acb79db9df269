import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import {
  checkArtifactPath,
  contentDisposition,
  parseRange,
  PREVIEW_CAP_BYTES,
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
    ['a\0b', 'NUL'],
    ['s3://bucket/x', 'URI'],
  ])('refuses %j', (path, reason) => {
    expect(checkArtifactPath(path)).toContain(reason);
  });

  it.each(['model/MLmodel', 'a..b/c.txt', 'plots/loss.png', 'dir with space/x'])(
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

describe('parseRange', () => {
  it('reads head, open and suffix ranges', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-1000', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=0-1000', 100)).toEqual({ start: 0, end: 99 });
  });
  it('serves whole files for what it does not read, 416 outside the file', () => {
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 100)).toBe('unsatisfiable');
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

  it('serves head and tail ranges', async () => {
    const body = Buffer.from('0123456789abcdefghij');
    stub.handle(serveBytes(body));
    const head = await app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=r1&path=a.log',
      headers: { range: 'bytes=0-4' },
    });
    expect(head.statusCode).toBe(206);
    expect(head.body).toBe('01234');
    expect(head.headers['content-range']).toBe('bytes 0-4/20');
    const tail = await app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=r1&path=a.log',
      headers: { range: 'bytes=-5' },
    });
    expect(tail.statusCode).toBe(206);
    expect(tail.body).toBe('fghij');
    expect(tail.headers['content-range']).toBe('bytes 15-19/20');
    const outside = await app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=r1&path=a.log',
      headers: { range: 'bytes=50-' },
    });
    expect(outside.statusCode).toBe(416);
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
