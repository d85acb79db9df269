import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import { answerJson, startStub, testConfig, type Stub } from './test-stub.ts';

const MB = 1024 * 1024;
let stub: Stub;
let app: FastifyInstance;

beforeEach(async () => {
  stub = await startStub();
  app = await buildServer(testConfig({ MLFLOW_TRACKING_URI: stub.url }));
});

afterEach(async () => {
  await app.close();
  await stub.close();
});

describe('bodies stream through', () => {
  it('relays a 64 MB artifact before MLflow has finished sending it', async () => {
    const total = 64 * MB;
    const chunk = Buffer.alloc(MB, 7);
    let clientHasBytes: () => void = () => {};
    const clientStarted = new Promise<void>((resolve) => (clientHasBytes = resolve));
    stub.handle((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(total),
      });
      void (async () => {
        for (let sent = 0; sent < total; sent += MB) {
          // Half-way, hold back until the browser side has seen bytes: a buffering proxy deadlocks here.
          if (sent === total / 2) await clientStarted;
          if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
        }
        res.end();
      })();
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });

    const { received, headers } = await new Promise<{
      received: number;
      headers: http.IncomingHttpHeaders;
    }>((resolve, reject) => {
      http
        .get(`${base}/get-artifact?path=big.bin&run_uuid=r`, (res) => {
          let received = 0;
          res.on('data', (c: Buffer) => {
            received += c.length;
            if (received >= MB) clientHasBytes();
          });
          res.on('end', () => resolve({ received, headers: res.headers }));
          res.on('error', reject);
        })
        .on('error', reject);
    });
    expect(received).toBe(total);
    expect(headers['content-length']).toBe(String(total));
    expect(headers['content-encoding']).toBeUndefined();
  }, 30_000);

  it('streams an upload larger than the replay buffer once, without retrying it', async () => {
    stub.handle(answerJson(503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' }));
    const payload = randomBytes(8 * MB);
    const res = await app.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/runs/set-tag', // any forwarded write; the body is what matters
      headers: { 'content-type': 'application/octet-stream' },
      payload,
    });
    expect(res.statusCode).toBe(503);
    expect(stub.requests).toHaveLength(1);
    const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(digest(stub.requests[0]?.body ?? Buffer.alloc(0))).toBe(digest(payload));
  });
});

describe('compression', () => {
  const bigJson = {
    runs: Array.from({ length: 500 }, (_, i) => ({ run_id: `run-${i}`, status: 'FINISHED' })),
  };

  it('compresses JSON from MLflow for a browser that accepts gzip', async () => {
    stub.handle(answerJson(200, bigJson));
    const res = await app.inject({
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/search',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString())).toEqual(bigJson);
    expect(res.rawPayload.length).toBeLessThan(JSON.stringify(bigJson).length / 4);
  });

  it('passes an already-encoded body through untouched', async () => {
    const encoded = gzipSync(JSON.stringify(bigJson));
    stub.handle((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(encoded.length),
      });
      res.end(encoded);
    });
    const res = await app.inject({
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/search',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-length']).toBe(String(encoded.length));
    expect(Buffer.compare(res.rawPayload, encoded)).toBe(0);
    expect(stub.requests[0]?.headers['accept-encoding']).toBe('gzip, br');
  });
});
