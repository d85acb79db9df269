import { describe, expect, it } from 'vitest';
import { MlflowError } from '@/api/errors';
import { createQueryClient, shouldRetryQuery } from './query-client';

const err = (status: number, code: string) => new MlflowError(status, code, 'message');

describe('shouldRetryQuery', () => {
  it('tries once more after a transient failure the HTTP client gave up on', () => {
    expect(shouldRetryQuery(0, err(429, 'REQUEST_LIMIT_EXCEEDED'))).toBe(true);
    expect(shouldRetryQuery(0, err(503, 'TEMPORARILY_UNAVAILABLE'))).toBe(true);
    expect(shouldRetryQuery(0, err(504, 'DEADLINE_EXCEEDED'))).toBe(true);
  });

  it('tries only once', () => {
    expect(shouldRetryQuery(1, err(429, 'REQUEST_LIMIT_EXCEEDED'))).toBe(false);
  });

  it('leaves an unreachable MLflow to the banner and its Retry button', () => {
    expect(shouldRetryQuery(0, err(502, 'MLFLOW_UNAVAILABLE'))).toBe(false);
    expect(shouldRetryQuery(0, err(0, 'NETWORK_ERROR'))).toBe(false);
  });

  it("does not repeat MLflow's refusals", () => {
    expect(shouldRetryQuery(0, err(404, 'RESOURCE_DOES_NOT_EXIST'))).toBe(false);
    expect(shouldRetryQuery(0, err(400, 'INVALID_PARAMETER_VALUE'))).toBe(false);
    expect(shouldRetryQuery(0, err(500, 'INTERNAL_ERROR'))).toBe(false);
  });

  it('does not retry errors that are not from MLflow (bugs, aborts)', () => {
    expect(shouldRetryQuery(0, new TypeError('x is undefined'))).toBe(false);
    expect(shouldRetryQuery(0, new DOMException('aborted', 'AbortError'))).toBe(false);
  });
});

describe('createQueryClient', () => {
  it('keeps data fresh for 30 s and does not refetch on window focus', () => {
    const defaults = createQueryClient().getDefaultOptions().queries;
    expect(defaults?.staleTime).toBe(30_000);
    expect(defaults?.refetchOnWindowFocus).toBe(false);
    expect(defaults?.retry).toBe(shouldRetryQuery);
  });
});
