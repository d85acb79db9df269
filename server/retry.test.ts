import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableError, isRetryableStatus, parseRetryAfter } from './retry.ts';
import { UpstreamUnavailableError } from './upstream.ts';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxTotalDelayMs: 5_000 };

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt, adds up to one base step of jitter, and caps', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(100);
    expect(backoffDelay(2, policy, () => 0)).toBe(200);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(450);
    expect(backoffDelay(10, policy, () => 0)).toBe(1_000);
  });
});

describe('what is retried', () => {
  it('retries reads on 429/502/503/504 and writes only on 429/503', () => {
    expect([429, 500, 502, 503, 504].filter((s) => isRetryableStatus('GET', s))).toEqual([
      429, 502, 503, 504,
    ]);
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      expect([429, 500, 502, 503, 504].filter((s) => isRetryableStatus(method, s))).toEqual([
        429, 503,
      ]);
    }
  });

  it('retries connection failures for reads, and for writes only when nothing was sent; never timeouts', () => {
    const refused = new UpstreamUnavailableError('connection refused', true, false);
    const reset = new UpstreamUnavailableError('connection reset', false, false);
    const slow = new UpstreamUnavailableError('no response within 1 ms', false, true);
    expect(isRetryableError('GET', refused)).toBe(true);
    expect(isRetryableError('GET', reset)).toBe(true);
    expect(isRetryableError('GET', slow)).toBe(false);
    expect(isRetryableError('POST', refused)).toBe(true);
    expect(isRetryableError('POST', reset)).toBe(false);
  });
});
