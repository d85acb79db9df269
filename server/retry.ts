import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RetryConfig } from './config.ts';
import { UpstreamUnavailableError } from './upstream.ts';

const READ_RETRY_STATUSES = new Set([429, 502, 503, 504]);
// A write answered 502/504 may have been applied already; 429/503 say it was not processed.
const WRITE_RETRY_STATUSES = new Set([429, 503]);

export function isRetryableStatus(method: string, status: number): boolean {
  return (method === 'GET' ? READ_RETRY_STATUSES : WRITE_RETRY_STATUSES).has(status);
}

export function isRetryableError(method: string, err: UpstreamUnavailableError): boolean {
  if (err.timedOut) return false;
  return method === 'GET' || err.neverSent;
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms from `now`; undefined when absent or invalid. */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number,
): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse reads bare numbers such as "-1" as years; an HTTP date always names its month.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full-range jitter of one base step; `attempt` counts from 1. */
export function backoffDelay(
  attempt: number,
  policy: RetryConfig,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential + random() * policy.baseDelayMs);
}

export interface RetryOptions {
  method: string;
  policy: RetryConfig;
  /** False when the request body was streamed and cannot be sent twice. */
  canResend: boolean;
  signal?: AbortSignal;
  now?: () => number;
}

/** Calls `attempt` until it yields a final answer, within the policy's attempt and wait budgets. */
export async function sendWithRetries(
  attempt: () => Promise<IncomingMessage>,
  options: RetryOptions,
): Promise<IncomingMessage> {
  const { method, policy } = options;
  const now = options.now ?? Date.now;
  let waited = 0;
  for (let n = 1; ; n++) {
    let res: IncomingMessage | undefined;
    let failure: UpstreamUnavailableError | undefined;
    try {
      res = await attempt();
    } catch (err) {
      if (!(err instanceof UpstreamUnavailableError)) throw err;
      failure = err;
    }
    const finalAnswer = (): IncomingMessage => {
      if (res) return res;
      throw failure;
    };

    const retryable = res
      ? isRetryableStatus(method, res.statusCode ?? 0)
      : failure !== undefined && isRetryableError(method, failure);
    if (!retryable || !options.canResend || n >= policy.maxAttempts) return finalAnswer();

    const delay = parseRetryAfter(res?.headers['retry-after'], now()) ?? backoffDelay(n, policy);
    // Too long a wait is the caller's call: hand back the 429/503 with its Retry-After.
    if (waited + delay > policy.maxTotalDelayMs) return finalAnswer();
    res?.resume();
    await sleep(delay, undefined, options.signal ? { signal: options.signal } : undefined);
    waited += delay;
  }
}
