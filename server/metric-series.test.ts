import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetricSeriesWire } from '../src/lib/metric-series.ts';
import { buildServer } from './app.ts';
import { createAuthProvider } from './auth.ts';
import { HISTORY_PAGE, offsetOf, offsetToken } from './metric-history.ts';
import { registerMetricSeries } from './metric-series.ts';
import { closedPort, countingInFlight, startStub, testConfig, type Stub } from './test-stub.ts';
import { createUpstreamClient } from './upstream.ts';

interface FakeRun {
  status: string;
  /** key → [step, value, timestamp][] in MLflow's order (by timestamp). */
  metrics: Map<string, [number, number | string, number][]>;
}

let stub: Stub;
let app: FastifyInstance | undefined;
let runs: Map<string, FakeRun>;
let clock: number;
/** 'offset' pages as open-source MLflow does; 'opaque' hands out tokens that are not offsets. */
let paging: 'offset' | 'opaque';

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function fakeMlflow(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const run = runs.get(url.searchParams.get('run_id') ?? '');
  if (url.pathname === '/api/2.0/mlflow/runs/get') {
    if (!run) {
      send(res, 404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run not found' });
      return;
    }
    const metrics = [...run.metrics].map(([key, points]) => {
      const [step, value, timestamp] =
        [...points].sort((a, b) => b[0] - a[0] || b[2] - a[2])[0] ?? [];
      return { key, step, value, timestamp };
    });
    send(res, 200, { run: { info: { status: run.status }, data: { metrics } } });
    return;
  }
  if (url.pathname === '/api/2.0/mlflow/metrics/get-history') {
    const all = run?.metrics.get(url.searchParams.get('metric_key') ?? '') ?? [];
    const limit = Number(url.searchParams.get('max_results') ?? Infinity);
    const token = url.searchParams.get('page_token');
    const offset =
      token === null ? 0 : paging === 'offset' ? offsetOf(token) : Number(token.slice(1));
    const start = offset ?? 0;
    const page = all.slice(start, start + limit);
    const body: Record<string, unknown> = {};
    if (page.length)
      body.metrics = page.map(([step, value, timestamp]) => ({ key: 'k', value, timestamp, step }));
    const next = start + limit;
    if (next < all.length)
      body.next_page_token = paging === 'offset' ? offsetToken(next) : `p${next}`;
    send(res, 200, body);
    return;
  }
  send(res, 404, { error_code: 'ENDPOINT_NOT_FOUND', message: 'no' });
}

function line(n: number, at = 0): [number, number | string, number][] {
  return Array.from({ length: n }, (_, i) => [
    at + i,
    Math.sin(i / 50) + (i % 997 === 0 ? 20 : 0),
    1_000 + i,
  ]);
}

beforeEach(async () => {
  runs = new Map();
  clock = 1_000_000;
  paging = 'offset';
  stub = await startStub(fakeMlflow);
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  await stub.close();
});

async function server(cacheBytes = 64 * 1024 * 1024): Promise<FastifyInstance> {
  const config = testConfig({ MLFLOW_TRACKING_URI: stub.url });
  const upstream = createUpstreamClient(config.upstream, config);
  const auth = createAuthProvider(config.auth, { useForwardedToken: false, timeoutMs: 1_000 });
  app = Fastify();
  app.addHook('onClose', async () => upstream.close());
  registerMetricSeries(app, { upstream, auth, retry: config.retry, cacheBytes, now: () => clock });
  await app.ready();
  return app;
}

async function series(query: string, server?: FastifyInstance) {
  const target = server ?? app;
  if (!target) throw new Error('no server');
  const res = await target.inject({
    method: 'GET',
    url: `/parallax/api/metric-series?${query}`,
  });
  return {
    status: res.statusCode,
    body: res.json<MetricSeriesWire & { error_code?: string }>(),
    res,
  };
}

const historyCalls = () => stub.requests.filter((r) => r.url.includes('get-history')).length;
const runCalls = () => stub.requests.filter((r) => r.url.includes('runs/get')).length;

describe('GET /parallax/api/metric-series', () => {
  it('reads every page (offset tokens, several at once) and reduces to the asked points', async () => {
    const points = line(3 * HISTORY_PAGE + 17);
    runs.set('r1', { status: 'FINISHED', metrics: new Map([['loss', points]]) });
    await server();
    const { status, body } = await series('run_id=r1&key=loss&points=500');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      run_id: 'r1',
      key: 'loss',
      raw_count: points.length,
      window_count: points.length,
      start_step: null,
      end_step: null,
      exact: false,
      running: false,
    });
    expect(body.step.length).toBeLessThanOrEqual(500);
    expect(body.step[0]).toBe(0);
    expect(body.step.at(-1)).toBe(points.length - 1);
    // Every injected spike survives; the band reaches it too.
    for (let s = 0; s < points.length; s += 997) expect(body.step).toContain(s);
    expect(Math.max(...(body.band_max as number[]))).toBeGreaterThan(19);
    expect(historyCalls()).toBeGreaterThanOrEqual(4);
    expect(
      stub.requests.every(
        (r) => !r.url.includes('get-history') || r.url.includes('max_results=25000'),
      ),
    ).toBe(true);
  });

  it('follows opaque page tokens one after another', async () => {
    paging = 'opaque';
    runs.set('r1', {
      status: 'FINISHED',
      metrics: new Map([['loss', line(2 * HISTORY_PAGE + 5)]]),
    });
    await server();
    const { body } = await series('run_id=r1&key=loss');
    expect(body.raw_count).toBe(2 * HISTORY_PAGE + 5);
    expect(historyCalls()).toBe(3);
  });

  it('answers a small window exactly, with timestamps, and a large one reduced', async () => {
    runs.set('r1', { status: 'FINISHED', metrics: new Map([['loss', line(10_000)]]) });
    await server();
    const small = (await series('run_id=r1&key=loss&start_step=100&end_step=149&points=50')).body;
    expect(small).toMatchObject({ exact: true, window_count: 50, start_step: 100, end_step: 149 });
    expect(small.step).toEqual(Array.from({ length: 50 }, (_, i) => 100 + i));
    expect(small.timestamp[0]).toBe(1_100);
    expect(small.band_min).toEqual(small.value);
    const large = (await series('run_id=r1&key=loss&start_step=100&end_step=5000&points=10')).body;
    expect(large).toMatchObject({ exact: false, window_count: 4_901 });
    expect(large.step.length).toBeLessThanOrEqual(10);
    expect([large.step[0], large.step.at(-1)]).toEqual([100, 5000]);
    const none = (await series('run_id=r1&key=loss&start_step=20000&end_step=30000')).body;
    expect(none).toMatchObject({ exact: true, window_count: 0, step: [] });
    expect(historyCalls()).toBe(1);
  });

  it('keeps NaN and ±Infinity as points, counts them, and keeps the last value of a repeated step', async () => {
    const points = line(5_000);
    points[1_000] = [1_000, 'NaN', 2_000];
    points[2_000] = [2_000, 'Infinity', 3_000];
    points[3_000] = [3_000, '-Infinity', 4_000];
    points.push([10, 99, 999_999]); // step 10 logged again, later
    runs.set('r1', { status: 'FINISHED', metrics: new Map([['loss', points]]) });
    await server();
    const { body } = await series('run_id=r1&key=loss&points=100');
    expect(body).toMatchObject({ nan_count: 1, pos_inf_count: 1, neg_inf_count: 1 });
    expect(body.raw_count).toBe(5_000);
    expect(body.logged_count).toBe(5_001);
    for (const [step, v] of [
      [1_000, 'NaN'],
      [2_000, 'Infinity'],
      [3_000, '-Infinity'],
    ] as const) {
      const k = body.step.indexOf(step);
      expect(body.value[k]).toBe(v);
      expect(body.band_min[k]).toBeNull();
    }
    const exact = (await series('run_id=r1&key=loss&start_step=9&end_step=11')).body;
    expect(exact.value[1]).toBe(99);
    expect(exact.timestamp[1]).toBe(999_999);
  });

  it('serves a finished run from the cache, and a running one refreshed when a few seconds old', async () => {
    runs.set('done', { status: 'FINISHED', metrics: new Map([['loss', line(100)]]) });
    const live = { status: 'RUNNING', metrics: new Map([['loss', line(100)]]) };
    runs.set('live', live);
    await server();
    await series('run_id=done&key=loss');
    await series('run_id=done&key=loss&start_step=0&end_step=10');
    clock += 60_000;
    await series('run_id=done&key=loss');
    expect([historyCalls(), runCalls()]).toEqual([1, 1]);

    expect((await series('run_id=live&key=loss')).body).toMatchObject({
      running: true,
      raw_count: 100,
    });
    clock += 1_000;
    await series('run_id=live&key=loss');
    expect([historyCalls(), runCalls()]).toEqual([2, 2]);

    // Older than the refresh interval but nothing new logged: only runs/get is asked.
    clock += 5_000;
    expect((await series('run_id=live&key=loss')).body.raw_count).toBe(100);
    expect([historyCalls(), runCalls()]).toEqual([2, 3]);

    live.metrics.get('loss')?.push([100, 0.5, 5_000]);
    clock += 5_000;
    expect((await series('run_id=live&key=loss')).body.raw_count).toBe(101);
    expect(historyCalls()).toBe(3);

    live.status = 'FINISHED';
    clock += 5_000;
    expect((await series('run_id=live&key=loss')).body.running).toBe(false);
    clock += 5_000;
    await series('run_id=live&key=loss');
    expect(historyCalls()).toBe(3);
  });

  it('sends an answer it already encoded again, until the history behind it is refreshed', async () => {
    const live = { status: 'RUNNING', metrics: new Map([['loss', line(1_000)]]) };
    runs.set('live', live);
    await server();
    const timing = (a: { res: { headers: Record<string, unknown> } }) =>
      String(a.res.headers['server-timing']);
    const first = await series('run_id=live&key=loss&points=100');
    const again = await series('run_id=live&key=loss&points=100');
    expect(timing(first)).toMatch(/reduce;dur=[\d.]+;desc="encoded"/);
    expect(timing(again)).toMatch(/reduce;dur=[\d.]+;desc="cached"/);
    expect(again.res.rawPayload.equals(first.res.rawPayload)).toBe(true);
    // Another window of the same history is another answer.
    const other = await series('run_id=live&key=loss&points=50');
    expect(timing(other)).toMatch(/desc="encoded"/);

    live.metrics.get('loss')?.push([1_000, 0.25, 9_000]);
    clock += 5_000;
    const refreshed = await series('run_id=live&key=loss&points=100');
    expect(timing(refreshed)).toMatch(/desc="encoded"/);
    expect(refreshed.body.raw_count).toBe(1_001);
    expect(refreshed.body.step.at(-1)).toBe(1_000);
  });

  it('reads at most four history pages from MLflow at once, however many series are asked', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    for (const id of ids) {
      runs.set(id, { status: 'FINISHED', metrics: new Map([['loss', line(2 * HISTORY_PAGE)]]) });
    }
    const counting = countingInFlight('get-history', 50, fakeMlflow);
    stub.handle(counting.handler);
    await server();
    const answers = await Promise.all(ids.map((id) => series(`run_id=${id}&key=loss&points=100`)));
    expect(answers.map((a) => a.body.raw_count)).toEqual(Array(10).fill(2 * HISTORY_PAGE));
    expect(historyCalls()).toBe(20);
    expect(counting.most()).toBe(4);
  });

  it('shares one upstream read among concurrent requests for the same series', async () => {
    runs.set('r1', { status: 'FINISHED', metrics: new Map([['loss', line(30_000)]]) });
    await server();
    const answers = await Promise.all([
      series('run_id=r1&key=loss'),
      series('run_id=r1&key=loss&points=100'),
      series('run_id=r1&key=loss&start_step=5&end_step=50'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect([historyCalls(), runCalls()]).toEqual([2, 1]);
  });

  it('keeps the cache within its byte bound, evicting the least recently used series', async () => {
    runs.set('a', { status: 'FINISHED', metrics: new Map([['loss', line(10_000)]]) });
    runs.set('b', { status: 'FINISHED', metrics: new Map([['loss', line(10_000)]]) });
    // 10,000 points × 24 B: room for one series, not two.
    await server(300_000);
    await series('run_id=a&key=loss');
    await series('run_id=a&key=loss');
    expect(historyCalls()).toBe(1);
    await series('run_id=b&key=loss');
    await series('run_id=a&key=loss');
    expect(historyCalls()).toBe(3);
    await series('run_id=a&key=loss');
    expect(historyCalls()).toBe(3);
  });

  it('passes MLflow errors on, and answers 404 for a metric the run never logged', async () => {
    runs.set('r1', { status: 'FINISHED', metrics: new Map([['loss', line(10)]]) });
    await server();
    expect(await series('run_id=nope&key=loss').then((a) => [a.status, a.body.error_code])).toEqual(
      [404, 'RESOURCE_DOES_NOT_EXIST'],
    );
    const missing = await series('run_id=r1&key=acc');
    expect([missing.status, missing.body.error_code]).toEqual([404, 'RESOURCE_DOES_NOT_EXIST']);
    stub.handle((_req, res) =>
      send(res, 403, { error_code: 'PERMISSION_DENIED', message: 'nope' }),
    );
    const denied = await series('run_id=r2&key=loss');
    expect([denied.status, denied.body]).toEqual([
      403,
      { error_code: 'PERMISSION_DENIED', message: 'nope' },
    ]);
    // Errors are not cached.
    stub.handle(fakeMlflow);
    expect((await series('run_id=r1&key=loss')).status).toBe(200);
  });

  it('checks its parameters', async () => {
    await server();
    for (const query of [
      'key=loss',
      'run_id=r1',
      'run_id=r1&key=loss&start_step=5',
      'run_id=r1&key=loss&end_step=5',
      'run_id=r1&key=loss&start_step=9&end_step=5',
      'run_id=r1&key=loss&start_step=a&end_step=5',
      'run_id=r1&key=loss&points=-3',
      'run_id=r1&key=loss&points=1.5',
      'run_id=r1&key=loss&method=lttb',
      'run_id=r1&run_id=r2&key=loss',
    ]) {
      const { status, body } = await series(query);
      expect([query, status, body.error_code]).toEqual([query, 400, 'INVALID_PARAMETER_VALUE']);
    }
    expect(stub.requests).toHaveLength(0);
    runs.set('r1', { status: 'FINISHED', metrics: new Map([['loss', line(50)]]) });
    expect((await series('run_id=r1&key=loss&points=1')).body.step).toHaveLength(10);
    expect((await series('run_id=r1&key=loss&points=999999')).body.exact).toBe(true);
  });
});

describe('metric-series in the whole server', () => {
  it('is registered, compressed, and answers 502 MLFLOW_UNAVAILABLE when MLflow is down', async () => {
    runs.set('r1', { status: 'FINISHED', metrics: new Map([['loss', line(20_000)]]) });
    app = await buildServer(testConfig({ MLFLOW_TRACKING_URI: stub.url }));
    const res = await app.inject({
      method: 'GET',
      url: '/parallax/api/metric-series?run_id=r1&key=loss',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(gunzipSync(res.rawPayload).toString()) as MetricSeriesWire;
    expect(body.step.length).toBe(2_000);
    expect(res.rawPayload.length).toBeLessThan(JSON.stringify(body).length / 2);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    // Brotli when offered; the same answer either way.
    const br = await app.inject({
      method: 'GET',
      url: '/parallax/api/metric-series?run_id=r1&key=loss',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(body);

    const port = await closedPort();
    const down = await buildServer(testConfig({ MLFLOW_TRACKING_URI: `http://127.0.0.1:${port}` }));
    const failed = await down.inject({
      method: 'GET',
      url: '/parallax/api/metric-series?run_id=r1&key=loss',
    });
    await down.close();
    expect(failed.statusCode).toBe(502);
    expect(failed.json()).toMatchObject({ error_code: 'MLFLOW_UNAVAILABLE' });
  });
});
