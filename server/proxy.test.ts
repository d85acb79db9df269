import { describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import { answerJson, testConfig, useStubbedServer } from './test-stub.ts';

const { ctx, serverFor } = useStubbedServer();

describe('forwarding', () => {
  it('forwards an allow-listed GET with its query string untouched', async () => {
    ctx.stub.handle(answerJson(200, { experiments: [{ experiment_id: '1' }] }));
    const server = await serverFor();
    const url =
      '/api/2.0/mlflow/experiments/search?max_results=5&filter=name%20LIKE%20%27a%25%27&x=1&x=2';
    const res = await server.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ experiments: [{ experiment_id: '1' }] });
    expect(ctx.stub.requests).toHaveLength(1);
    expect(ctx.stub.requests[0]?.method).toBe('GET');
    expect(ctx.stub.requests[0]?.url).toBe(url);
  });

  it('forwards every allow-listed prefix', async () => {
    const server = await serverFor();
    const paths = [
      '/api/2.0/mlflow/runs/get?run_id=a',
      '/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval?run_ids=a&metric_key=loss',
      '/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/model/MLmodel',
      '/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=MLmodel',
      '/api/2.0/mlflow/registered-models/search?max_results=1',
      '/get-artifact?path=plot.png&run_uuid=abc',
      '/model-versions/get-artifact?name=m&version=1&path=MLmodel',
    ];
    for (const url of paths) {
      const res = await server.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
    }
    expect(ctx.stub.requests.map((r) => r.url)).toEqual(paths);
  });

  it('forwards a POST body and its content type, and rewrites Host', async () => {
    ctx.stub.handle(answerJson(200, { experiment_id: '7' }));
    const server = await serverFor();
    const res = await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/experiments/create',
      headers: { host: 'localhost:5050', 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'churn' }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ experiment_id: '7' });
    const seen = ctx.stub.requests[0];
    expect(seen?.method).toBe('POST');
    expect(seen?.body.toString()).toBe('{"name":"churn"}');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers.host).toBe(new URL(ctx.stub.url).host);
  });

  it('forwards a DELETE with its JSON body and passes the status and error body back', async () => {
    ctx.stub.handle(
      answerJson(404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'no such model' }),
    );
    const server = await serverFor();
    const res = await server.inject({
      method: 'DELETE',
      url: '/api/2.0/mlflow/registered-models/alias',
      headers: { 'content-type': 'application/json' },
      payload: { name: 'm', alias: 'champion' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
    expect(JSON.parse(ctx.stub.requests[0]?.body.toString() ?? '')).toEqual({
      name: 'm',
      alias: 'champion',
    });
  });

  it('passes through content-disposition and retry-after, but not set-cookie or www-authenticate', async () => {
    ctx.stub.handle((_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/csv',
        'content-disposition': 'attachment; filename="t.csv"',
        'retry-after': '3',
        'set-cookie': 'session=abc',
        'www-authenticate': 'Basic realm="mlflow"',
        'x-internal': 'secret',
      });
      res.end('a,b\n1,2\n');
    });
    const server = await serverFor();
    const res = await server.inject({ method: 'GET', url: '/get-artifact?path=t.csv&run_uuid=r' });
    expect(res.headers['content-disposition']).toBe('attachment; filename="t.csv"');
    expect(res.headers['retry-after']).toBe('3');
    expect(res.headers['content-type']).toBe('text/csv');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['www-authenticate']).toBeUndefined();
    expect(res.headers['x-internal']).toBeUndefined();
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.body).toBe('a,b\n1,2\n');
  });

  it('answers 404 to a method the endpoint table does not list for the path', async () => {
    const server = await serverFor();
    for (const method of ['PUT', 'DELETE', 'POST', 'OPTIONS', 'HEAD'] as const) {
      const res = await server.inject({ method, url: '/api/2.0/mlflow-artifacts/artifacts/x' });
      expect(res.statusCode, method).toBe(404);
      if (method !== 'HEAD')
        expect(res.json(), method).toMatchObject({ error_code: 'ENDPOINT_NOT_FOUND' });
    }
    expect(ctx.stub.requests).toHaveLength(0);
  });
});

describe('credentials', () => {
  const browserHeaders = {
    origin: 'http://localhost:80',
    host: 'localhost',
    cookie: 'mlflow_session=abc',
    authorization: 'Bearer from-the-browser',
    referer: 'http://localhost/experiments',
    'x-forwarded-access-token': 'user-token',
    'x-mlflow-workspace': 'team-a',
    accept: 'application/json',
  };

  it('drops Origin, Referer, Cookie and the browser Authorization; sends no auth when none is set', async () => {
    const server = await serverFor();
    await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/runs/search',
      headers: browserHeaders,
      payload: {},
    });
    const seen = ctx.stub.requests[0]?.headers ?? {};
    expect(seen.origin).toBeUndefined();
    expect(seen.referer).toBeUndefined();
    expect(seen.cookie).toBeUndefined();
    expect(seen.authorization).toBeUndefined();
    expect(seen['x-forwarded-access-token']).toBeUndefined();
    expect(seen['x-mlflow-workspace']).toBe('team-a');
    expect(seen.accept).toBe('application/json');
  });

  it('injects a bearer token and ignores a forwarded token outside Databricks', async () => {
    const server = await serverFor({ MLFLOW_TRACKING_TOKEN: 'tok-1' });
    await server.inject({
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/search',
      headers: browserHeaders,
    });
    expect(ctx.stub.requests[0]?.headers.authorization).toBe('Bearer tok-1');
  });

  it('injects basic credentials', async () => {
    const server = await serverFor({
      MLFLOW_TRACKING_USERNAME: 'admin',
      MLFLOW_TRACKING_PASSWORD: 'pw:1',
    });
    await server.inject({
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/search',
      headers: browserHeaders,
    });
    const expected = `Basic ${Buffer.from('admin:pw:1').toString('base64')}`;
    expect(ctx.stub.requests[0]?.headers.authorization).toBe(expected);
  });

  it('in a Databricks App prefers the forwarded user token over the app credential', async () => {
    ctx.app = await buildServer(
      testConfig({
        DATABRICKS_HOST: ctx.stub.url,
        DATABRICKS_TOKEN: 'dapi-app',
        DATABRICKS_APP_PORT: '8000',
      }),
    );
    await ctx.app.inject({
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/search',
      headers: browserHeaders,
    });
    await ctx.app.inject({ method: 'GET', url: '/api/2.0/mlflow/experiments/search' });
    expect(ctx.stub.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer user-token',
      'Bearer dapi-app',
    ]);
  });

  it('on Databricks outside an App, uses the app credential whatever token a client sends', async () => {
    ctx.app = await buildServer(
      testConfig({ DATABRICKS_HOST: ctx.stub.url, DATABRICKS_TOKEN: 'dapi-app' }),
    );
    await ctx.app.inject({
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/search',
      headers: browserHeaders,
    });
    expect(ctx.stub.requests.map((r) => r.headers.authorization)).toEqual(['Bearer dapi-app']);
  });

  it('fetches a service-principal token once and reuses it', async () => {
    const token = answerJson(200, {
      access_token: 'sp-token',
      token_type: 'Bearer',
      expires_in: 3600,
    });
    const ok = answerJson(200, {});
    ctx.stub.handle((req, res, recorded) =>
      (req.url === '/oidc/v1/token' ? token : ok)(req, res, recorded),
    );
    ctx.app = await buildServer(
      testConfig({
        DATABRICKS_HOST: ctx.stub.url,
        DATABRICKS_CLIENT_ID: 'cid',
        DATABRICKS_CLIENT_SECRET: 'csecret',
      }),
    );
    for (let i = 0; i < 3; i++) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: '/api/2.0/mlflow/experiments/search',
      });
      expect(res.statusCode).toBe(200);
    }
    const tokenCalls = ctx.stub.requests.filter((r) => r.url === '/oidc/v1/token');
    expect(tokenCalls).toHaveLength(1);
    const api = ctx.stub.requests.filter((r) => r.url !== '/oidc/v1/token');
    expect(api.map((r) => r.headers.authorization)).toEqual(Array(3).fill('Bearer sp-token'));
  });

  it('answers 502 UPSTREAM_AUTH_FAILED without the secret when the token endpoint refuses', async () => {
    ctx.stub.handle(
      answerJson(401, { error: 'invalid_client', error_description: 'client cid is bad' }),
    );
    ctx.app = await buildServer(
      testConfig({
        DATABRICKS_HOST: ctx.stub.url,
        DATABRICKS_CLIENT_ID: 'cid',
        DATABRICKS_CLIENT_SECRET: 'csecret',
      }),
    );
    const res = await ctx.app.inject({ method: 'GET', url: '/api/2.0/mlflow/experiments/search' });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ error_code: 'UPSTREAM_AUTH_FAILED' });
    expect(res.body).not.toMatch(/csecret|cid/);
  });
});
