// `POST /parallax/api/metrics-at-step`: for N runs × M metric keys, one value per cell by the
// compare page's step choice (latest, step:N, min, max, best:<metric>), from each metric's FULL
// history, never a sample. Histories come through the series cache the charts use (SeriesStore),
// so a comparison opened after the charts reads nothing from MLflow again.
//
// Decisions:
// - POST only because the lists are long (200 run ids, 100 keys): it reads and changes nothing,
//   so PARALLAX_READ_ONLY leaves it alone (read-only mode lives in the proxy's endpoint table,
//   which Parallax's own routes are not in), while the same-origin check every POST passes
//   (security.ts) still refuses a cross-site one.
// - A (run, key) that fails on its own (the run does not exist, cannot be seen, or never logged
//   the key) is that cell's miss; the other cells still answer. MLflow down, its 5xx after the
//   retries, 401 or 429 fail the whole request as metric-series does: every cell would say the same.
// - The per-pair tasks are bounded here (PAIRS_IN_FLIGHT) on top of the store's own bound on
//   history pages, so 2,000 cells never mean 2,000 runs/get or 2,000 waiting closures at once.
// - Run ids and keys are deduplicated (first occurrence kept); the bounds apply to the lists as
//   sent. The answer lists each distinct (run, key) once, run-major, in the order given.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mapBounded } from '../src/lib/bounded.ts';
import {
  historyArrays,
  pickMetric,
  type MetricPick,
  type StepChoice,
} from '../src/lib/metric-at-step.ts';
import type { Direction } from '../src/lib/metric-direction/types.ts';
import {
  encodeValue,
  type MetricAtStepWire,
  type MetricsAtStepWire,
} from '../src/lib/metric-series.ts';
import { readStepChoice } from '../src/lib/run-diff/compare-url.ts';
import type { AuthProvider } from './auth.ts';
import { sendError, sendUpstreamFailure } from './http-errors.ts';
import { type MetricHistory, MlflowHttpError } from './metric-history.ts';
import { NoMetricHistory, type SeriesStore } from './metric-series.ts';
import type { UpstreamClient } from './upstream.ts';

export const METRICS_AT_STEP_PATH = '/parallax/api/metrics-at-step';
export const MAX_RUNS = 200;
export const MAX_KEYS = 100;
export const MAX_PAIRS = 2_000;
/** MLflow's MAX_ENTITY_KEY_LENGTH. */
export const MAX_KEY_LENGTH = 250;
/** 200 ids of 64 characters and 100 keys of 250 fit many times over. */
const BODY_LIMIT = 256 * 1024;
/** (run, key) tasks at once; their history pages are further bounded by the store's slots. */
export const PAIRS_IN_FLIGHT = 8;

// As the compare page's URL (src/lib/run-diff/compare-url.ts): MLflow's 32 hex digits, or another
// store's short words. Nothing else reaches MLflow's query string.
const RUN_ID = /^[\w-]{1,64}$/;
// NUL also separates the store's cache key parts; no logged key holds a control character.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const FIELDS = new Set(['run_ids', 'keys', 'at', 'reference_direction']);

export interface MetricsAtStepQuery {
  /** Distinct, in the order given. */
  runIds: string[];
  /** Distinct, in the order given. */
  keys: string[];
  choice: StepChoice;
  /** Set when `choice` is 'best' (and only then). */
  referenceDirection: Direction | undefined;
}

/** The request cannot be answered as written; `errorCode` and the message go to the client. */
export class InvalidRequest extends Error {
  constructor(
    readonly errorCode: 'INVALID_PARAMETER_VALUE' | 'MALFORMED_REQUEST',
    message: string,
  ) {
    super(message);
    this.name = 'InvalidRequest';
  }
}

const invalid = (message: string) => new InvalidRequest('INVALID_PARAMETER_VALUE', message);

/** A value the client sent, quoted short enough for a message. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

function keyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string') return 'is not a string';
  if (key === '') return 'is empty';
  if (key.length > MAX_KEY_LENGTH) return `is longer than ${MAX_KEY_LENGTH} characters`;
  if (CONTROL.test(key)) return 'holds a control character';
  return undefined;
}

function list(body: Record<string, unknown>, field: string, max: number, what: string): unknown[] {
  const value = body[field];
  if (value === undefined) throw invalid(`'${field}' is required: a list of ${what}.`);
  if (!Array.isArray(value)) throw invalid(`'${field}' must be a list of ${what}.`);
  if (value.length > max) {
    throw invalid(`'${field}' holds ${value.length} ${what}; at most ${max} are answered at once.`);
  }
  return value;
}

function parseChoice(at: unknown): StepChoice {
  if (at === undefined) {
    throw invalid("'at' is required: 'latest', 'min', 'max', 'step:<step>' or 'best:<metric>'.");
  }
  if (typeof at !== 'string') throw invalid(`'at' must be a string, got ${quote(at)}.`);
  if (at === 'latest') return { kind: 'latest' };
  // The compare page's own spelling, read by its own reader; what it reads as the default
  // ('latest') is anything unreadable, which here is an error rather than a guess.
  const choice = readStepChoice(at);
  if (choice.kind === 'latest') {
    throw invalid(
      `'at' must be 'latest', 'min', 'max', 'step:<integer>' or 'best:<metric key>', got ${quote(at)}.`,
    );
  }
  if (choice.kind === 'best') {
    const problem = keyProblem(choice.metric);
    if (problem) throw invalid(`The metric key in 'at' ${problem}.`);
  }
  return choice;
}

/**
 * Parses and checks the request body (the raw text: this route parses its own JSON, so every
 * malformed body gets an answer in MLflow's error shape). Throws InvalidRequest.
 */
export function parseMetricsAtStepBody(raw: unknown): MetricsAtStepQuery {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new InvalidRequest(
      'MALFORMED_REQUEST',
      'The body must be a JSON object with run_ids, keys and at.',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new InvalidRequest('MALFORMED_REQUEST', 'The body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidRequest(
      'MALFORMED_REQUEST',
      'The body must be a JSON object with run_ids, keys and at.',
    );
  }
  const fields = body as Record<string, unknown>;
  for (const name of Object.keys(fields)) {
    if (!FIELDS.has(name)) {
      throw invalid(
        `Unknown field ${quote(name)}: the fields are run_ids, keys, at and reference_direction.`,
      );
    }
  }

  const runList = list(fields, 'run_ids', MAX_RUNS, 'run ids');
  runList.forEach((id, i) => {
    if (typeof id !== 'string' || !RUN_ID.test(id)) {
      throw invalid(`'run_ids[${i}]' is not a run id: ${quote(id)}.`);
    }
  });
  const keyList = list(fields, 'keys', MAX_KEYS, 'metric keys');
  keyList.forEach((key, i) => {
    const problem = keyProblem(key);
    if (problem) throw invalid(`'keys[${i}]' ${problem}: ${quote(key)}.`);
  });
  const pairs = runList.length * keyList.length;
  if (pairs > MAX_PAIRS) {
    throw invalid(
      `${runList.length} runs × ${keyList.length} keys is ${pairs} values; ` +
        `at most ${MAX_PAIRS} are answered at once.`,
    );
  }

  const choice = parseChoice(fields.at);
  const direction = fields.reference_direction;
  if (direction !== undefined && direction !== 'min' && direction !== 'max') {
    throw invalid(`'reference_direction' must be 'min' or 'max', got ${quote(direction)}.`);
  }
  if (choice.kind === 'best' && direction === undefined) {
    throw invalid("'reference_direction' ('min' or 'max') is required with 'at': 'best:<metric>'.");
  }
  return {
    runIds: [...new Set(runList as string[])],
    keys: [...new Set(keyList as string[])],
    choice,
    referenceDirection: choice.kind === 'best' ? direction : undefined,
  };
}

/** What became of one (run, key). */
export type PairOutcome =
  | { kind: 'pick'; pick: MetricPick }
  /** MLflow refused this run (it does not exist, or this credential cannot see it). */
  | { kind: 'missing'; errorCode: string; message: string };

/**
 * A failed read that is one cell's miss, or undefined when it must fail the whole request (MLflow
 * out of reach, its 5xx after the retries, a credential it refuses, rate limiting).
 */
export function pairFailure(
  err: unknown,
): { kind: 'empty' } | { kind: 'missing'; errorCode: string; message: string } | undefined {
  if (err instanceof NoMetricHistory) return { kind: 'empty' };
  if (err instanceof MlflowHttpError && [400, 403, 404].includes(err.status)) {
    return { kind: 'missing', errorCode: err.errorCode, message: err.message };
  }
  return undefined;
}

/** One cell's value from its history and, for 'best', the reference metric's (undefined: none). */
export function pickPair(
  history: MetricHistory,
  choice: StepChoice,
  reference: { history: MetricHistory; direction: Direction } | undefined,
): MetricPick {
  return pickMetric(
    historyArrays(history),
    choice,
    reference && { history: historyArrays(reference.history), direction: reference.direction },
  );
}

/** One cell of the answer; NaN and ±Infinity spelled as MLflow spells them. */
export function answerPair(runId: string, key: string, outcome: PairOutcome): MetricAtStepWire {
  if (outcome.kind === 'missing') {
    return {
      run_id: runId,
      key,
      found: false,
      why: 'missing',
      error_code: outcome.errorCode,
      message: outcome.message,
    };
  }
  const { pick } = outcome;
  const asked = pick.askedStep === undefined ? {} : { asked_step: pick.askedStep };
  if (!pick.found) return { run_id: runId, key, found: false, why: pick.why, ...asked };
  return {
    run_id: runId,
    key,
    found: true,
    step: pick.step,
    value: encodeValue(pick.value),
    exact: pick.exact,
    ...asked,
  };
}

export interface MetricsAtStepDeps {
  /** The store registerMetricSeries returned: the charts' cache, shared. */
  store: SeriesStore;
  upstream: UpstreamClient;
  auth: AuthProvider;
}

/** Registers the route in a scope of its own, which reads JSON bodies as text (see parse…Body). */
export async function registerMetricsAtStep(
  app: FastifyInstance,
  deps: MetricsAtStepDeps,
): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post(METRICS_AT_STEP_PATH, (request, reply) => answer(request, reply, deps));
  });
}

type Read = { ok: true; history: MetricHistory } | { ok: false; error: unknown };

async function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  { store, upstream, auth }: MetricsAtStepDeps,
): Promise<FastifyReply> {
  let query: MetricsAtStepQuery;
  try {
    query = parseMetricsAtStepBody(request.body);
  } catch (err) {
    if (!(err instanceof InvalidRequest)) throw err;
    return sendError(reply, 400, err.errorCode, err.message);
  }
  const started = performance.now();
  // Only a trusted proxy's user token counts (auth.ts); the store caches per credential.
  const forwardedToken = auth.forwardedToken(request.headers);
  const read = (runId: string, key: string): Promise<Read> =>
    store.series(runId, key, forwardedToken).then(
      ({ entry }) => ({ ok: true, history: entry.history }),
      (error: unknown) => ({ ok: false, error }),
    );
  // The reference metric once per run: an absent one is not cached by the store, and would
  // otherwise be asked of MLflow once per key.
  const references = new Map<string, Promise<Read>>();
  const { choice, referenceDirection } = query;
  const referenceOf = (runId: string): Promise<Read> | undefined => {
    if (choice.kind !== 'best' || !referenceDirection) return undefined;
    let shared = references.get(runId);
    if (!shared) {
      shared = read(runId, choice.metric);
      references.set(runId, shared);
    }
    return shared;
  };

  const stop = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) stop.abort(); // the browser left: start nothing more
  });
  let fatal: { error: unknown } | undefined;
  const fail = (error: unknown): never => {
    fatal ??= { error };
    stop.abort();
    throw error;
  };
  const pairs = query.runIds.flatMap((runId) => query.keys.map((key) => ({ runId, key })));
  const settled = await mapBounded(
    pairs,
    PAIRS_IN_FLIGHT,
    async ({ runId, key }): Promise<PairOutcome> => {
      const own = await read(runId, key);
      if (!own.ok) {
        const failure = pairFailure(own.error) ?? fail(own.error);
        return failure.kind === 'empty'
          ? { kind: 'pick', pick: { found: false, why: 'empty' } }
          : failure;
      }
      const pending = referenceOf(runId);
      let reference: { history: MetricHistory; direction: Direction } | undefined;
      if (pending && referenceDirection) {
        const ref = await pending;
        if (ref.ok) reference = { history: ref.history, direction: referenceDirection };
        else {
          const failure = pairFailure(ref.error) ?? fail(ref.error);
          // A reference never logged is the pick's own 'no-reference'; a refused run is missing.
          if (failure.kind === 'missing') return failure;
        }
      }
      return { kind: 'pick', pick: pickPair(own.history, choice, reference) };
    },
    { signal: stop.signal },
  );

  if (fatal) {
    const { error } = fatal;
    if (error instanceof MlflowHttpError) {
      return sendError(reply, error.status, error.errorCode, error.message);
    }
    const answered = sendUpstreamFailure(reply, upstream.host, error);
    if (answered) return answered;
    throw error;
  }
  if (stop.signal.aborted) return reply; // nobody left to answer
  const values: MetricAtStepWire[] = [];
  for (const result of settled) {
    if (!result.ok) throw result.error; // only an abort leaves a pair unsettled, handled above
    values.push(answerPair(result.item.runId, result.item.key, result.value));
  }
  const body: MetricsAtStepWire = { values };
  return reply
    .header('cache-control', 'no-store')
    .header('server-timing', `history;dur=${(performance.now() - started).toFixed(1)}`)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body));
}
