import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  CLIENT_RETRY,
  isRetryableFailure,
  isRetryableStatus,
  nextDelay,
  parseHttpDate,
  parseRetryAfter,
  shouldClientRetry,
  TRANSPORT_MAX_ATTEMPTS,
} from './retry-policy';

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe('isRetryableStatus', () => {
  const statuses = [200, 400, 401, 404, 409, 429, 500, 501, 502, 503, 504];

  it('retries a read on 408, 429, 502, 503 and 504 only', () => {
    const all = [...statuses, 408];
    expect(all.filter((s) => isRetryableStatus('GET', s))).toEqual([429, 502, 503, 504, 408]);
  });

  it('retries a POST that only reads (a search) as a read', () => {
    expect(statuses.filter((s) => isRetryableStatus('POST', s, true))).toEqual([
      429, 502, 503, 504,
    ]);
    expect(isRetryableStatus('POST', 408)).toBe(false);
  });

  it('retries a write only on 429 and 503 (turned away before any handler ran)', () => {
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) {
      expect(statuses.filter((s) => isRetryableStatus(method, s))).toEqual([429, 503]);
    }
  });
});

describe('isRetryableFailure', () => {
  const refused = { neverSent: true, timedOut: false };
  const reset = { neverSent: false, timedOut: false };
  const noHeaders = { neverSent: false, timedOut: true };
  const noConnection = { neverSent: true, timedOut: true };

  it('retries a read that got no answer, unless it timed out', () => {
    expect(isRetryableFailure('GET', refused, 1)).toBe(true);
    expect(isRetryableFailure('GET', reset, 1)).toBe(true);
    expect(isRetryableFailure('GET', noHeaders, 1)).toBe(false);
    expect(isRetryableFailure('GET', noConnection, 1)).toBe(false);
  });

  it('retries a write only when it never left', () => {
    expect(isRetryableFailure('POST', refused, 1)).toBe(true);
    expect(isRetryableFailure('POST', reset, 1)).toBe(false);
    expect(isRetryableFailure('POST', noHeaders, 1)).toBe(false);
    expect(isRetryableFailure('POST', noConnection, 1)).toBe(false);
  });

  it('gives a request without any answer two tries in all', () => {
    expect(TRANSPORT_MAX_ATTEMPTS).toBe(2);
    expect(isRetryableFailure('GET', refused, 2)).toBe(false);
    expect(isRetryableFailure('POST', refused, 2)).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt from the base step', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(100);
    expect(backoffDelay(2, policy, () => 0)).toBe(200);
    expect(backoffDelay(3, policy, () => 0)).toBe(400);
    expect(backoffDelay(4, policy, () => 0)).toBe(800);
  });

  it('adds up to one base step of jitter', () => {
    expect(backoffDelay(3, policy, () => 0.5)).toBe(450);
    expect(backoffDelay(1, policy, () => 0.999)).toBe(200);
  });

  it('caps the exponential part at maxDelayMs', () => {
    expect(backoffDelay(5, policy, () => 0)).toBe(1_000);
    expect(backoffDelay(40, policy, () => 0.5)).toBe(1_050);
  });
});

describe('nextDelay', () => {
  it("prefers MLflow's Retry-After, even zero, over the backoff", () => {
    expect(nextDelay(1, policy, 2_000, () => 0)).toBe(2_000);
    expect(nextDelay(3, policy, 0, () => 0)).toBe(0);
  });

  it('falls back to the backoff without one', () => {
    expect(nextDelay(2, policy, undefined, () => 0)).toBe(200);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
  });

  it('keeps an absurd delta finite', () => {
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads an IMF-fixdate relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('reads the obsolete RFC 850 and asctime forms', () => {
    expect(parseRetryAfter('Thursday, 01-Jan-26 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Thu Jan  1 00:00:10 2026', now)).toBe(10_000);
  });

  it('takes the first of several headers', () => {
    expect(parseRetryAfter(['2', '9'], now)).toBe(2_000);
  });

  it('refuses garbage rather than guessing', () => {
    for (const value of [
      'soon',
      '-1',
      '1.5',
      '3 seconds',
      '0x10',
      'Thu, 01 Jan 2026 00:00:05', // no zone
      'Thu, 01 Jan 2026 00:00:05 PST', // not GMT
      'Thu, 31 Feb 2026 00:00:05 GMT', // no such day
      'Thu, 01 Jan 2026 25:00:00 GMT', // no such hour
      '2026-01-01T00:00:05Z', // ISO, which HTTP does not use
    ]) {
      expect(parseRetryAfter(value, now), value).toBeUndefined();
    }
  });

  it('is undefined when absent', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter([], now)).toBeUndefined();
  });
});

describe('parseHttpDate', () => {
  it('reads the three HTTP forms to the same instant', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(expected);
  });
});

describe('shouldClientRetry', () => {
  it('never retries an HTTP answer: the server already retried what was worth it', () => {
    for (const status of [429, 500, 502, 503, 504]) {
      expect(shouldClientRetry('GET', { kind: 'status', status }, 1)).toBe(false);
      expect(shouldClientRetry('POST', { kind: 'status', status }, 1)).toBe(false);
    }
  });

  it('retries a read that did not reach the server or was cut off, a bounded number of times', () => {
    expect(CLIENT_RETRY.maxAttempts).toBe(3);
    expect(shouldClientRetry('GET', { kind: 'unreachable' }, 1)).toBe(true);
    expect(shouldClientRetry('GET', { kind: 'unreachable' }, 2)).toBe(true);
    expect(shouldClientRetry('GET', { kind: 'unreachable' }, 3)).toBe(false);
    expect(shouldClientRetry('GET', { kind: 'cut-off' }, 1)).toBe(true);
    expect(shouldClientRetry('GET', { kind: 'cut-off' }, 3)).toBe(false);
  });

  it('never retries a write whose fate is unknown', () => {
    expect(shouldClientRetry('POST', { kind: 'unreachable' }, 1)).toBe(false);
    expect(shouldClientRetry('POST', { kind: 'cut-off' }, 1)).toBe(false);
    expect(shouldClientRetry('DELETE', { kind: 'unreachable' }, 1)).toBe(false);
  });
});
