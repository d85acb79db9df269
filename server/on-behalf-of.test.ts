import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import { answerJson, startStub, testConfig, type Stub } from './test-stub.ts';

// A Databricks App with user authorization: the signed-in user's token is the only credential used
// for their calls. A refusal of it is that user's answer, never a reason to ask as the app.
describe("the signed-in user's token (Databricks Apps, user authorization)", () => {
  let stub: Stub;
  let app: FastifyInstance;
  beforeEach(async () => {
    stub = await startStub();
    app = await buildServer(
      testConfig({
        DATABRICKS_HOST: stub.url,
        DATABRICKS_TOKEN: 'dapi-app',
        DATABRICKS_APP_PORT: '8000',
        DATABRICKS_APP_NAME: 'parallax',
      }),
    );
  });
  afterEach(async () => {
    await app.close();
    await stub.close();
  });

  const asUser = (url: string) =>
    app.inject({
      method: 'GET',
      url,
      headers: { 'x-forwarded-access-token': 'user-tok', 'x-forwarded-email': 'u@example.com' },
    });

  for (const [status, code] of [
    [403, 'PERMISSION_DENIED'],
    [401, 'UNAUTHENTICATED'],
  ] as const) {
    it(`passes a ${status} on it on as the user's own error, asked once, never as the app`, async () => {
      stub.handle(answerJson(status, { error_code: code, message: 'User u@example.com may not.' }));
      const res = await asUser('/api/2.0/mlflow/experiments/get?experiment_id=7');
      expect(res.statusCode).toBe(status);
      expect(res.json()).toEqual({ error_code: code, message: 'User u@example.com may not.' });
      expect(stub.requests.map((r) => r.headers.authorization)).toEqual(['Bearer user-tok']);
    });
  }

  it("uses the app's own credential only for a request that carries no user token", async () => {
    stub.handle(answerJson(200, { experiment: {} }));
    await asUser('/api/2.0/mlflow/experiments/get?experiment_id=7');
    await app.inject({ method: 'GET', url: '/api/2.0/mlflow/experiments/get?experiment_id=7' });
    expect(stub.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer user-tok',
      'Bearer dapi-app',
    ]);
  });
});
