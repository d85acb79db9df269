// Relative, not '@/': e2e specs import this module under Node, which knows no '@' alias.
import { rateLimitWait } from '../lib/rate-limit';
import {
  backoffDelay,
  CLIENT_RETRY,
  parseRetryAfter,
  shouldClientRetry,
} from '../lib/retry-policy';
import type { ClientFailure } from '../lib/retry-policy';
import { MlflowError, errorFromResponse, invalidResponse } from './errors';
import { rateLimitStatus } from './rate-limit-status';

type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

/** Repeated keys for arrays, as MLflow's GET handlers expect (`run_ids=a&run_ids=b`). */
export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const v of value as readonly (string | number)[]) params.append(key, String(v));
    } else {
      params.append(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

type Attempt =
  | { kind: 'answer'; status: number; headers: Headers; text: string }
  | { kind: 'failed'; failure: ClientFailure; error: MlflowError };

/** One try: the whole answer as text, or what kept it from arriving. Aborts are rethrown as they are. */
async function attempt(method: string, url: string, options: RequestOptions): Promise<Attempt> {
  const init: RequestInit = {
    method,
    signal: options.signal ?? null,
    headers: { Accept: 'application/json' },
  };
  if (method !== 'GET') {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(options.body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if (options.signal?.aborted) throw e;
    const message = `Parallax's server could not be reached (${String(e)})`;
    return {
      kind: 'failed',
      failure: { kind: 'unreachable' },
      error: new MlflowError(0, 'NETWORK_ERROR', message),
    };
  }
  try {
    return { kind: 'answer', status: res.status, headers: res.headers, text: await res.text() };
  } catch (e) {
    if (options.signal?.aborted) throw e;
    // The headers came, so the server had already committed to this answer: it could not retry.
    const message = `The answer (HTTP ${res.status}) was cut off before its end (${String(e)}).`;
    return {
      kind: 'failed',
      failure: { kind: 'cut-off' },
      error: new MlflowError(res.status, 'INCOMPLETE_RESPONSE', message),
    };
  }
}

/** A 2xx body as JSON; anything else (an HTML sign-in page from a proxy) is an MlflowError saying so. */
function parseAnswer<T>(status: number, headers: Headers, text: string): T {
  // MLflow answers `{}` for most writes; an empty body (204) means the same.
  if (text === '') return {} as T;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidResponse(status, headers.get('content-type'), text);
  }
  // Every MLflow and Parallax endpoint answers an object; a bare value is not one of their answers.
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidResponse(status, headers.get('content-type'), text);
  }
  return parsed as T;
}

/**
 * One call to MLflow through the Parallax server; resolves to the parsed JSON body. Retries follow
 * the shared policy (src/lib/retry-policy.ts): the server already retried MLflow's transient
 * failures, so only a read that never reached the server, or whose answer was cut off, goes again;
 * and a 429 the server handed back is waited out here (src/lib/rate-limit.ts) while the page says so.
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const url = path + buildQuery(method === 'GET' ? options.query : undefined);
  let rateLimited = 0;
  for (let n = 1; ; n++) {
    const result = await attempt(method, url, options);
    if (result.kind === 'answer') {
      const { status, headers, text } = result;
      if (status >= 200 && status < 300) return parseAnswer<T>(status, headers, text);
      const retryAfter = parseRetryAfter(headers.get('retry-after'), Date.now());
      const wait = rateLimitWait(status, retryAfter, n, rateLimited);
      if (wait !== undefined) {
        const done = rateLimitStatus.begin(Date.now() + wait);
        try {
          await sleep(wait, options.signal);
        } finally {
          done();
        }
        rateLimited += wait;
        continue;
      }
      // Other statuses are never retried here: see shouldClientRetry.
      throw errorFromResponse(status, headers.get('content-type'), text);
    }
    if (!shouldClientRetry(method, result.failure, n)) throw result.error;
    await sleep(backoffDelay(n, CLIENT_RETRY), options.signal);
  }
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, signal?: AbortSignal) =>
    request<T>('POST', path, { body, signal }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }),
};

/** MLflow writes NaN and ±Infinity as JSON strings; everything else is a number (or a numeric string on old servers). */
export function parseMetricValue(value: number | string | undefined): number {
  if (typeof value === 'number') return value;
  if (value === undefined) return Number.NaN;
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  const n = Number(value);
  return Number.isNaN(n) ? Number.NaN : n;
}

/** int64 fields arrive as numbers from MLflow 3.x, as strings from older servers and Databricks. */
export function toInt(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}
