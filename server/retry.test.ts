import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { sendWithRetries } from './retry.ts';
import { UpstreamUnavailableError } from './upstream.ts';

// Tiny waits keep the test fast; the policy's own numbers are tested in src/lib/retry-policy.test.ts.
const policy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 4, maxTotalDelayMs: 1_000 };

type Outcome = number | { status: number; retryAfter: string } | UpstreamUnavailableError;

/** An attempt function answering the given outcomes in order, counting its calls. */
function upstream(...outcomes: Outcome[]) {
  const calls = { count: 0, resumed: 0 };
  const attempt = () => {
    const outcome = outcomes[Math.min(calls.count, outcomes.length - 1)] ?? 200;
    calls.count += 1;
    if (outcome instanceof UpstreamUnavailableError) return Promise.reject(outcome);
    const { status, retryAfter } =
      typeof outcome === 'number' ? { status: outcome, retryAfter: undefined } : outcome;
    // Only the fields sendWithRetries reads: a whole IncomingMessage needs a socket.
    const res = {
      statusCode: status,
      headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
      resume: () => void (calls.resumed += 1),
    } as unknown as IncomingMessage;
    return Promise.resolve(res);
  };
  return { attempt, calls };
}

const refused = () => new UpstreamUnavailableError('connection refused', true, false);
const timedOut = () => new UpstreamUnavailableError('no response within 1 ms', false, true);
const reset = () => new UpstreamUnavailableError('connection reset', false, false);

const options = (method: string, canResend = true) => ({
  method,
  policy,
  canResend,
  random: () => 0,
});

describe('sendWithRetries', () => {
  it('tries a failing read at most maxAttempts times, then hands back the last answer', async () => {
    const { attempt, calls } = upstream(503);
    const res = await sendWithRetries(attempt, options('GET'));
    expect(res.statusCode).toBe(503);
    expect(calls.count).toBe(4);
    // Each answer given up on is drained so its socket returns to the pool.
    expect(calls.resumed).toBe(3);
  });

  it('stops at the first answer that is not retryable', async () => {
    const { attempt, calls } = upstream(502, 200);
    expect((await sendWithRetries(attempt, options('GET'))).statusCode).toBe(200);
    expect(calls.count).toBe(2);
  });

  it('does not retry a 500 at all', async () => {
    const { attempt, calls } = upstream(500);
    expect((await sendWithRetries(attempt, options('GET'))).statusCode).toBe(500);
    expect(calls.count).toBe(1);
  });

  it('retries a write on 503 but not on 502', async () => {
    const a = upstream(503, 200);
    expect((await sendWithRetries(a.attempt, options('POST'))).statusCode).toBe(200);
    expect(a.calls.count).toBe(2);
    const b = upstream(502, 200);
    expect((await sendWithRetries(b.attempt, options('POST'))).statusCode).toBe(502);
    expect(b.calls.count).toBe(1);
  });

  it('never sends a streamed body twice', async () => {
    const { attempt, calls } = upstream(503, 200);
    expect((await sendWithRetries(attempt, options('POST', false))).statusCode).toBe(503);
    expect(calls.count).toBe(1);
  });

  it('retries a refused connection once, then throws the failure', async () => {
    const { attempt, calls } = upstream(refused());
    await expect(sendWithRetries(attempt, options('POST'))).rejects.toThrow('connection refused');
    expect(calls.count).toBe(2);
    const again = upstream(refused(), 200);
    expect((await sendWithRetries(again.attempt, options('GET'))).statusCode).toBe(200);
  });

  it('does not retry a timeout, nor a reset write', async () => {
    const a = upstream(timedOut(), 200);
    await expect(sendWithRetries(a.attempt, options('GET'))).rejects.toThrow('no response');
    expect(a.calls.count).toBe(1);
    const b = upstream(reset(), 200);
    await expect(sendWithRetries(b.attempt, options('POST'))).rejects.toThrow('connection reset');
    expect(b.calls.count).toBe(1);
  });

  it('waits what Retry-After asks, within the budget', async () => {
    const { attempt, calls } = upstream({ status: 429, retryAfter: '0' }, 200);
    expect((await sendWithRetries(attempt, options('GET'))).statusCode).toBe(200);
    expect(calls.count).toBe(2);
  });

  it('hands back a 429 whose Retry-After is longer than the budget, without waiting', async () => {
    const { attempt, calls } = upstream({ status: 429, retryAfter: '60' }, 200);
    const started = Date.now();
    const res = await sendWithRetries(attempt, options('GET'));
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
    expect(calls.count).toBe(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('passes other errors through untouched', async () => {
    const attempt = () => Promise.reject(new TypeError('bug'));
    await expect(sendWithRetries(attempt, options('GET'))).rejects.toThrow(TypeError);
  });
});
