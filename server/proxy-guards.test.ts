import { describe, expect, it } from 'vitest';
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
    const server = await serverFor();
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
