// The browser's side of a rate limit. Parallax's server waits out MLflow's (or Databricks') short
// 429s itself; it hands a 429 back only when the wait asked for is longer than its own budget or
// its tries ran out. Such a wait is taken here, shown to the user as a countdown instead of an
// error, and bounded: a limit that lasts beyond it is shown as the error it is.

export interface RateLimitPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** A single `Retry-After` longer than this is not waited for. */
  maxWaitMs: number;
  /** Nor is one that would take the call's waits past this. */
  maxTotalWaitMs: number;
  /** The wait when the answer names none: doubled on each try. */
  fallbackWaitMs: number;
}

export const RATE_LIMIT_RETRY: RateLimitPolicy = {
  maxAttempts: 4,
  maxWaitMs: 30_000,
  maxTotalWaitMs: 60_000,
  fallbackWaitMs: 2_000,
};

/**
 * How long to wait before sending again a call answered `status`, or undefined to give up. Only a
 * 429 qualifies, for any method: it says the request was refused before anything was done.
 * `attempt` counts from 1; `waitedMs` is what this call has waited already.
 */
export function rateLimitWait(
  status: number,
  retryAfterMs: number | undefined,
  attempt: number,
  waitedMs: number,
  policy: RateLimitPolicy = RATE_LIMIT_RETRY,
): number | undefined {
  if (status !== 429 || attempt >= policy.maxAttempts) return undefined;
  const wait = retryAfterMs ?? policy.fallbackWaitMs * 2 ** (attempt - 1);
  if (wait > policy.maxWaitMs || waitedMs + wait > policy.maxTotalWaitMs) return undefined;
  return wait;
}

/** Whole seconds left until `untilMs`, never below 1 while a wait is under way. */
export function secondsLeft(untilMs: number, now: number): number {
  return Math.max(1, Math.ceil((untilMs - now) / 1000));
}

/** "Databricks is rate-limiting; retrying in 3 s" (MLflow elsewhere). */
export function rateLimitMessage(
  backend: 'oss' | 'databricks' | undefined,
  seconds: number,
): string {
  const who = backend === 'databricks' ? 'Databricks' : 'MLflow';
  return `${who} is rate-limiting; retrying in ${seconds} s`;
}
