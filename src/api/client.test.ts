import { afterEach, describe, expect, it, vi } from 'vitest';
import { MlflowError } from './errors';
import { buildQuery, parseMetricValue, request, toInt } from './client';
import { rateLimitStatus } from './rate-limit-status';

describe('buildQuery', () => {
  it('repeats a key for each array item, as MLflow GET handlers expect', () => {
    expect(buildQuery({ run_ids: ['a', 'b'], metric_key: 'loss' })).toBe(
      '?run_ids=a&run_ids=b&metric_key=loss',
    );
  });

  it('leaves out undefined and null values, and is empty when nothing is left', () => {
    expect(buildQuery({ a: undefined, b: null })).toBe('');
    expect(buildQuery(undefined)).toBe('');
  });

  it('encodes values', () => {
    expect(buildQuery({ filter: "name = 'a&b'" })).toBe('?filter=name+%3D+%27a%26b%27');
  });
});

describe('parseMetricValue', () => {
  it.each([
    [0.5, 0.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['1.25', 1.25],
    ['garbage', Number.NaN],
    [undefined, Number.NaN],
  ] as const)('parses %s', (wire, expected) => {
    expect(parseMetricValue(wire)).toBe(expected);
  });
});

describe('toInt', () => {
  it('accepts int64 as number or string', () => {
    expect(toInt(1700000000000)).toBe(1700000000000);
    expect(toInt('1700000000000')).toBe(1700000000000);
    expect(toInt(undefined)).toBeUndefined();
    expect(toInt('x')).toBeUndefined();
  });
});

type Reply =
  { status: number; body: string; headers?: Record<string, string> } | 'network-error' | 'cut-off';

/** A 200 whose body breaks after its first bytes, as when the connection resets mid-body. */
function cutOffResponse(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"runs":[{"info":'));
      controller.error(new TypeError('network error'));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

function stubFetch(replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const reply = replies.shift();
    if (!reply) throw new Error('unexpected extra request');
    if (reply === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    if (reply === 'cut-off') return Promise.resolve(cutOffResponse());
    return Promise.resolve(
      new Response(reply.body, { status: reply.status, headers: reply.headers }),
    );
  });
  return calls;
}

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('sends a JSON body with a content type on POST and parses the reply', async () => {
    const calls = stubFetch([{ status: 200, body: '{"experiment_id":"7"}' }]);
    await expect(
      request('POST', '/api/2.0/mlflow/experiments/create', { body: { name: 'x' } }),
    ).resolves.toEqual({
      experiment_id: '7',
    });
    expect(calls[0]?.init.body).toBe('{"name":"x"}');
    expect(calls[0]?.init.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('turns MLflow’s JSON error into an MlflowError with status, code and message', async () => {
    stubFetch([
      {
        status: 404,
        body: '{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"No Experiment with id=9 exists"}',
        headers: { 'content-type': 'application/json' },
      },
    ]);
    const error = await request('GET', '/api/2.0/mlflow/experiments/get').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: 'No Experiment with id=9 exists',
    });
  });

  it('keeps a plain-text refusal from MLflow’s middleware', async () => {
    stubFetch([
      {
        status: 403,
        body: 'Cross-origin request blocked',
        headers: { 'content-type': 'text/plain' },
      },
    ]);
    const error = await request('POST', '/api/2.0/mlflow/runs/delete').catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 403,
      errorCode: 'PERMISSION_DENIED',
      message: 'Cross-origin request blocked',
    });
  });

  it.each([500, 502, 503, 504])(
    'does not repeat a %i: the server already retried what was worth retrying',
    async (status) => {
      const calls = stubFetch([
        {
          status,
          body: '{"error_code":"TEMPORARILY_UNAVAILABLE","message":"busy"}',
          headers: { 'content-type': 'application/json', 'retry-after': '1' },
        },
      ]);
      await expect(request('GET', '/api/2.0/mlflow/runs/get')).rejects.toMatchObject({
        status,
        errorCode: 'TEMPORARILY_UNAVAILABLE',
        message: 'busy',
      });
      expect(calls).toHaveLength(1);
    },
  );

  it('waits out a 429 the server handed back, says so meanwhile, then sends it again', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    try {
      const limited = {
        status: 429,
        body: '{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}',
        headers: { 'content-type': 'application/json', 'retry-after': '3' },
      };
      const calls = stubFetch([limited, { status: 200, body: '{"runs":[]}' }]);
      const seen: (number | undefined)[] = [];
      const unsubscribe = rateLimitStatus.subscribe(() => seen.push(rateLimitStatus.until()));
      const answer = request('POST', '/api/2.0/mlflow/runs/search', { body: {} });
      await vi.advanceTimersByTimeAsync(2_999);
      expect(calls).toHaveLength(1);
      expect(rateLimitStatus.until()).toBe(1_003_000);
      await vi.advanceTimersByTimeAsync(1);
      await expect(answer).resolves.toEqual({ runs: [] });
      expect(calls).toHaveLength(2);
      expect(seen).toEqual([1_003_000, undefined]);
      unsubscribe();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a 429 whose Retry-After is beyond its bounds as the error, sent once', async () => {
    const calls = stubFetch([
      {
        status: 429,
        body: '{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}',
        headers: { 'content-type': 'application/json', 'retry-after': '120' },
      },
    ]);
    await expect(request('GET', '/api/2.0/mlflow/runs/get')).rejects.toMatchObject({
      status: 429,
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
    });
    expect(calls).toHaveLength(1);
    expect(rateLimitStatus.until()).toBeUndefined();
  });

  it('does not repeat MLFLOW_UNAVAILABLE, and marks it unavailable for the banner', async () => {
    const calls = stubFetch([
      {
        status: 502,
        body: '{"error_code":"MLFLOW_UNAVAILABLE","message":"MLflow at x is not reachable"}',
      },
    ]);
    const error = await request('GET', '/api/2.0/mlflow/experiments/search').catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 502, errorCode: 'MLFLOW_UNAVAILABLE' });
    expect((error as MlflowError).unavailable).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('retries a GET that did not reach the server, then succeeds', async () => {
    vi.useFakeTimers();
    const calls = stubFetch(['network-error', { status: 200, body: '{}' }]);
    const result = request('GET', '/api/2.0/mlflow/experiments/search');
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({});
    expect(calls).toHaveLength(2);
  });

  it('gives up on an unreachable server after three tries in all', async () => {
    vi.useFakeTimers();
    const calls = stubFetch(['network-error', 'network-error', 'network-error']);
    const result = request('GET', '/api/2.0/mlflow/experiments/search').catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toMatchObject({ status: 0, errorCode: 'NETWORK_ERROR' });
    expect((error as MlflowError).unavailable).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('does not retry a network error on POST: the write may have happened', async () => {
    const calls = stubFetch(['network-error']);
    const error = await request('POST', '/api/2.0/mlflow/runs/create').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, errorCode: 'NETWORK_ERROR' });
    expect(calls).toHaveLength(1);
  });

  it('retries a GET whose answer was cut off mid-body', async () => {
    vi.useFakeTimers();
    const calls = stubFetch(['cut-off', { status: 200, body: '{"runs":[]}' }]);
    const result = request('GET', '/api/2.0/mlflow/runs/get');
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ runs: [] });
    expect(calls).toHaveLength(2);
  });

  it('reports a POST answer cut off mid-body as such, without sending it again', async () => {
    const calls = stubFetch(['cut-off']);
    const error = await request('POST', '/api/2.0/mlflow/runs/set-tag').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect(error).toMatchObject({ status: 200, errorCode: 'INCOMPLETE_RESPONSE' });
    expect((error as MlflowError).message).toMatch(/^The answer \(HTTP 200\) was cut off/);
    expect((error as MlflowError).unavailable).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('does not retry other 4xx', async () => {
    const calls = stubFetch([
      { status: 400, body: '{"error_code":"INVALID_PARAMETER_VALUE","message":"bad filter"}' },
    ]);
    await expect(request('GET', '/api/2.0/mlflow/runs/search')).rejects.toMatchObject({
      errorCode: 'INVALID_PARAMETER_VALUE',
    });
    expect(calls).toHaveLength(1);
  });

  it('turns a 200 HTML page (a proxy’s sign-in page) into an MlflowError naming it', async () => {
    const page =
      '<!DOCTYPE html>\n<html>\n  <head><title>Sign in to Corp SSO</title></head><body><form>…</form></body></html>';
    stubFetch([
      { status: 200, body: page, headers: { 'content-type': 'text/html; charset=utf-8' } },
    ]);
    const error = await request('GET', '/api/2.0/mlflow/experiments/search').catch(
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toBeInstanceOf(MlflowError);
    expect(error).toMatchObject({ status: 200, errorCode: 'INVALID_RESPONSE' });
    expect((error as MlflowError).message).toBe(
      'Expected JSON from MLflow but got text/html; charset=utf-8 (HTTP 200) starting ' +
        '“<!DOCTYPE html> <html> <head><title>Sign in to Corp SSO</title></head><body><for…”. ' +
        "A proxy or sign-in page may have answered in MLflow's place.",
    );
    expect((error as MlflowError).unavailable).toBe(false);
  });

  it('refuses a 200 that parses but is no MLflow answer, and one with no content type', async () => {
    stubFetch([
      { status: 200, body: 'null', headers: { 'content-type': 'application/json' } },
      { status: 200, body: 'OK' },
    ]);
    await expect(request('GET', '/api/2.0/mlflow/runs/get')).rejects.toMatchObject({
      errorCode: 'INVALID_RESPONSE',
      message: expect.stringContaining(
        'got application/json (HTTP 200) starting “null”',
      ) as unknown,
    });
    await expect(request('GET', '/api/2.0/mlflow/runs/get')).rejects.toMatchObject({
      errorCode: 'INVALID_RESPONSE',
      message: expect.stringContaining(
        'got text/plain;charset=UTF-8 (HTTP 200) starting “OK”',
      ) as unknown,
    });
  });

  it('reads an empty 2xx body as an empty object', async () => {
    stubFetch([{ status: 200, body: '' }]);
    await expect(request('POST', '/api/2.0/mlflow/runs/delete')).resolves.toEqual({});
  });

  it('passes the abort signal to fetch', async () => {
    const calls = stubFetch([{ status: 200, body: '{}' }]);
    const controller = new AbortController();
    await request('GET', '/api/2.0/mlflow/experiments/search', { signal: controller.signal });
    expect(calls[0]?.init.signal).toBe(controller.signal);
  });
});
