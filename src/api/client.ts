import { MlflowError, errorFromResponse } from './errors';

type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Attempts after the first one for retryable failures (network, 429, 502-504). */
  retries?: number;
}

const DEFAULT_RETRIES = 3;
const BASE_DELAY_MS = 300;
const MAX_DELAY_MS = 8000;

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

/** Seconds or an HTTP date, as `Retry-After` may carry; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function backoffDelay(attempt: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, 60_000);
  const exp = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return exp / 2 + Math.random() * (exp / 2);
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

/**
 * Whether a failed attempt may be repeated. A rejected request (429, 503) never reached MLflow's
 * handler, so even a POST may go again; a network error or a 502/504 might have, so only reads retry.
 */
function shouldRetry(error: MlflowError, method: string): boolean {
  if (error.status === 429 || error.status === 503) return true;
  if (method !== 'GET') return false;
  return error.status === 0 || error.status === 502 || error.status === 504;
}

async function attempt(method: string, url: string, options: RequestOptions): Promise<Response> {
  const init: RequestInit = {
    method,
    signal: options.signal ?? null,
    headers: { Accept: 'application/json' },
  };
  if (method !== 'GET') {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(options.body ?? {});
  }
  try {
    return await fetch(url, init);
  } catch (e) {
    if (options.signal?.aborted) throw e;
    throw new MlflowError(
      0,
      'NETWORK_ERROR',
      `Parallax's server could not be reached (${String(e)})`,
    );
  }
}

/** One call to MLflow through the Parallax server; resolves to the parsed JSON body. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const url = path + buildQuery(method === 'GET' ? options.query : undefined);
  const retries = options.retries ?? DEFAULT_RETRIES;
  for (let n = 0; ; n++) {
    let retryAfter: number | undefined;
    let error: MlflowError;
    try {
      const res = await attempt(method, url, options);
      const text = await res.text();
      if (res.ok) return (text ? JSON.parse(text) : {}) as T;
      error = errorFromResponse(res.status, res.headers.get('content-type'), text);
      retryAfter = parseRetryAfter(res.headers.get('retry-after'));
    } catch (e) {
      if (!(e instanceof MlflowError)) throw e;
      error = e;
    }
    if (n >= retries || !shouldRetry(error, method)) throw error;
    await sleep(backoffDelay(n, retryAfter), options.signal);
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
