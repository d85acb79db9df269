import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import { testConfig } from './test-stub.ts';

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script></body></html>';
let dist: string;
let app: FastifyInstance | undefined;

beforeAll(() => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'parallax-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(
    path.join(dist, 'assets', 'app-abc123.js'),
    'console.log("parallax");\n'.repeat(100),
  );
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

afterEach(async () => {
  await app?.close();
  app = undefined;
});

// Port 9 (discard) is never contacted: none of these tests reaches MLflow.
const withDist = async (dir: string) => {
  app = await buildServer(
    testConfig({ MLFLOW_TRACKING_URI: 'http://127.0.0.1:9', PARALLAX_STATIC_DIR: dir }),
  );
  return app;
};

describe('static SPA', () => {
  it('serves index.html at / without caching it', async () => {
    const res = await (await withDist(dist)).inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX);
  });

  it('caches hashed assets for a year', async () => {
    const res = await (
      await withDist(dist)
    ).inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates other root files', async () => {
    const res = await (await withDist(dist)).inject({ method: 'GET', url: '/favicon.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers client routes with index.html', async () => {
    const server = await withDist(dist);
    for (const url of [
      '/experiments',
      '/experiments/3/runs/abc?sort=metrics.loss',
      '/models/cat.schema.churn',
    ]) {
      const res = await server.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers JSON 404 for a missing asset, API-looking paths and non-GET methods', async () => {
    const server = await withDist(dist);
    const cases = [
      { method: 'GET' as const, url: '/assets/app-old.js' },
      { method: 'GET' as const, url: '/parallax/api/unknown' },
      { method: 'POST' as const, url: '/parallax/api/config' },
      { method: 'GET' as const, url: '/version' },
      { method: 'GET' as const, url: '/static-files/index.html' },
      { method: 'POST' as const, url: '/experiments' },
    ];
    for (const { method, url } of cases) {
      const res = await server.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json(), `${method} ${url}`).toMatchObject({ error_code: 'ENDPOINT_NOT_FOUND' });
    }
  });

  it('serves only the API when the static folder is missing', async () => {
    const server = await withDist(path.join(dist, 'does-not-exist'));
    const res = await server.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error_code: 'ENDPOINT_NOT_FOUND' });
    expect((await server.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ ok: true });
  });

  it('puts the security headers on pages, assets, health checks and errors', async () => {
    const server = await withDist(dist);
    for (const url of ['/', '/assets/app-abc123.js', '/healthz', '/parallax/nope', '/a/%2e%2e/b']) {
      const res = await server.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toMatch(
        /^default-src 'self'; script-src 'self';/,
      );
      expect(res.headers['content-security-policy'], url).toMatch(/frame-ancestors 'none'$/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
    }
  });
});
