import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { lowerBound, reduce, upperBound } from '../src/lib/downsample/index.ts';
import { encodeReducedPoints, type MetricSeriesWire } from '../src/lib/metric-series.ts';
import type { AuthProvider } from './auth.ts';
import type { RetryConfig } from './config.ts';
import { sendError, sendUpstreamFailure } from './http-errors.ts';
import { EncodedAnswers, encodeAnswer, pickEncoding } from './encoded-answers.ts';
import { ByteLru, seriesCacheBytes } from './metric-cache.ts';
import { Slots } from './slots.ts';
import {
  fetchMetricHistory,
  fetchRunState,
  historyBytes,
  type MetricHistory,
  MlflowHttpError,
  type RunState,
} from './metric-history.ts';
import type { UpstreamClient } from './upstream.ts';

export interface MetricSeriesDeps {
  upstream: UpstreamClient;
  auth: AuthProvider;
  retry: RetryConfig;
  /** From PARALLAX_SERIES_CACHE_MB (server/config.ts); the default size when absent. */
  cacheBytes?: number;
  now?: () => number;
}

export const DEFAULT_POINTS = 2_000;
export const MIN_POINTS = 10;
export const MAX_POINTS = 20_000;
/** A finished run's history is read again after this long (only if its latest metric changed). */
const FINISHED_TTL_MS = 10 * 60_000;
/** A RUNNING run's history older than this is checked against the run's latest metric. */
const RUNNING_REFRESH_MS = 3_000;
/** Even with the same latest metric, a RUNNING run is read in full this often (late, out-of-order steps). */
const RUNNING_FULL_REFRESH_MS = 60_000;
/**
 * History pages read from MLflow at once, over all series and users: what `mlflow server`'s default
 * four workers can serve without every read slowing down together (see slots.ts). One history
 * still reads up to three pages in parallel when nothing else is waiting.
 */
const HISTORY_READS_IN_FLIGHT = 4;
/** runs/get answers are shared by all of a run's metrics for this long. */
const RUN_STATE_TTL_MS = 2_000;

interface CachedSeries {
  history: MetricHistory;
  running: boolean;
  /** When the read began: nothing logged before this instant is missing. */
  fetchedAt: number;
  /** The latest-metric signature seen just before the read; undefined when unknown. */
  latest: string | undefined;
  /** When the history itself (not only its freshness check) was last read. */
  readAt: number;
}

/**
 * The run exists but never logged this key (MLflow answers an empty history): a 404 to
 * metric-series like any MLflow error, one empty cell to metrics-at-step.
 */
export class NoMetricHistory extends MlflowHttpError {
  constructor(runId: string, key: string) {
    super(404, 'RESOURCE_DOES_NOT_EXIST', `Run '${runId}' has no metric '${key}'.`);
    this.name = 'NoMetricHistory';
  }
}

/** Full histories, cached by bytes; one upstream read per series however many ask at once. */
export class SeriesStore {
  private readonly cache: ByteLru<CachedSeries>;
  private readonly pending = new Map<string, Promise<CachedSeries>>();
  private readonly runStates = new Map<string, { state: RunState; until: number }>();
  private readonly runPending = new Map<string, Promise<RunState>>();
  private readonly now: () => number;

  private readonly deps: MetricSeriesDeps & { historySlots: Slots };

  constructor(deps: MetricSeriesDeps) {
    this.deps = { ...deps, historySlots: new Slots(HISTORY_READS_IN_FLIGHT) };
    this.cache = new ByteLru(deps.cacheBytes ?? seriesCacheBytes());
    this.now = deps.now ?? Date.now;
  }

  get cachedBytes(): number {
    return this.cache.bytes;
  }

  async series(
    runId: string,
    key: string,
    forwardedToken: string | undefined,
  ): Promise<{ entry: CachedSeries; cached: boolean }> {
    // A user's own token may see other runs than the app's credential: never share across them.
    const identity = this.deps.auth.credentialKey(forwardedToken);
    const cacheKey = `${identity}\u0000${runId}\u0000${key}`;
    const hit = this.cache.get(cacheKey);
    if (hit) {
      const age = this.now() - hit.fetchedAt;
      if (age < (hit.running ? RUNNING_REFRESH_MS : FINISHED_TTL_MS)) {
        return { entry: hit, cached: true };
      }
    }
    let shared = this.pending.get(cacheKey);
    if (!shared) {
      shared = this.refresh(cacheKey, runId, key, forwardedToken, identity, hit).finally(() => {
        this.pending.delete(cacheKey);
      });
      this.pending.set(cacheKey, shared);
    }
    return { entry: await shared, cached: false };
  }

  private async refresh(
    cacheKey: string,
    runId: string,
    key: string,
    forwardedToken: string | undefined,
    identity: string,
    previous: CachedSeries | undefined,
  ): Promise<CachedSeries> {
    const startedAt = this.now();
    // The run's state is read before the history, so "finished" guarantees the history is complete.
    const state = await this.runState(runId, forwardedToken, identity);
    const running = state.status === 'RUNNING' || state.status === 'SCHEDULED';
    const latestEntry = state.latest.get(key);
    const latest = latestEntry?.signature;
    if (
      previous &&
      latest !== undefined &&
      previous.latest === latest &&
      (!running || startedAt - previous.readAt < RUNNING_FULL_REFRESH_MS)
    ) {
      const renewed = { ...previous, running, fetchedAt: startedAt };
      this.cache.set(cacheKey, renewed, historyBytes(previous.history));
      return renewed;
    }
    const expected = latestEntry && latestEntry.step >= 0 ? latestEntry.step + 1 : Infinity;
    const history = await fetchMetricHistory(this.deps, runId, key, forwardedToken, expected);
    if (history.x.length === 0) throw new NoMetricHistory(runId, key);
    const entry: CachedSeries = {
      history,
      running,
      fetchedAt: startedAt,
      latest,
      readAt: startedAt,
    };
    this.cache.set(cacheKey, entry, historyBytes(history));
    return entry;
  }

  private runState(
    runId: string,
    forwardedToken: string | undefined,
    identity: string,
  ): Promise<RunState> {
    const key = `${identity}\u0000${runId}`;
    const known = this.runStates.get(key);
    if (known && this.now() < known.until) return Promise.resolve(known.state);
    let shared = this.runPending.get(key);
    if (!shared) {
      shared = fetchRunState(this.deps, runId, forwardedToken)
        .then((state) => {
          if (this.runStates.size > 1_000) this.runStates.clear(); // tiny entries; a crude bound
          this.runStates.set(key, { state, until: this.now() + RUN_STATE_TTL_MS });
          return state;
        })
        .finally(() => this.runPending.delete(key));
      this.runPending.set(key, shared);
    }
    return shared;
  }
}

interface SeriesQuery {
  runId: string;
  key: string;
  start: number | null;
  end: number | null;
  points: number;
  method: 'minmaxlttb' | 'm4';
}

class InvalidParameter extends Error {}

/** Parses and checks the query; throws InvalidParameter with a message for the user. */
export function parseSeriesQuery(query: Record<string, unknown>): SeriesQuery {
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new InvalidParameter(`'${name}' must be given once.`);
    return value;
  };
  const runId = text('run_id');
  const key = text('key');
  if (!runId) throw new InvalidParameter("'run_id' is required.");
  if (!key) throw new InvalidParameter("'key' is required.");
  const step = (name: string): number | null => {
    const raw = text(name);
    if (raw === undefined || raw === '') return null;
    const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value)) {
      throw new InvalidParameter(`'${name}' must be an integer step, got '${raw}'.`);
    }
    return value;
  };
  const start = step('start_step');
  const end = step('end_step');
  if ((start === null) !== (end === null)) {
    throw new InvalidParameter("'start_step' and 'end_step' must be given together.");
  }
  if (start !== null && end !== null && start > end) {
    throw new InvalidParameter("'start_step' must not be greater than 'end_step'.");
  }
  const rawPoints = text('points');
  let points = DEFAULT_POINTS;
  if (rawPoints !== undefined && rawPoints !== '') {
    if (!/^\d+$/.test(rawPoints)) {
      throw new InvalidParameter(`'points' must be a positive integer, got '${rawPoints}'.`);
    }
    points = Math.min(MAX_POINTS, Math.max(MIN_POINTS, Number(rawPoints)));
  }
  const method = text('method') ?? 'minmaxlttb';
  if (method !== 'minmaxlttb' && method !== 'm4') {
    throw new InvalidParameter("'method' must be 'minmaxlttb' or 'm4'.");
  }
  return { runId, key, start, end, points, method };
}

/** The answer for one window of a cached history. */
export function seriesAnswer(
  query: SeriesQuery,
  history: MetricHistory,
  running: boolean,
): MetricSeriesWire {
  const { x, y, t } = history;
  const n = x.length;
  const lo = query.start === null ? 0 : lowerBound(x, query.start, 0, n);
  const hi = query.end === null ? n : upperBound(x, query.end, lo, n);
  const wx = x.subarray(lo, hi);
  const wy = y.subarray(lo, hi);
  const reduced = reduce(wx, wy, query.points, query.method);
  let nan = 0;
  let posInf = 0;
  let negInf = 0;
  for (let i = 0; i < wy.length; i++) {
    const v = wy[i] as number;
    if (v - v !== 0) {
      if (v !== v) nan++;
      else if (v > 0) posInf++;
      else negInf++;
    }
  }
  return {
    run_id: query.runId,
    key: query.key,
    raw_count: n,
    window_count: hi - lo,
    start_step: query.start,
    end_step: query.end,
    exact: reduced.exact,
    running,
    method: reduced.exact ? 'exact' : query.method,
    logged_count: history.loggedCount,
    nan_count: nan,
    pos_inf_count: posInf,
    neg_inf_count: negInf,
    ...encodeReducedPoints(reduced, t, lo),
  };
}

/** `GET /parallax/api/metric-series`: a metric's full-fidelity reduction. */
export function registerMetricSeries(app: FastifyInstance, deps: MetricSeriesDeps): SeriesStore {
  // One budget (PARALLAX_SERIES_CACHE_MB) for both caches: histories, and an eighth for encoded
  // answers, so that the configured figure stays the bound on what caching can hold.
  const budget = deps.cacheBytes ?? seriesCacheBytes();
  const answersBudget = Math.floor(budget / ANSWER_SHARE);
  const store = new SeriesStore({ ...deps, cacheBytes: budget - answersBudget });
  const answers = new EncodedAnswers<CachedSeries>(answersBudget);
  // Encoded here, once per distinct answer, rather than by @fastify/compress on every send.
  app.get('/parallax/api/metric-series', { compress: false }, async (request, reply) =>
    answer(request, reply, { store, answers, deps }),
  );
  return store;
}

/** The share of the cache budget that holds encoded answers (one eighth). */
const ANSWER_SHARE = 8;

interface AnswerContext {
  store: SeriesStore;
  answers: EncodedAnswers<CachedSeries>;
  deps: MetricSeriesDeps;
}

async function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  { store, answers, deps }: AnswerContext,
): Promise<FastifyReply> {
  let query: SeriesQuery;
  try {
    query = parseSeriesQuery(request.query as Record<string, unknown>);
  } catch (err) {
    if (!(err instanceof InvalidParameter)) throw err;
    return sendError(reply, 400, 'INVALID_PARAMETER_VALUE', err.message);
  }
  const started = performance.now();
  // Only a trusted proxy's user token counts (auth.ts); a client's own header is ignored.
  const forwardedToken = deps.auth.forwardedToken(request.headers);
  let result: Awaited<ReturnType<SeriesStore['series']>>;
  try {
    result = await store.series(query.runId, query.key, forwardedToken);
  } catch (err) {
    if (err instanceof MlflowHttpError)
      return sendError(reply, err.status, err.errorCode, err.message);
    const answered = sendUpstreamFailure(reply, deps.upstream.host, err);
    if (answered) return answered;
    throw err;
  }
  const fetched = performance.now();
  const encoding = pickEncoding(request.headers['accept-encoding']);
  // Everything the answer depends on besides the history itself, and whose credential asked.
  const answerKey = [
    deps.auth.credentialKey(forwardedToken),
    query.runId,
    query.key,
    query.start,
    query.end,
    query.points,
    query.method,
    encoding,
  ].join('\u0000');
  let bytes = answers.get(answerKey, result.entry);
  const answerCached = bytes !== undefined;
  if (!bytes) {
    const body = seriesAnswer(query, result.entry.history, result.entry.running);
    bytes = await encodeAnswer(JSON.stringify(body), encoding);
    answers.set(answerKey, result.entry, bytes);
  }
  const reduced = performance.now();
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply
    .header('cache-control', 'no-store')
    .header('vary', 'accept-encoding')
    .header(
      'server-timing',
      `history;dur=${(fetched - started).toFixed(1)};desc="${result.cached ? 'cached' : 'read'}", ` +
        `reduce;dur=${(reduced - fetched).toFixed(1)};desc="${answerCached ? 'cached' : 'encoded'}"`,
    )
    .type('application/json; charset=utf-8')
    .send(bytes);
}
