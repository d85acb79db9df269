import { describe, expect, it } from 'vitest';
import { answerJson, useStubbedServer, type StubHandler } from './test-stub.ts';

// The proxy maps workspace-registry calls to Unity Catalog only where the backend's registry is
// UC (server/uc-registry.ts): these run a Parallax server against the stub MLflow, configured as
// a Databricks workspace whose UC probe answers (UC) or 404s (legacy registry), and as OSS.

const { ctx, serverFor } = useStubbedServer();
const DATABRICKS = { DATABRICKS_TOKEN: 'dapi-test' };
const NAME = 'main.ml.churn';

/** The stub as a Databricks workspace: UC present or not, every other call answered `body`. */
const UC_PROBE = '/api/2.0/mlflow/unity-catalog/registered-models/search?max_results=1';
const isProbe = (url: string) =>
  url === UC_PROBE || url.startsWith('/api/2.0/mlflow/metrics/get-history-bulk-interval');

const workspace =
  (uc: boolean, body: unknown = { ok: true }): StubHandler =>
  (req, res, recorded) => {
    const url = req.url ?? '';
    if (url === UC_PROBE) {
      return uc
        ? answerJson(200, { registered_models: [] })(req, res, recorded)
        : answerJson(404, { error_code: 'ENDPOINT_NOT_FOUND', message: 'no' })(req, res, recorded);
    }
    if (url.startsWith('/api/2.0/mlflow/metrics/get-history-bulk-interval')) {
      return answerJson(400, { error_code: 'INVALID_PARAMETER_VALUE' })(req, res, recorded);
    }
    return answerJson(200, body)(req, res, recorded);
  };

/** What reached MLflow, probes left out. */
const forwarded = () =>
  ctx.stub.requests
    .filter((r) => !isProbe(r.url))
    .map((r) => ({ method: r.method, url: r.url, body: r.body.toString() }));

describe('a Databricks backend whose registry is Unity Catalog', () => {
  it('forwards a models search to the UC endpoint and relays the answer', async () => {
    ctx.stub.handle(workspace(true, { registered_models: [{ name: NAME }] }));
    const server = await serverFor({ DATABRICKS_HOST: ctx.stub.url, ...DATABRICKS });
    const res = await server.inject({
      method: 'GET',
      url: '/api/2.0/mlflow/registered-models/search?max_results=100',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ registered_models: [{ name: NAME }] });
    expect(forwarded()).toEqual([
      {
        method: 'GET',
        url: '/api/2.0/mlflow/unity-catalog/registered-models/search?max_results=100',
        body: '',
      },
    ]);
  });

  it('sends a rename as a PATCH to UC update with new_name, as JSON', async () => {
    ctx.stub.handle(workspace(true, { registered_model: { name: 'main.ml.churn2' } }));
    const server = await serverFor({ DATABRICKS_HOST: ctx.stub.url, ...DATABRICKS });
    const res = await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/registered-models/rename',
      headers: { 'content-type': 'application/json' },
      payload: { name: NAME, new_name: 'main.ml.churn2' },
    });
    expect(res.statusCode).toBe(200);
    const [sent] = forwarded();
    expect(sent?.method).toBe('PATCH');
    expect(sent?.url).toBe('/api/2.0/mlflow/unity-catalog/registered-models/update');
    expect(JSON.parse(sent?.body ?? '')).toEqual({ name: NAME, new_name: 'main.ml.churn2' });
    const headers = ctx.stub.requests.find((r) => r.method === 'PATCH')?.headers;
    expect(headers?.['content-type']).toBe('application/json');
    expect(headers?.authorization).toBe('Bearer dapi-test');
  });

  it('sends a DELETE with its JSON body to the UC twin', async () => {
    ctx.stub.handle(workspace(true, {}));
    const server = await serverFor({ DATABRICKS_HOST: ctx.stub.url, ...DATABRICKS });
    const res = await server.inject({
      method: 'DELETE',
      url: '/api/2.0/mlflow/model-versions/delete',
      headers: { 'content-type': 'application/json' },
      payload: { name: NAME, version: 3 },
    });
    expect(res.statusCode).toBe(200);
    expect(forwarded()).toEqual([
      {
        method: 'DELETE',
        url: '/api/2.0/mlflow/unity-catalog/model-versions/delete',
        body: JSON.stringify({ name: NAME, version: '3' }),
      },
    ]);
  });

  it('refuses a stage transition itself, in MLflow words, and sends nothing', async () => {
    ctx.stub.handle(workspace(true));
    const server = await serverFor({ DATABRICKS_HOST: ctx.stub.url, ...DATABRICKS });
    const res = await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/model-versions/transition-stage',
      headers: { 'content-type': 'application/json' },
      payload: { name: NAME, version: '1', stage: 'Production', archive_existing_versions: false },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringMatching(/unsupported for models in the Unity Catalog/),
    });
    expect(forwarded()).toEqual([]);
  });

  it('refuses the UC endpoints when the browser calls them directly', async () => {
    ctx.stub.handle(workspace(true));
    const server = await serverFor({ DATABRICKS_HOST: ctx.stub.url, ...DATABRICKS });
    const res = await server.inject({
      method: 'GET',
      url: '/api/2.0/mlflow/unity-catalog/registered-models/get?name=main.ml.churn',
    });
    expect(res.statusCode).toBe(404);
    expect(forwarded()).toEqual([]);
  });

  it('keeps read-only mode: a mapped write is refused before anything is sent', async () => {
    ctx.stub.handle(workspace(true));
    const server = await serverFor({
      DATABRICKS_HOST: ctx.stub.url,
      ...DATABRICKS,
      PARALLAX_READ_ONLY: '1',
    });
    const res = await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/registered-models/set-tag',
      headers: { 'content-type': 'application/json' },
      payload: { name: NAME, key: 'k', value: 'v' },
    });
    expect(res.statusCode).toBe(403);
    expect(forwarded()).toEqual([]);
  });
});

describe('backends whose registry is not Unity Catalog', () => {
  it('forwards the workspace path as it came on a Databricks legacy registry', async () => {
    ctx.stub.handle(workspace(false));
    const server = await serverFor({ DATABRICKS_HOST: ctx.stub.url, ...DATABRICKS });
    const url = '/api/2.0/mlflow/registered-models/search?filter=name%3D%27m%27&max_results=5';
    const res = await server.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(forwarded()).toEqual([{ method: 'GET', url, body: '' }]);
  });

  it('never maps on open-source MLflow, and never probes for it', async () => {
    ctx.stub.handle(answerJson(200, { ok: true }));
    const server = await serverFor();
    const res = await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/model-versions/transition-stage',
      headers: { 'content-type': 'application/json' },
      payload: { name: 'churn', version: '1', stage: 'Staging', archive_existing_versions: false },
    });
    expect(res.statusCode).toBe(200);
    expect(ctx.stub.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/2.0/mlflow/model-versions/transition-stage',
    ]);
  });
});
