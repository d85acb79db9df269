import type { IncomingMessage } from 'node:http';
import { decodeValue, type WireValue } from '../src/lib/metric-series.ts';
import type { AuthProvider } from './auth.ts';
import type { RetryConfig } from './config.ts';
import { sendWithRetries } from './retry.ts';
import type { Slots } from './slots.ts';
import type { UpstreamClient } from './upstream.ts';

export interface MlflowReadDeps {
  upstream: UpstreamClient;
  auth: AuthProvider;
  retry: RetryConfig;
  /** Bounds the history pages read at once, across every series; unbounded when absent. */
  historySlots?: Slots;
}

// Histories in the order they were started: every page of one carries its number as its rank in
// the slots, so histories begun earlier finish first (see slots.ts).
let historiesStarted = 0;

/** MLflow answered with an error: passed on to the browser with its status and error_code. */
export class MlflowHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'MlflowHttpError';
  }
}

/**
 * One metric's full history as typed arrays, sorted by step with one point per step (x strictly
 * increasing). When a step was logged more than once, the value logged last (by timestamp, then
 * MLflow's order) is kept, as a chart of "the value at step s" must show one value.
 */
export interface MetricHistory {
  x: Float64Array;
  y: Float64Array;
  t: Float64Array;
  /** Entries MLflow returned (>= x.length). */
  loggedCount: number;
}

export function historyBytes(history: MetricHistory): number {
  return history.x.byteLength + history.y.byteLength + history.t.byteLength + 256;
}

/** MLflow's largest page of get-history (GET_METRIC_HISTORY_MAX_RESULTS). */
export const HISTORY_PAGE = 25_000;
// Pages fetched at once when the server's token is a plain offset (open-source MLflow): its Python
// JSON encoding costs ~40 µs per point, so a 200k-step history is ~10 s one page after another.
const PARALLEL_PAGES = 3;
const MAX_BODY_BYTES = 256 * 1024 * 1024;

interface Page {
  steps: Float64Array;
  values: Float64Array;
  times: Float64Array;
  next: string | undefined;
}

/**
 * Reads every page of `metrics/get-history`. MLflow 3.17 answers everything at once without
 * `max_results`, and pages by offset with it (`page_token` = base64 `{"offset": n}`); Databricks
 * pages with opaque tokens. We always ask for pages of 25,000; when the first token is an offset we
 * fetch the following pages a few at a time, else we follow `next_page_token` one by one.
 */
export async function fetchMetricHistory(
  deps: MlflowReadDeps,
  runId: string,
  key: string,
  forwardedToken: string | undefined,
  /** About how many entries to expect (the latest step + 1): bounds the pages asked at once. */
  expected = Infinity,
): Promise<MetricHistory> {
  const base =
    `/api/2.0/mlflow/metrics/get-history?run_id=${encodeURIComponent(runId)}` +
    `&metric_key=${encodeURIComponent(key)}&max_results=${HISTORY_PAGE}`;
  const rank = historiesStarted++;
  const read = (target: string) => getJson(deps, target, forwardedToken, { heavy: true });
  const page = (token: string | undefined) => {
    const target = token ? `${base}&page_token=${encodeURIComponent(token)}` : base;
    const slots = deps.historySlots;
    return (slots ? slots.run(() => read(target), rank) : read(target)).then(toPage);
  };

  const first = await page(undefined);
  const pages = [first];
  if (first.next !== undefined && offsetOf(first.next) === first.steps.length) {
    const remaining = Math.ceil((expected - first.steps.length) / HISTORY_PAGE);
    const workers = Math.min(PARALLEL_PAGES, Math.max(1, remaining));
    pages.push(...(await offsetPages(page, first.steps.length, workers)));
  } else {
    for (let next = first.next; next !== undefined;) {
      const more = await page(next);
      pages.push(more);
      next = more.next;
    }
  }
  return buildHistory(pages);
}

async function offsetPages(
  page: (token: string) => Promise<Page>,
  start: number,
  workers: number,
): Promise<Page[]> {
  const found = new Map<number, Page>();
  let nextOffset = start;
  let end = Infinity; // the offset of the last page, once one comes back short or without a token
  const worker = async () => {
    while (nextOffset < end) {
      const offset = nextOffset;
      nextOffset += HISTORY_PAGE;
      const result = await page(offsetToken(offset));
      found.set(offset, result);
      if (result.next === undefined || result.steps.length < HISTORY_PAGE) {
        end = Math.min(end, offset);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return [...found.entries()]
    .filter(([offset]) => offset <= end)
    .sort((a, b) => a[0] - b[0])
    .map(([, result]) => result);
}

/** The offset inside an open-source MLflow page token, or undefined for any other token. */
export function offsetOf(token: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (!parsed || typeof parsed !== 'object') return undefined;
    const fields = Object.keys(parsed);
    const offset = (parsed as { offset?: unknown }).offset;
    return fields.length === 1 && Number.isSafeInteger(offset) ? (offset as number) : undefined;
  } catch {
    return undefined;
  }
}

export function offsetToken(offset: number): string {
  // Spelled as Python's json.dumps writes it, so the token is the one MLflow would have sent.
  return Buffer.from(`{"offset": ${offset}}`).toString('base64');
}

interface WireMetric {
  value?: WireValue;
  timestamp?: number | string;
  step?: number | string;
}

function toPage(body: unknown): Page {
  const fields = (body && typeof body === 'object' ? body : {}) as {
    metrics?: WireMetric[];
    next_page_token?: string;
  };
  const metrics = Array.isArray(fields.metrics) ? fields.metrics : [];
  const n = metrics.length;
  const steps = new Float64Array(n);
  const values = new Float64Array(n);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = metrics[i] as WireMetric;
    // int64 fields may come as strings from some servers; an absent field is proto's default 0.
    steps[i] = Number(m.step ?? 0);
    values[i] = decodeValue(m.value ?? 0);
    times[i] = Number(m.timestamp ?? 0);
  }
  const next = fields.next_page_token ? fields.next_page_token : undefined;
  return { steps, values, times, next };
}

/** Concatenates pages, sorts by (step, timestamp) when needed, keeps the last entry per step. */
export function buildHistory(pages: Page[]): MetricHistory {
  let n = 0;
  for (const p of pages) n += p.steps.length;
  const steps = new Float64Array(n);
  const values = new Float64Array(n);
  const times = new Float64Array(n);
  let at = 0;
  for (const p of pages) {
    steps.set(p.steps, at);
    values.set(p.values, at);
    times.set(p.times, at);
    at += p.steps.length;
  }

  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    const ds = (steps[i] as number) - (steps[i - 1] as number);
    sorted = ds > 0 || (ds === 0 && (times[i] as number) >= (times[i - 1] as number));
  }
  // MLflow sorts by timestamp; a run that logged steps out of order needs a stable re-sort.
  let order: Uint32Array | undefined;
  if (!sorted) {
    order = Uint32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) =>
        (steps[a] as number) - (steps[b] as number) ||
        (times[a] as number) - (times[b] as number) ||
        a - b,
    );
  }

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const t = new Float64Array(n);
  let k = 0;
  for (let j = 0; j < n; j++) {
    const i = order ? (order[j] as number) : j;
    const step = steps[i] as number;
    // Same step again: the later entry replaces the one just written.
    if (k > 0 && x[k - 1] === step) k--;
    x[k] = step;
    y[k] = values[i] as number;
    t[k] = times[i] as number;
    k++;
  }
  return {
    x: k === n ? x : x.slice(0, k),
    y: k === n ? y : y.slice(0, k),
    t: k === n ? t : t.slice(0, k),
    loggedCount: n,
  };
}

export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED' | string;

export interface RunState {
  status: RunStatus;
  /** Each metric's latest entry: an unchanged `signature` means nothing new was logged. */
  latest: Map<string, { signature: string; step: number }>;
}

export async function fetchRunState(
  deps: MlflowReadDeps,
  runId: string,
  forwardedToken: string | undefined,
): Promise<RunState> {
  const body = (await getJson(
    deps,
    `/api/2.0/mlflow/runs/get?run_id=${encodeURIComponent(runId)}`,
    forwardedToken,
  )) as {
    run?: { info?: { status?: string }; data?: { metrics?: (WireMetric & { key?: unknown })[] } };
  };
  const latest: RunState['latest'] = new Map();
  for (const m of body.run?.data?.metrics ?? []) {
    if (typeof m.key !== 'string') continue;
    const signature = `${m.step ?? 0}:${m.timestamp ?? 0}:${m.value ?? 0}`;
    latest.set(m.key, { signature, step: Number(m.step ?? 0) });
  }
  return { status: body.run?.info?.status ?? 'UNKNOWN', latest };
}

/** GET through the proxy's client, credential and retry policy; MLflow errors become MlflowHttpError. */
async function getJson(
  deps: MlflowReadDeps,
  target: string,
  forwardedToken: string | undefined,
  /** A history page: see UpstreamRequest.heavy. */
  { heavy = false } = {},
): Promise<unknown> {
  const res = await sendWithRetries(
    async () => {
      const authorization = await deps.auth.authorization(forwardedToken);
      const headers: Record<string, string> = {
        accept: 'application/json',
        'user-agent': 'parallax',
      };
      if (authorization) headers.authorization = authorization;
      return deps.upstream.request({ method: 'GET', target, headers, heavy });
    },
    { method: 'GET', policy: deps.retry, canResend: true },
  );
  const status = res.statusCode ?? 502;
  if (status === 401 && !forwardedToken) deps.auth.invalidate();
  const text = await readText(res);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (status >= 200 && status < 300 && body !== undefined) return body;
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const errorCode = typeof fields.error_code === 'string' ? fields.error_code : 'MLFLOW_ERROR';
  const message =
    typeof fields.message === 'string'
      ? fields.message
      : `MLflow answered HTTP ${status} to ${target.split('?')[0] ?? target}.`;
  throw new MlflowHttpError(status >= 400 ? status : 502, errorCode, message);
}

async function readText(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      res.destroy();
      throw new MlflowHttpError(502, 'MLFLOW_ERROR', 'MLflow sent a metric page over 256 MB.');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
