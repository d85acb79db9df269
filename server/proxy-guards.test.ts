import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from './endpoints.ts';
import { rawRequest, useStubbedServer } from './test-stub.ts';

const { ctx, serverFor } = useStubbedServer();

describe('refusals', () => {
  it('answers 404 ENDPOINT_NOT_FOUND off the allow-list and never calls MLflow', async () => {
    const server = await serverFor();
    const paths = [
      '/api/2.0/preview/scim/v2/Me',
      '/api/2.1/unity-catalog/models',
      '/api/2.0/mlflowx/runs/get',
      '/api/2.0/mlflow/',
      '/ajax-api/2.0/mlflow/gateway-proxy',
      '/api',
      '/version',
      '/graphql',
      '/parallax/api/nope',
    ];
    for (const url of paths) {
      const res = await server.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error_code: 'ENDPOINT_NOT_FOUND' });
    }
    expect(ctx.stub.requests).toHaveLength(0);
  });

  it('refuses absolute URLs, dot segments, encoded slashes and backslashes in the raw target', async () => {
    const server = await serverFor();
    const base = await server.listen({ host: '127.0.0.1', port: 0 });
    const targets = [
      'http://evil.com/api/2.0/mlflow/experiments/search',
      '//evil.com/api/2.0/mlflow/experiments/search',
      '/api/2.0/mlflow/../../version',
      '/api/2.0/mlflow/%2e%2e/%2e%2e/version',
      '/api/2.0/mlflow/%252e%252e/%252e%252e/version',
      '/api/2.0/mlflow/runs%2f..%2fx',
      '/api/2.0/mlflow/runs%2fget',
      '/api/2.0/mlflow/runs\\..\\get',
      '/api/2.0/mlflow/runs%5cget',
      '/api/2.0/mlflow/runs/get%00',
      '/get-artifact?path=../../etc/passwd&run_uuid=r',
      '/get-artifact?path=a%2F..%2F..%2Fsecret&run_uuid=r',
    ];
    for (const target of targets) {
      const res = await rawRequest(base, target);
      expect(res.status, target).toBeGreaterThanOrEqual(400);
      expect(res.status, target).toBeLessThan(500);
      expect(JSON.parse(res.body), target).toHaveProperty('error_code');
    }
    expect(ctx.stub.requests).toHaveLength(0);
  });

  it('refuses a cross-origin POST and creates nothing', async () => {
    const server = await serverFor();
    const res = await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/experiments/create',
      headers: {
        host: 'localhost:5050',
        origin: 'http://evil.example',
        'content-type': 'application/json',
      },
      payload: { name: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error_code: 'CROSS_ORIGIN_REQUEST_BLOCKED' });
    expect(ctx.stub.requests).toHaveLength(0);
  });

  it('refuses a cross-site write without Origin when Sec-Fetch-Site says so', async () => {
    const server = await serverFor();
    const res = await server.inject({
      method: 'DELETE',
      url: '/api/2.0/mlflow/experiments/delete',
      headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      payload: { experiment_id: '1' },
    });
    expect(res.statusCode).toBe(403);
    expect(ctx.stub.requests).toHaveLength(0);
  });

  it('allows a same-origin POST (any scheme) and a POST without Origin', async () => {
    const server = await serverFor({
      PARALLAX_ALLOWED_HOSTS: 'ctx.app.example.com',
      PARALLAX_TRUST_FORWARDED_HEADERS: '1',
    });
    const post = (headers: Record<string, string>) =>
      server.inject({
        method: 'POST',
        url: '/api/2.0/mlflow/experiments/create',
        headers: { 'content-type': 'application/json', ...headers },
        payload: { name: 'x' },
      });
    expect(
      (await post({ host: 'localhost:5050', origin: 'http://localhost:5050' })).statusCode,
    ).toBe(200);
    expect(
      (await post({ host: 'ctx.app.example.com', origin: 'https://ctx.app.example.com' }))
        .statusCode,
    ).toBe(200);
    // Behind the trusted proxy, the browser's host arrives as X-Forwarded-Host.
    expect(
      (
        await post({
          host: 'localhost:8000',
          origin: 'https://ctx.app.example.com',
          'x-forwarded-host': 'ctx.app.example.com',
        })
      ).statusCode,
    ).toBe(200);
    expect((await post({})).statusCode).toBe(200);
    expect(ctx.stub.requests).toHaveLength(4);
  });
});

describe('host validation (DNS rebinding)', () => {
  it('answers 403 to a foreign Host with a matching Origin before anything else, over a real socket', async () => {
    const server = await serverFor();
    const base = await server.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(base);
    const targets: [string, string][] = [
      ['POST', '/api/2.0/mlflow/experiments/create'],
      ['GET', '/api/2.0/mlflow/experiments/search'],
      ['GET', '/parallax/api/config'],
      ['GET', '/parallax/api/artifact?run_id=r&path=x'],
      ['GET', '/parallax/api/metric-series?run_id=r&key=k'],
      ['GET', '/'],
      ['GET', '/healthz'],
      ['GET', '/api/2.0/mlflow/../../x'], // refused for its host before its path
    ];
    for (const [method, target] of targets) {
      const body = method === 'POST' ? '{}' : '';
      const res = await rawRequest(
        base,
        target,
        method,
        {
          host: `evil.example:${port}`,
          origin: `http://evil.example:${port}`,
          'content-type': 'application/json',
          'content-length': String(body.length),
        },
        body,
      );
      expect(res.status, target).toBe(403);
      expect(JSON.parse(res.body), target).toMatchObject({ error_code: 'HOST_NOT_ALLOWED' });
    }
    // The loopback name on another port, and the loopback name with our port: only the latter.
    expect((await rawRequest(base, '/healthz', 'GET', { host: 'localhost:1' })).status).toBe(403);
    expect((await rawRequest(base, '/healthz', 'GET', { host: `localhost:${port}` })).status).toBe(
      200,
    );
    expect(ctx.stub.requests).toHaveLength(0);
  });

  it('lets a name in PARALLAX_ALLOWED_HOSTS through', async () => {
    const server = await serverFor({ PARALLAX_ALLOWED_HOSTS: '*.example.com' });
    const res = await server.inject({
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/search',
      headers: { host: 'mlflow.example.com' },
    });
    expect(res.statusCode).toBe(200);
    const foreign = await server.inject({ method: 'GET', url: '/', headers: { host: 'x.evil' } });
    expect(foreign.statusCode).toBe(403);
  });
});

describe('PARALLAX_READ_ONLY', () => {
  it('refuses every write endpoint with 403 READ_ONLY, before MLflow hears of it', async () => {
    const server = await serverFor({ PARALLAX_READ_ONLY: '1' });
    const writes = ENDPOINTS.filter((e) => e.access === 'write');
    expect(writes.length).toBeGreaterThan(20);
    for (const { method, path } of writes) {
      const res = await server.inject({
        method,
        url: path.replace('{id}', 'm-1').replace('{path+}', 'a/b'),
        headers: { 'content-type': 'application/json' },
        payload: {},
      });
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json()).toEqual({
        error_code: 'READ_ONLY',
        message: 'Parallax is read-only (PARALLAX_READ_ONLY=1): changes are turned off.',
      });
    }
    expect(ctx.stub.requests).toHaveLength(0);
  });

  it('still forwards every read, the POST searches included', async () => {
    const server = await serverFor({ PARALLAX_READ_ONLY: '1' });
    const reads = ENDPOINTS.filter((e) => e.access === 'read');
    for (const { method, path } of reads) {
      const res = await server.inject({
        method,
        url: path.replace('{id}', 'm-1').replace('{path+}', 'a/b'),
        ...(method === 'GET'
          ? {}
          : { headers: { 'content-type': 'application/json' }, payload: {} }),
      });
      expect(res.statusCode, `${method} ${path}`).toBe(200);
    }
    expect(ctx.stub.requests).toHaveLength(reads.length);
  });
});
