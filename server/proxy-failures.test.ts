import { describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import { answerJson, closedPort, testConfig, useStubbedServer } from './test-stub.ts';

const { ctx, serverFor } = useStubbedServer();

describe('MLflow unavailable', () => {
  it('answers 502 MLFLOW_UNAVAILABLE quickly when nothing listens on the port', async () => {
    const port = await closedPort();
    ctx.app = await buildServer(testConfig({ MLFLOW_TRACKING_URI: `http://127.0.0.1:${port}` }));
    const started = Date.now();
    const res = await ctx.app.inject({ method: 'GET', url: '/api/2.0/mlflow/experiments/search' });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toEqual({
      error_code: 'MLFLOW_UNAVAILABLE',
      message: `MLflow at 127.0.0.1:${port} is not reachable: connection refused`,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 502 within the header timeout when MLflow accepts but never answers', async () => {
    ctx.stub.handle(() => {
      // never answer
    });
    const server = await serverFor({ PARALLAX_UPSTREAM_TIMEOUT_MS: '300' });
    const started = Date.now();
    const res = await server.inject({ method: 'GET', url: '/api/2.0/mlflow/experiments/search' });
    const took = Date.now() - started;
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ error_code: 'MLFLOW_UNAVAILABLE' });
    expect(res.json<{ message: string }>().message).toMatch(
      /not reachable: no response within 300 ms/,
    );
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1_500);
    expect(ctx.stub.requests).toHaveLength(1);
  });
});

describe('MLflow cutting an answer off', () => {
  it('answers 502 MLFLOW_UNAVAILABLE, not 500, when the compressor still holds the headers', async () => {
    ctx.stub.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"runs": [');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const server = await serverFor();
    const res = await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/runs/search',
      payload: {},
      // Brotli emits nothing for a short first chunk, so no header has left when the cut comes
      // (gzip writes its own header bytes at once; that answer is cut off, as it must be).
      headers: { 'accept-encoding': 'br' },
    });
    expect(res.statusCode).toBe(502);
    expect(res.json<{ error_code: string; message: string }>()).toMatchObject({
      error_code: 'MLFLOW_UNAVAILABLE',
      message: expect.stringMatching(/closed the connection before its answer was complete/),
    });
  });
});

describe('retries', () => {
  it('retries a GET answered 429, waiting for Retry-After, then passes the success through', async () => {
    let calls = 0;
    ctx.stub.handle((req, res, recorded) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify({ error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }));
      } else {
        answerJson(200, { runs: [] })(req, res, recorded);
      }
    });
    const server = await serverFor();
    const started = Date.now();
    const res = await server.inject({
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/search?x=1',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ runs: [] });
    expect(ctx.stub.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up after the attempt budget and returns the last answer', async () => {
    ctx.stub.handle(answerJson(503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' }));
    const server = await serverFor();
    const res = await server.inject({ method: 'GET', url: '/api/2.0/mlflow/runs/get?run_id=a' });
    expect(res.statusCode).toBe(503);
    expect(ctx.stub.requests).toHaveLength(3);
  });

  it('does not retry a POST answered 502', async () => {
    ctx.stub.handle(answerJson(502, { error_code: 'BAD_GATEWAY', message: 'x' }));
    const server = await serverFor();
    const res = await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/runs/update',
      headers: { 'content-type': 'application/json' },
      payload: { run_id: 'r', metrics: [] },
    });
    expect(res.statusCode).toBe(502);
    expect(ctx.stub.requests).toHaveLength(1);
  });

  it('retries a POST search (a read) answered 502, as a read, and a 408 too', async () => {
    const failures = [502, 408];
    ctx.stub.handle((req, res, recorded) => {
      const status = failures.shift();
      if (status)
        answerJson(status, { error_code: 'BAD_GATEWAY', message: 'x' })(req, res, recorded);
      else answerJson(200, { runs: [] })(req, res, recorded);
    });
    const server = await serverFor();
    const res = await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/runs/search',
      headers: { 'content-type': 'application/json' },
      payload: { experiment_ids: ['1'] },
    });
    expect(res.statusCode).toBe(200);
    expect(ctx.stub.requests).toHaveLength(3);
  });

  it('retries a POST answered 503, sending the same body again', async () => {
    let calls = 0;
    ctx.stub.handle((req, res, recorded) => {
      calls += 1;
      if (calls === 1)
        answerJson(503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'x' })(
          req,
          res,
          recorded,
        );
      else answerJson(200, {})(req, res, recorded);
    });
    const server = await serverFor();
    const payload = JSON.stringify({ run_id: 'r', key: 'k', value: 'v' });
    const res = await server.inject({
      method: 'POST',
      url: '/api/2.0/mlflow/runs/set-tag',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(200);
    expect(ctx.stub.requests.map((r) => r.body.toString())).toEqual([payload, payload]);
  });
});
