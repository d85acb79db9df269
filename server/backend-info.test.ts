import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParallaxConfig } from '../src/api/types.ts';
import { buildServer } from './app.ts';
import { answerJson, closedPort, startStub, testConfig, type Stub } from './test-stub.ts';

let stub: Stub;
let app: FastifyInstance | undefined;

beforeEach(async () => {
  stub = await startStub((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('3.17.2');
  });
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  await stub.close();
});

async function config(env: Record<string, string>, headers: Record<string, string> = {}) {
  app ??= await buildServer(testConfig(env));
  const res = await app.inject({ method: 'GET', url: '/parallax/api/config', headers });
  return {
    status: res.statusCode,
    body: res.json<ParallaxConfig & { error_code?: string; message?: string }>(),
    raw: res,
  };
}

describe('GET /parallax/api/config on open-source MLflow', () => {
  it('reports the version from /version, the workspace registry with stages, and the host', async () => {
    const { status, body, raw } = await config({
      MLFLOW_TRACKING_URI: stub.url,
      MLFLOW_TRACKING_TOKEN: 'sekrit-token',
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      backend: 'oss',
      mlflow_version: '3.17.2',
      registry: 'workspace',
      capabilities: { stages: true, aliases: true, history_bulk_interval: true },
      user: null,
      read_only: false,
      tracking_uri_host: new URL(stub.url).host,
    });
    expect(raw.headers['cache-control']).toBe('no-store');
    expect(raw.body).not.toContain('sekrit');
    expect(stub.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/version', 'Bearer sekrit-token'],
    ]);
  });

  it('asks MLflow once a minute, not once per page load', async () => {
    const env = { MLFLOW_TRACKING_URI: stub.url };
    app = await buildServer(testConfig(env));
    await Promise.all([config(env), config(env), config(env)]);
    await config(env);
    expect(stub.requests).toHaveLength(1);
  });

  it('turns off what an old server lacks, and reports an unreadable version as null', async () => {
    stub.handle((_req, res) => res.end('2.9.2'));
    expect((await config({ MLFLOW_TRACKING_URI: stub.url })).body.capabilities).toEqual({
      stages: true,
      aliases: true,
      history_bulk_interval: false,
    });
    await app?.close();
    app = undefined;
    stub.handle((_req, res) => res.writeHead(404).end('<html>not here</html>'));
    expect((await config({ MLFLOW_TRACKING_URI: stub.url })).body.mlflow_version).toBeNull();
  });

  it('never names the basic-auth user, and ignores identity headers a client sends', async () => {
    const basic = {
      MLFLOW_TRACKING_URI: stub.url,
      MLFLOW_TRACKING_USERNAME: 'alice-the-admin',
      MLFLOW_TRACKING_PASSWORD: 'pw-9f3k',
    };
    const plain = await config(basic);
    expect(plain.body.user).toBeNull();
    const spoofed = await config(basic, {
      'x-forwarded-email': 'bob@example.com',
      'x-forwarded-user': 'bob',
      'x-forwarded-preferred-username': 'bob',
    });
    expect(spoofed.body.user).toBeNull();
    for (const res of [plain.raw, spoofed.raw]) {
      expect(res.body).not.toMatch(/alice|pw-9f3k|bob/);
      expect(JSON.stringify(res.headers)).not.toMatch(/alice|pw-9f3k|bob/);
    }
  });

  it('names the user from a trusted proxy’s headers (PARALLAX_TRUST_FORWARDED_HEADERS=1)', async () => {
    const env = { MLFLOW_TRACKING_URI: stub.url, PARALLAX_TRUST_FORWARDED_HEADERS: '1' };
    expect((await config(env)).body.user).toBeNull();
    expect((await config(env, { 'x-forwarded-email': 'bob@example.com' })).body.user).toBe(
      'bob@example.com',
    );
    expect((await config(env, { 'x-forwarded-preferred-username': 'carol' })).body.user).toBe(
      'carol',
    );
    expect((await config(env, { 'x-forwarded-user': 'dave@idp' })).body.user).toBe('dave@idp');
  });

  it('reports PARALLAX_READ_ONLY as read_only', async () => {
    expect((await config({ MLFLOW_TRACKING_URI: stub.url })).body.read_only).toBe(false);
    await app?.close();
    app = undefined;
    const env = { MLFLOW_TRACKING_URI: stub.url, PARALLAX_READ_ONLY: '1' };
    expect((await config(env)).body.read_only).toBe(true);
  });

  it('answers 502 MLFLOW_UNAVAILABLE when MLflow is down', async () => {
    const port = await closedPort();
    const { status, body } = await config({ MLFLOW_TRACKING_URI: `http://127.0.0.1:${port}` });
    expect(status).toBe(502);
    expect(body.error_code).toBe('MLFLOW_UNAVAILABLE');
    expect(body.message).toBe(`MLflow at 127.0.0.1:${port} is not reachable: connection refused`);
  });
});

describe('GET /parallax/api/config on Databricks', () => {
  it('detects Unity Catalog (no stages) when its registry search answers', async () => {
    stub.handle(answerJson(200, { registered_models: [] }));
    const { body } = await config({ DATABRICKS_HOST: stub.url, DATABRICKS_TOKEN: 'dapi' });
    expect(body).toMatchObject({
      backend: 'databricks',
      mlflow_version: null,
      registry: 'unity-catalog',
      capabilities: { stages: false, aliases: true, history_bulk_interval: true },
    });
    expect(stub.requests.map((r) => r.url)).toContain(
      '/api/2.0/mlflow/unity-catalog/registered-models/search?max_results=1',
    );
    expect(stub.requests.every((r) => r.headers.authorization === 'Bearer dapi')).toBe(true);
  });

  it('falls back to the workspace registry with stages when there is no metastore', async () => {
    stub.handle((req, res, recorded) => {
      if (req.url?.includes('unity-catalog')) {
        answerJson(400, {
          error_code: 'INVALID_PARAMETER_VALUE',
          message: 'METASTORE_DOES_NOT_EXIST',
        })(req, res, recorded);
      } else {
        answerJson(404, { error_code: 'ENDPOINT_NOT_FOUND', message: 'no' })(req, res, recorded);
      }
    });
    const { body } = await config({ DATABRICKS_HOST: stub.url, DATABRICKS_TOKEN: 'dapi' });
    expect(body.registry).toBe('workspace');
    expect(body.capabilities).toEqual({
      stages: true,
      aliases: true,
      history_bulk_interval: false,
    });
  });

  const databricksApp = {
    DATABRICKS_HOST: '',
    DATABRICKS_TOKEN: 'dapi',
    DATABRICKS_APP_PORT: '8000',
  };

  it('in a Databricks App, probes with the signed-in user’s forwarded token', async () => {
    stub.handle(answerJson(200, {}));
    await config(
      { ...databricksApp, DATABRICKS_HOST: stub.url },
      { 'x-forwarded-access-token': 'user-tok' },
    );
    expect(stub.requests.length).toBeGreaterThan(0);
    expect(stub.requests.every((r) => r.headers.authorization === 'Bearer user-tok')).toBe(true);
  });

  it('outside an App, ignores a forwarded token a client sends', async () => {
    stub.handle(answerJson(200, {}));
    await config(
      { DATABRICKS_HOST: stub.url, DATABRICKS_TOKEN: 'dapi' },
      { 'x-forwarded-access-token': 'user-tok' },
    );
    expect(stub.requests.every((r) => r.headers.authorization === 'Bearer dapi')).toBe(true);
  });

  it('caches the probe per credential: one user’s answer never serves another', async () => {
    // The Unity Catalog probe succeeds for alice and finds no metastore for bob.
    stub.handle((req, res, recorded) => {
      const bob = req.headers.authorization === 'Bearer bob-tok';
      if (req.url?.includes('unity-catalog') && bob) {
        answerJson(400, { error_code: 'X', message: 'METASTORE_DOES_NOT_EXIST' })(
          req,
          res,
          recorded,
        );
      } else {
        answerJson(200, {})(req, res, recorded);
      }
    });
    const env = { ...databricksApp, DATABRICKS_HOST: stub.url };
    const as = async (token: string) =>
      (await config(env, { 'x-forwarded-access-token': token })).body.registry;
    expect(await as('alice-tok')).toBe('unity-catalog');
    expect(await as('bob-tok')).toBe('workspace');
    expect(await as('alice-tok')).toBe('unity-catalog');
    const asked = stub.requests.length;
    expect(await as('bob-tok')).toBe('workspace');
    expect(stub.requests).toHaveLength(asked); // bob's own answer, from the cache
  });
});
