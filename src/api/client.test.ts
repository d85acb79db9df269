import { afterEach, describe, expect, it, vi } from 'vitest';
import { MlflowError } from './errors';
import {
  backoffDelay,
  buildQuery,
  parseMetricValue,
  parseRetryAfter,
  request,
  toInt,
} from './client';

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

describe('parseRetryAfter', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('3')).toBe(3000);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
  });

  it('is undefined when absent or unreadable', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('honours Retry-After over the exponential delay', () => {
    expect(backoffDelay(0, 2000)).toBe(2000);
  });

  it('grows with the attempt and stays within its cap', () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const d = backoffDelay(attempt);
      const ceiling = Math.min(8000, 300 * 2 ** attempt);
      expect(d).toBeGreaterThanOrEqual(ceiling / 2);
      expect(d).toBeLessThanOrEqual(ceiling);
    }
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

type Reply = { status: number; body: string; headers?: Record<string, string> } | 'network-error';

function stubFetch(replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const reply = replies.shift();
    if (!reply) throw new Error('unexpected extra request');
    if (reply === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
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

  it('retries a 429 after Retry-After, then succeeds', async () => {
    vi.useFakeTimers();
    const calls = stubFetch([
      {
        status: 429,
        body: '{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}',
        headers: { 'retry-after': '2' },
      },
      { status: 200, body: '{"ok":true}' },
    ]);
    const result = request('GET', '/api/2.0/mlflow/experiments/search');
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('retries a network error on GET', async () => {
    vi.useFakeTimers();
    const calls = stubFetch(['network-error', { status: 200, body: '{}' }]);
    const result = request('GET', '/api/2.0/mlflow/experiments/search');
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({});
    expect(calls).toHaveLength(2);
  });

  it('does not retry a network error on POST: the write may have happened', async () => {
    const calls = stubFetch(['network-error']);
    const error = await request('POST', '/api/2.0/mlflow/runs/create').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, errorCode: 'NETWORK_ERROR' });
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

  it('gives up after its retries with the last error', async () => {
    vi.useFakeTimers();
    const down = {
      status: 502,
      body: '{"error_code":"MLFLOW_UNAVAILABLE","message":"MLflow is not reachable"}',
    };
    const calls = stubFetch([down, down, down]);
    const result = request('GET', '/api/2.0/mlflow/experiments/search', { retries: 2 }).catch(
      (e: unknown) => e,
    );
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toMatchObject({ status: 502, errorCode: 'MLFLOW_UNAVAILABLE' });
    expect((error as MlflowError).unavailable).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('passes the abort signal to fetch', async () => {
    const calls = stubFetch([{ status: 200, body: '{}' }]);
    const controller = new AbortController();
    await request('GET', '/api/2.0/mlflow/experiments/search', { signal: controller.signal });
    expect(calls[0]?.init.signal).toBe(controller.signal);
  });
});
