import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  isRetryableFailure,
  isRetryableStatus,
  nextDelay,
  parseRetryAfter,
} from '../src/lib/retry-policy.ts';
import type { RetryConfig } from './config.ts';
import { UpstreamUnavailableError } from './upstream.ts';

export interface RetryOptions {
  method: string;
  /** The request only reads (a GET, or a POST search): retried on every transient status. */
  read?: boolean;
  policy: RetryConfig;
  /** False when the request body was streamed and cannot be sent twice. */
  canResend: boolean;
  signal?: AbortSignal;
  now?: () => number;
  /** Jitter source, in [0, 1); tests pin it. */
  random?: () => number;
}

/**
 * Calls `attempt` until it yields a final answer, within the policy's attempt and wait budgets.
 * This is the only place Parallax retries a call to MLflow: what is retried, and how long to wait,
 * comes from the shared policy (src/lib/retry-policy.ts); the browser does not retry these again.
 */
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
      ? isRetryableStatus(method, res.statusCode ?? 0, options.read ?? method === 'GET')
      : failure !== undefined && isRetryableFailure(method, failure, n);
    if (!retryable || !options.canResend || n >= policy.maxAttempts) return finalAnswer();

    const retryAfter = parseRetryAfter(res?.headers['retry-after'], now());
    const delay = nextDelay(n, policy, retryAfter, options.random);
    // Too long a wait is the caller's call: hand back the 429/503 with its Retry-After.
    if (waited + delay > policy.maxTotalDelayMs) return finalAnswer();
    res?.resume();
    await sleep(delay, undefined, options.signal ? { signal: options.signal } : undefined);
    waited += delay;
  }
}
