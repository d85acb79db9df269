import { describe, expect, it } from 'vitest';
import { RATE_LIMIT_RETRY, rateLimitMessage, rateLimitWait, secondsLeft } from './rate-limit';

describe('rateLimitWait', () => {
  it('waits what Retry-After asks for a 429, for reads and writes alike', () => {
    expect(rateLimitWait(429, 2_000, 1, 0)).toBe(2_000);
    expect(rateLimitWait(429, 0, 1, 0)).toBe(0);
  });

  it('never waits for another status', () => {
    for (const status of [400, 403, 500, 502, 503, 504]) {
      expect(rateLimitWait(status, 1_000, 1, 0)).toBeUndefined();
    }
  });

  it('doubles its own wait when the answer names none', () => {
    expect(rateLimitWait(429, undefined, 1, 0)).toBe(2_000);
    expect(rateLimitWait(429, undefined, 2, 2_000)).toBe(4_000);
    expect(rateLimitWait(429, undefined, 3, 6_000)).toBe(8_000);
  });

  it('gives up after the last try', () => {
    expect(rateLimitWait(429, 1_000, RATE_LIMIT_RETRY.maxAttempts - 1, 0)).toBe(1_000);
    expect(rateLimitWait(429, 1_000, RATE_LIMIT_RETRY.maxAttempts, 0)).toBeUndefined();
  });

  it('does not wait for a limit longer than its bounds: that one is shown as an error', () => {
    expect(rateLimitWait(429, 30_000, 1, 0)).toBe(30_000);
    expect(rateLimitWait(429, 30_001, 1, 0)).toBeUndefined();
    expect(rateLimitWait(429, 120_000, 1, 0)).toBeUndefined();
    expect(rateLimitWait(429, 20_000, 3, 40_000)).toBe(20_000);
    expect(rateLimitWait(429, 20_001, 3, 40_000)).toBeUndefined();
  });
});

describe('the countdown', () => {
  it('rounds up to whole seconds and stays at 1 until the retry leaves', () => {
    expect(secondsLeft(10_000, 7_001)).toBe(3);
    expect(secondsLeft(10_000, 7_000)).toBe(3);
    expect(secondsLeft(10_000, 9_999)).toBe(1);
    expect(secondsLeft(10_000, 12_000)).toBe(1);
  });

  it('names the backend that refuses', () => {
    expect(rateLimitMessage('databricks', 3)).toBe('Databricks is rate-limiting; retrying in 3 s');
    expect(rateLimitMessage('oss', 12)).toBe('MLflow is rate-limiting; retrying in 12 s');
    expect(rateLimitMessage(undefined, 1)).toBe('MLflow is rate-limiting; retrying in 1 s');
  });
});
