// The one retry policy of Parallax, shared by its server (which retries, because it sees MLflow) and
// the browser's client (which retries only what the server could not). Pure: no I/O, no clock of its
// own; time and randomness come in as arguments so every decision can be tested by hand.

/** How long to wait between tries. */
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** A transport failure as the server's upstream client classifies it. */
export interface TransportFailure {
  /** True when the request certainly never reached MLflow (refused, no route, unknown host). */
  neverSent: boolean;
  /** True when the failure is a timeout (connect, response headers, or a liveness probe). */
  timedOut: boolean;
}

// A read can be asked again at no risk. 408 (a gateway gave up waiting for the request), 429 (rate
// limited), 502 (a gateway between us and MLflow failed), 503 (MLflow or its gateway overloaded or
// restarting) and 504 (a gateway timed out) are all transient. 500 is not: it is MLflow's handler
// failing on this request, and the same request fails the same way (asking again only triples the
// load on a struggling server).
const READ_RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);
// A write answered 502/504 may have been applied already behind the gateway; a second try could
// apply it twice (a second run, a second experiment). 429 and 503 say the request was turned away
// before any handler ran, so the write did not happen and may go again.
const WRITE_RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * Whether an HTTP answer from MLflow is worth one more try of the same request. `read` says the
 * request only reads: every GET, and the POSTs the server's endpoint table marks as reads
 * (MLflow's searches, Databricks' credentials-for-read); any other POST counts as a write.
 */
export function isRetryableStatus(
  method: string,
  status: number,
  read: boolean = method === 'GET',
): boolean {
  return (read ? READ_RETRY_STATUSES : WRITE_RETRY_STATUSES).has(status);
}

/**
 * Tries in all for a request that got no HTTP answer (refused, reset, host unknown). One retry
 * covers the usual cause, a kept-alive socket MLflow had just closed, and the short gap of a
 * restart; when nothing listens, more tries (with their backoff) only keep the user from learning
 * that MLflow is down: the banner is due within 5 s of opening a page.
 */
export const TRANSPORT_MAX_ATTEMPTS = 2;

/** Whether a request that got no HTTP answer at all may be sent again; `attempt` counts from 1. */
export function isRetryableFailure(
  method: string,
  failure: TransportFailure,
  attempt: number,
): boolean {
  if (attempt >= TRANSPORT_MAX_ATTEMPTS) return false;
  // A timeout already cost the caller a long wait; a retry would multiply it, and MLflow that does
  // not answer in time is better reported at once (the "MLflow down" banner) than waited on again.
  if (failure.timedOut) return false;
  // A read may be repeated whatever happened to it. A write only when it certainly never left:
  // a reset after sending may have been processed.
  return method === 'GET' || failure.neverSent;
}

/**
 * Exponential backoff with jitter: the n-th wait (`attempt` counts from 1) is base·2^(n-1), capped
 * at `maxDelayMs`, plus up to one base step of random jitter so that many clients failing together
 * do not retry in lockstep. `random` returns a number in [0, 1).
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential + random() * policy.baseDelayMs);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// The three forms HTTP allows for a date (RFC 9110 §5.6.7); nothing else is read as one, so that
// garbage such as "soon", "-1" or "2026" (which Date.parse happily reads as a year) is refused.
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

/** Milliseconds since the epoch of an HTTP date, or undefined if it is not one. */
export function parseHttpDate(text: string): number | undefined {
  let day: string, month: string, year: number, hh: string, mm: string, ss: string;
  let m = IMF_FIXDATE.exec(text);
  if (m) {
    [, day = '', month = '', , hh = '', mm = '', ss = ''] = m;
    year = Number(m[3]);
  } else if ((m = RFC_850.exec(text))) {
    [, day = '', month = '', , hh = '', mm = '', ss = ''] = m;
    // A two-digit year: RFC 9110 reads one more than 50 years ahead as the past century; with
    // today's dates that is 70-99 → 19xx and 00-69 → 20xx.
    const yy = Number(m[3]);
    year = yy >= 70 ? 1900 + yy : 2000 + yy;
  } else if ((m = ASCTIME.exec(text))) {
    [, month = '', day = '', hh = '', mm = '', ss = ''] = m;
    year = Number(m[6]);
  } else {
    return undefined;
  }
  const monthIndex = MONTHS.indexOf(month);
  const [d, h, min, s] = [Number(day), Number(hh), Number(mm), Number(ss)];
  // Seconds up to 60 allow a leap second; the weekday name is not checked (it is redundant, and
  // servers have been seen to get it wrong).
  if (h > 23 || min > 59 || s > 60 || d < 1) return undefined;
  const ms = Date.UTC(year, monthIndex, d, h, min, s);
  // Date.UTC rolls "31 Feb" over into March: a date that does not round-trip does not exist.
  if (new Date(ms).getUTCDate() !== d && s !== 60) return undefined;
  return ms;
}

/**
 * `Retry-After` as a wait in ms from `now`: delta-seconds (digits only) or an HTTP date (never
 * negative: a date in the past means "now"). Undefined when absent or unreadable, so the caller
 * falls back to its own backoff instead of trusting garbage.
 */
export function parseRetryAfter(
  value: string | readonly string[] | null | undefined,
  now: number,
): number | undefined {
  // Several headers: the first one wins, as for any singleton header.
  const raw = typeof value === 'string' ? value : value?.[0];
  const text = raw?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) {
    const ms = Number(text) * 1000;
    // Absurdly large values (beyond what a timer can hold) mean "not soon": kept finite so the
    // caller's budget check refuses them rather than a timer overflowing to 1 ms.
    return Math.min(ms, Number.MAX_SAFE_INTEGER);
  }
  const date = parseHttpDate(text);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/**
 * The wait before the next try: MLflow's own `Retry-After` when it sent a readable one (it knows
 * when it will be ready), else the backoff for this attempt.
 */
export function nextDelay(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  return retryAfterMs ?? backoffDelay(attempt, policy, random);
}

// ---- The browser's side ----------------------------------------------------------------------

/**
 * The browser retries only what Parallax's server could not: the server already retried every
 * 429/5xx from MLflow with this same policy, so repeating those would multiply the calls reaching
 * MLflow (4 server tries × 4 client tries × 2 react-query tries before). Two more tries, close
 * together, ride out a server restart or a dropped connection without making the user wait long.
 */
export const CLIENT_RETRY: BackoffPolicy & { maxAttempts: number } = {
  maxAttempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 1_200,
};

/** What the browser saw go wrong with one call to Parallax's server. */
export type ClientFailure =
  /** fetch() itself failed: Parallax's server was not reached (or the connection dropped before an answer). */
  | { kind: 'unreachable' }
  /** The server answered, but the body was cut off before its end (the connection reset mid-body). */
  | { kind: 'cut-off' }
  /** A complete HTTP answer with this status. */
  | { kind: 'status'; status: number };

/** Whether the browser's client tries a failed call once more; `attempt` counts from 1. */
export function shouldClientRetry(
  method: string,
  failure: ClientFailure,
  attempt: number,
): boolean {
  if (attempt >= CLIENT_RETRY.maxAttempts) return false;
  switch (failure.kind) {
    case 'status':
      // Any status is the server's final word: it retried what was worth retrying. A 429 it
      // handed back (a Retry-After longer than its budget) is src/lib/rate-limit.ts's business.
      return false;
    case 'unreachable':
    case 'cut-off':
      // The server could not retry these: either it was never reached, or it had already sent
      // its headers when the body broke. Only reads go again: the browser cannot tell whether a
      // write reached MLflow before the connection failed.
      return method === 'GET';
  }
}
