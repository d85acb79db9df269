import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetricsAtStepWire } from '../src/lib/metric-series.ts';
import { buildServer } from './app.ts';
import { MlflowHttpError, type MetricHistory } from './metric-history.ts';
import { NoMetricHistory } from './metric-series.ts';
import {
  answerPair,
  InvalidRequest,
  MAX_PAIRS,
  PAIRS_IN_FLIGHT,
  pairFailure,
  parseMetricsAtStepBody,
  pickPair,
} from './metrics-at-step.ts';
import { closedPort, countingInFlight, startStub, testConfig, type Stub } from './test-stub.ts';

type Point = [step: number, value: number | string, timestamp: number];

/** Run id → key → points in MLflow's order. Every run is FINISHED. */
let runs: Map<string, Map<string, Point[]>>;
let stub: Stub;
let app: FastifyInstance | undefined;

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function fakeMlflow(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const run = runs.get(url.searchParams.get('run_id') ?? '');
  if (url.pathname === '/api/2.0/mlflow/runs/get') {
    if (!run) {
      send(res, 404, {
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: `Run '${url.searchParams.get('run_id')}' not found`,
      });
      return;
    }
    const metrics = [...run].map(([key, points]) => {
      const [step, value, timestamp] = points.at(-1) ?? [];
      return { key, step, value, timestamp };
    });
    send(res, 200, { run: { info: { status: 'FINISHED' }, data: { metrics } } });
    return;
  }
  if (url.pathname === '/api/2.0/mlflow/metrics/get-history') {
    const points = run?.get(url.searchParams.get('metric_key') ?? '') ?? [];
    const body = points.length
      ? {
          metrics: points.map(([step, value, timestamp]) => ({ key: 'k', value, timestamp, step })),
        }
      : {}; // MLflow's answer for a key the run never logged
    send(res, 200, body);
    return;
  }
  send(res, 404, { error_code: 'ENDPOINT_NOT_FOUND', message: 'no' });
}

// The fixture. Expected answers in the tests below are read off these by hand.
//   r1 loss: step 0: 2.0, 10: 1.2, 20: 0.7, 30: 0.9, 40: 0.7
//   r1 acc:  step 0: 0.1, 10: 0.5, 20: 0.8, 30: 0.75, 40: 0.85
//   r1 lr:   step 0: 0.01, 20: 0.001, 40: 0.005
//   r2 loss: step 0: 1.5, 5: NaN, 10: -Infinity
//   r2 acc:  step 0: 0.2, 5: 0.9, 10: 0.4          (r2 never logged lr)
//   r3 div:  step 0: NaN, 1: Infinity               (no finite value)
function fixture() {
  runs = new Map([
    [
      'r1',
      new Map<string, Point[]>([
        [
          'loss',
          [
            [0, 2.0, 100],
            [10, 1.2, 110],
            [20, 0.7, 120],
            [30, 0.9, 130],
            [40, 0.7, 140],
          ],
        ],
        [
          'acc',
          [
            [0, 0.1, 100],
            [10, 0.5, 110],
            [20, 0.8, 120],
            [30, 0.75, 130],
            [40, 0.85, 140],
          ],
        ],
        [
          'lr',
          [
            [0, 0.01, 100],
            [20, 0.001, 120],
            [40, 0.005, 140],
          ],
        ],
      ]),
    ],
    [
      'r2',
      new Map<string, Point[]>([
        [
          'loss',
          [
            [0, 1.5, 200],
            [5, 'NaN', 205],
            [10, '-Infinity', 210],
          ],
        ],
        [
          'acc',
          [
            [0, 0.2, 200],
            [5, 0.9, 205],
            [10, 0.4, 210],
          ],
        ],
      ]),
    ],
    [
      'r3',
      new Map<string, Point[]>([
        [
          'div',
          [
            [0, 'NaN', 300],
            [1, 'Infinity', 301],
          ],
        ],
      ]),
    ],
  ]);
}

beforeEach(async () => {
  fixture();
  stub = await startStub(fakeMlflow);
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  await stub.close();
});

async function server(env: Record<string, string> = {}): Promise<FastifyInstance> {
  app = await buildServer(testConfig({ MLFLOW_TRACKING_URI: stub.url, ...env }));
  return app;
}

const PATH = '/parallax/api/metrics-at-step';

async function ask(body: unknown, headers: Record<string, string> = {}) {
  if (!app) throw new Error('no server');
  const res = await app.inject({
    method: 'POST',
    url: PATH,
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.statusCode,
    body: res.json<MetricsAtStepWire & { error_code?: string; message?: string }>(),
  };
}

async function values(body: unknown) {
  const answer = await ask(body);
  expect(answer.status).toBe(200);
  return answer.body.values;
}

const historyCalls = (runId?: string, key?: string) =>
  stub.requests.filter(
    (r) =>
      r.url.includes('get-history') &&
      (runId === undefined || r.url.includes(`run_id=${runId}&`)) &&
      (key === undefined || r.url.includes(`metric_key=${key}&`)),
  ).length;

describe('POST /parallax/api/metrics-at-step', () => {
  it('answers the latest value of each run and key, run-major in the order given', async () => {
    await server();
    expect(await values({ run_ids: ['r1', 'r2'], keys: ['loss', 'acc'], at: 'latest' })).toEqual([
      { run_id: 'r1', key: 'loss', found: true, step: 40, value: 0.7, exact: true },
      { run_id: 'r1', key: 'acc', found: true, step: 40, value: 0.85, exact: true },
      { run_id: 'r2', key: 'loss', found: true, step: 10, value: '-Infinity', exact: true },
      { run_id: 'r2', key: 'acc', found: true, step: 10, value: 0.4, exact: true },
    ]);
  });

  it('answers min and max over finite values, the earliest step on ties', async () => {
    await server();
    const body = { run_ids: ['r1', 'r2'], keys: ['loss', 'acc'] };
    expect(await values({ ...body, at: 'min' })).toEqual([
      // 0.7 at steps 20 and 40: the first time
      { run_id: 'r1', key: 'loss', found: true, step: 20, value: 0.7, exact: true },
      { run_id: 'r1', key: 'acc', found: true, step: 0, value: 0.1, exact: true },
      // NaN and -Infinity are no best
      { run_id: 'r2', key: 'loss', found: true, step: 0, value: 1.5, exact: true },
      { run_id: 'r2', key: 'acc', found: true, step: 0, value: 0.2, exact: true },
    ]);
    expect(await values({ ...body, at: 'max' })).toEqual([
      { run_id: 'r1', key: 'loss', found: true, step: 0, value: 2.0, exact: true },
      { run_id: 'r1', key: 'acc', found: true, step: 40, value: 0.85, exact: true },
      { run_id: 'r2', key: 'loss', found: true, step: 0, value: 1.5, exact: true },
      { run_id: 'r2', key: 'acc', found: true, step: 5, value: 0.9, exact: true },
    ]);
    expect(await values({ run_ids: ['r3'], keys: ['div'], at: 'min' })).toEqual([
      { run_id: 'r3', key: 'div', found: false, why: 'no-finite' },
    ]);
  });

  it('answers the value at a step, or the last one before it with exact: false', async () => {
    await server();
    expect(await values({ run_ids: ['r1', 'r2'], keys: ['loss'], at: 'step:5' })).toEqual([
      { run_id: 'r1', key: 'loss', found: true, step: 0, value: 2.0, exact: false, asked_step: 5 },
      { run_id: 'r2', key: 'loss', found: true, step: 5, value: 'NaN', exact: true, asked_step: 5 },
    ]);
    expect(await values({ run_ids: ['r1', 'r2'], keys: ['loss'], at: 'step:25' })).toEqual([
      {
        run_id: 'r1',
        key: 'loss',
        found: true,
        step: 20,
        value: 0.7,
        exact: false,
        asked_step: 25,
      },
      {
        run_id: 'r2',
        key: 'loss',
        found: true,
        step: 10,
        value: '-Infinity',
        exact: false,
        asked_step: 25,
      },
    ]);
    expect(await values({ run_ids: ['r1'], keys: ['acc'], at: 'step:-1' })).toEqual([
      { run_id: 'r1', key: 'acc', found: false, why: 'before-first', asked_step: -1 },
    ]);
  });

  it('answers the value at the step where a reference metric is best in the same run', async () => {
    await server();
    const body = { run_ids: ['r1', 'r2'], keys: ['loss'], at: 'best:acc' };
    // acc is highest at step 40 in r1 and at step 5 in r2
    expect(await values({ ...body, reference_direction: 'max' })).toEqual([
      { run_id: 'r1', key: 'loss', found: true, step: 40, value: 0.7, exact: true, asked_step: 40 },
      { run_id: 'r2', key: 'loss', found: true, step: 5, value: 'NaN', exact: true, asked_step: 5 },
    ]);
    // acc is lowest at step 0 in both
    expect(await values({ ...body, reference_direction: 'min' })).toEqual([
      { run_id: 'r1', key: 'loss', found: true, step: 0, value: 2.0, exact: true, asked_step: 0 },
      { run_id: 'r2', key: 'loss', found: true, step: 0, value: 1.5, exact: true, asked_step: 0 },
    ]);
    // lr is lowest at step 20 in r1, a step acc logged too; r2 never logged lr
    expect(
      await values({
        run_ids: ['r1', 'r2'],
        keys: ['loss', 'acc'],
        at: 'best:lr',
        reference_direction: 'min',
      }),
    ).toEqual([
      { run_id: 'r1', key: 'loss', found: true, step: 20, value: 0.7, exact: true, asked_step: 20 },
      { run_id: 'r1', key: 'acc', found: true, step: 20, value: 0.8, exact: true, asked_step: 20 },
      { run_id: 'r2', key: 'loss', found: false, why: 'no-reference' },
      { run_id: 'r2', key: 'acc', found: false, why: 'no-reference' },
    ]);
  });

  it('asks MLflow for a reference the run never logged once per run, not once per key', async () => {
    // r2's acc answers late, so its pair looks for the reference after loss's look has ended
    // (an absent history is not cached, and the store shares only reads still in flight).
    stub.handle((req, res) => {
      if (!(req.url ?? '').includes('run_id=r2&metric_key=acc&')) return fakeMlflow(req, res);
      setTimeout(() => fakeMlflow(req, res), 150);
    });
    await server();
    const body = {
      run_ids: ['r2'],
      keys: ['loss', 'acc'],
      at: 'best:lr',
      reference_direction: 'max',
    };
    expect(await values(body)).toEqual([
      { run_id: 'r2', key: 'loss', found: false, why: 'no-reference' },
      { run_id: 'r2', key: 'acc', found: false, why: 'no-reference' },
    ]);
    expect(historyCalls('r2', 'lr')).toBe(1);
  });

  it('answers a key the run never logged as empty, and a run MLflow does not know as missing', async () => {
    await server();
    expect(
      await values({ run_ids: ['r2', 'ghost', 'r1'], keys: ['lr', 'loss'], at: 'latest' }),
    ).toEqual([
      { run_id: 'r2', key: 'lr', found: false, why: 'empty' },
      { run_id: 'r2', key: 'loss', found: true, step: 10, value: '-Infinity', exact: true },
      {
        run_id: 'ghost',
        key: 'lr',
        found: false,
        why: 'missing',
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: "Run 'ghost' not found",
      },
      {
        run_id: 'ghost',
        key: 'loss',
        found: false,
        why: 'missing',
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: "Run 'ghost' not found",
      },
      { run_id: 'r1', key: 'lr', found: true, step: 40, value: 0.005, exact: true },
      { run_id: 'r1', key: 'loss', found: true, step: 40, value: 0.7, exact: true },
    ]);
  });

  it('answers each distinct run and key once', async () => {
    await server();
    const answer = await values({ run_ids: ['r1', 'r1'], keys: ['acc', 'acc'], at: 'max' });
    expect(answer).toEqual([
      { run_id: 'r1', key: 'acc', found: true, step: 40, value: 0.85, exact: true },
    ]);
  });

  it('reads through the charts’ series cache: a chart of the same metric asks MLflow nothing new', async () => {
    await server();
    await values({ run_ids: ['r1'], keys: ['loss'], at: 'latest' });
    await values({ run_ids: ['r1'], keys: ['loss'], at: 'min' });
    expect(historyCalls()).toBe(1);
    const chart = await app?.inject({
      method: 'GET',
      url: '/parallax/api/metric-series?run_id=r1&key=loss',
    });
    expect(chart?.statusCode).toBe(200);
    expect(historyCalls()).toBe(1);
  });

  it(`starts at most ${PAIRS_IN_FLIGHT} pairs at once, however many are asked`, async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `run${i}`);
    for (const id of ids) runs.set(id, new Map([['loss', [[0, 1, 1]] as Point[]]]));
    const counting = countingInFlight('runs/get', 20, fakeMlflow);
    stub.handle(counting.handler);
    await server();
    const answer = await values({ run_ids: ids, keys: ['loss'], at: 'latest' });
    expect(answer).toHaveLength(40);
    expect(answer.every((v) => v.found)).toBe(true);
    expect(counting.most()).toBe(PAIRS_IN_FLIGHT);
  });

  it('refuses more than 200 runs, 100 keys or 2,000 pairs before asking MLflow', async () => {
    await server();
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);
    for (const [body, text] of [
      [
        { run_ids: ids(201), keys: ['loss'], at: 'latest' },
        /'run_ids' holds 201 run ids; at most 200/,
      ],
      [
        { run_ids: ['r1'], keys: ids(101), at: 'latest' },
        /'keys' holds 101 metric keys; at most 100/,
      ],
      [
        { run_ids: ids(41), keys: ids(49), at: 'latest' },
        /41 runs × 49 keys is 2009 values; at most 2000/,
      ],
    ] as const) {
      const { status, body: answer } = await ask(body);
      expect(status).toBe(400);
      expect(answer.error_code).toBe('INVALID_PARAMETER_VALUE');
      expect(answer.message).toMatch(text);
    }
    expect(stub.requests).toHaveLength(0);
  });

  it('refuses malformed bodies with 400 in MLflow’s error shape, before asking MLflow', async () => {
    await server();
    const good = { run_ids: ['r1'], keys: ['loss'], at: 'latest' };
    const cases: [body: unknown, code: string][] = [
      ['{"run_ids": [', 'MALFORMED_REQUEST'],
      ['', 'MALFORMED_REQUEST'],
      ['[]', 'MALFORMED_REQUEST'],
      ['null', 'MALFORMED_REQUEST'],
      ['"run_ids"', 'MALFORMED_REQUEST'],
      [{ keys: ['loss'], at: 'latest' }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, run_ids: 'r1' }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, run_ids: [1] }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, run_ids: ["r1' OR '1'='1"] }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, run_ids: ['a'.repeat(65)] }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, run_ids: [''] }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, keys: undefined }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, keys: [''] }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, keys: [null] }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, keys: ['a'.repeat(251)] }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, keys: ['lo\u0000ss'] }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, at: undefined }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, at: 5 }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, at: 'median' }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, at: 'step:1.5' }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, at: 'step:' }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, at: 'step:99999999999999999' }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, at: 'best:' }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, at: 'best:acc' }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, at: 'best:acc', reference_direction: 'up' }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, reference_direction: 'higher' }, 'INVALID_PARAMETER_VALUE'],
      [{ ...good, runIds: ['r1'] }, 'INVALID_PARAMETER_VALUE'],
    ];
    for (const [body, code] of cases) {
      const answer = await ask(body);
      expect([body, answer.status, answer.body.error_code]).toEqual([body, 400, code]);
      expect(typeof answer.body.message).toBe('string');
    }
    // Not JSON at all: the content type is refused, still in MLflow's shape.
    const text = await app?.inject({
      method: 'POST',
      url: PATH,
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify(good),
    });
    expect(text?.statusCode).toBe(415);
    expect(text?.json()).toHaveProperty('error_code');
    // No body at all.
    const none = await app?.inject({ method: 'POST', url: PATH });
    expect([none?.statusCode, none?.json<{ error_code: string }>().error_code]).toEqual([
      400,
      'MALFORMED_REQUEST',
    ]);
    // Only POST: a GET is no route (and no SPA page either).
    const get = await app?.inject({ method: 'GET', url: PATH });
    expect(get?.statusCode).toBe(404);
    expect(stub.requests).toHaveLength(0);
  });

  it('answers in read-only mode: it reads and changes nothing', async () => {
    await server({ PARALLAX_READ_ONLY: '1' });
    expect(await values({ run_ids: ['r1'], keys: ['acc'], at: 'step:10' })).toEqual([
      { run_id: 'r1', key: 'acc', found: true, step: 10, value: 0.5, exact: true, asked_step: 10 },
    ]);
  });

  it('refuses a cross-origin POST, and answers a same-origin one', async () => {
    await server();
    const body = { run_ids: ['r1'], keys: ['acc'], at: 'latest' };
    const cross = await ask(body, { host: 'localhost:5050', origin: 'http://evil.example' });
    expect([cross.status, cross.body.error_code]).toEqual([403, 'CROSS_ORIGIN_REQUEST_BLOCKED']);
    const site = await ask(body, { 'sec-fetch-site': 'cross-site' });
    expect(site.status).toBe(403);
    expect(stub.requests).toHaveLength(0);
    const same = await ask(body, { host: 'localhost:5050', origin: 'http://localhost:5050' });
    expect(same.status).toBe(200);
  });

  it('fails as a whole with MLflow’s error when MLflow fails, not one cell at a time', async () => {
    await server();
    stub.handle((_req, res) => send(res, 500, { error_code: 'INTERNAL_ERROR', message: 'boom' }));
    const failed = await ask({ run_ids: ['r1', 'r2'], keys: ['loss'], at: 'latest' });
    expect([failed.status, failed.body]).toEqual([
      500,
      { error_code: 'INTERNAL_ERROR', message: 'boom' },
    ]);
  });

  it('answers 502 MLFLOW_UNAVAILABLE when MLflow is down', async () => {
    const port = await closedPort();
    app = await buildServer(testConfig({ MLFLOW_TRACKING_URI: `http://127.0.0.1:${port}` }));
    const failed = await ask({ run_ids: ['r1'], keys: ['loss'], at: 'latest' });
    expect(failed.status).toBe(502);
    expect(failed.body.error_code).toBe('MLFLOW_UNAVAILABLE');
  });
});

describe('parseMetricsAtStepBody', () => {
  const parse = (body: unknown) => parseMetricsAtStepBody(JSON.stringify(body));

  it('reads each step choice in the compare page’s spelling', () => {
    const base = { run_ids: ['a'], keys: ['loss'] };
    expect(parse({ ...base, at: 'latest' }).choice).toEqual({ kind: 'latest' });
    expect(parse({ ...base, at: 'min' }).choice).toEqual({ kind: 'min' });
    expect(parse({ ...base, at: 'max' }).choice).toEqual({ kind: 'max' });
    expect(parse({ ...base, at: 'step:100' }).choice).toEqual({ kind: 'step', step: 100 });
    expect(parse({ ...base, at: 'step:-3' }).choice).toEqual({ kind: 'step', step: -3 });
    const best = parse({ ...base, at: 'best:val/acc:top-1', reference_direction: 'max' });
    expect(best).toMatchObject({
      choice: { kind: 'best', metric: 'val/acc:top-1' },
      referenceDirection: 'max',
    });
    // A direction given with another choice is checked, then not used.
    expect(parse({ ...base, at: 'min', reference_direction: 'max' }).referenceDirection).toBe(
      undefined,
    );
  });

  it('keeps ids and keys in order, once each, and takes exactly the bounds', () => {
    expect(parse({ run_ids: ['b', 'a', 'b'], keys: ['y', 'x', 'y'], at: 'max' })).toMatchObject({
      runIds: ['b', 'a'],
      keys: ['y', 'x'],
    });
    const ids = Array.from({ length: 200 }, (_, i) => `r${i}`);
    const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
    expect(parse({ run_ids: ids, keys, at: 'latest' }).runIds).toHaveLength(200);
    expect(200 * 10).toBe(MAX_PAIRS);
    expect(parse({ run_ids: [], keys: [], at: 'latest' })).toMatchObject({ runIds: [], keys: [] });
  });

  it('throws InvalidRequest, naming the field', () => {
    expect(() => parse({ run_ids: ['a b'], keys: ['k'], at: 'latest' })).toThrow(
      /'run_ids\[0\]' is not a run id: "a b"/,
    );
    expect(() => parse({ run_ids: ['a'], keys: ['k'], at: 'best:k' })).toThrow(
      /'reference_direction' \('min' or 'max'\) is required/,
    );
    expect(() => parseMetricsAtStepBody(undefined)).toThrow(InvalidRequest);
  });
});

describe('answer assembly', () => {
  const h = (points: [number, number][]): MetricHistory => ({
    x: Float64Array.from(points, (p) => p[0]),
    y: Float64Array.from(points, (p) => p[1]),
    t: Float64Array.from(points, (_, i) => i),
    loggedCount: points.length,
  });

  it('spells NaN and ±Infinity as MLflow does, so the answer survives JSON', () => {
    const history = h([
      [1, NaN],
      [2, Infinity],
      [3, -Infinity],
    ]);
    const cell = (step: number) =>
      answerPair('r', 'k', {
        kind: 'pick',
        pick: pickPair(history, { kind: 'step', step }, undefined),
      });
    expect([cell(1), cell(2), cell(3)].map((c) => (c.found ? c.value : null))).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
    ]);
    expect(JSON.parse(JSON.stringify(cell(2)))).toEqual({
      run_id: 'r',
      key: 'k',
      found: true,
      step: 2,
      value: 'Infinity',
      exact: true,
      asked_step: 2,
    });
  });

  it('reads "best" off the reference, and says when there is none', () => {
    const loss = h([
      [0, 3],
      [10, 2],
      [20, 1],
    ]);
    const acc = h([
      [0, 0.5],
      [15, 0.9],
      [20, 0.7],
    ]);
    const best = { kind: 'best', metric: 'acc' } as const;
    expect(pickPair(loss, best, { history: acc, direction: 'max' })).toMatchObject({
      found: true,
      step: 10,
      value: 2,
      exact: false,
      askedStep: 15,
    });
    expect(pickPair(loss, best, undefined)).toEqual({ found: false, why: 'no-reference' });
    expect(answerPair('r', 'loss', { kind: 'missing', errorCode: 'X', message: 'm' })).toEqual({
      run_id: 'r',
      key: 'loss',
      found: false,
      why: 'missing',
      error_code: 'X',
      message: 'm',
    });
  });

  it('tells a cell’s own miss from a failure of the whole request', () => {
    expect(pairFailure(new NoMetricHistory('r', 'k'))).toEqual({ kind: 'empty' });
    expect(pairFailure(new MlflowHttpError(404, 'RESOURCE_DOES_NOT_EXIST', 'gone'))).toEqual({
      kind: 'missing',
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: 'gone',
    });
    expect(pairFailure(new MlflowHttpError(403, 'PERMISSION_DENIED', 'no'))).toMatchObject({
      kind: 'missing',
    });
    expect(pairFailure(new MlflowHttpError(401, 'UNAUTHENTICATED', 'who'))).toBeUndefined();
    expect(pairFailure(new MlflowHttpError(503, 'TEMPORARILY_UNAVAILABLE', 'x'))).toBeUndefined();
    expect(pairFailure(new Error('socket'))).toBeUndefined();
  });
});
