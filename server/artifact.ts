import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { artifactContentType } from '../src/lib/artifact-kind.ts';
import type { AuthProvider } from './auth.ts';
import type { RetryConfig } from './config.ts';
import type { DatabricksArtifacts } from './databricks-artifact.ts';
import { sendError, sendUpstreamFailure } from './http-errors.ts';
import { artifactPathProblem, checkPathParams, decodeToFixedPoint, splitTarget } from './paths.ts';
import { sendWithRetries } from './retry.ts';
import type { UpstreamClient } from './upstream.ts';

export interface ArtifactDeps {
  upstream: UpstreamClient;
  auth: AuthProvider;
  retry: RetryConfig;
  /** On Databricks: run artifacts are read through presigned URLs (server/databricks-artifact.ts). */
  databricks?: DatabricksArtifacts;
}

/** Previews stop here (MLflow's own UI uses the same 50 MiB); downloads are never capped. */
export const PREVIEW_CAP_BYTES = 50 * 1024 * 1024;

const RUN_ID = /^[a-zA-Z0-9][\w-]{0,255}$/;
const VERSION = /^\d{1,20}$/;
// Workspace names are short; a Unity Catalog name is three of them, each up to 255 characters.
const MAX_MODEL_NAME = 1024;
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_ERROR_BODY = 64 * 1024;
// The artifact is user content: even opened directly in a tab, it runs nothing and loads nothing.
const ARTIFACT_CSP = "default-src 'none'; sandbox";
// SVG may style itself, nothing more; the SPA only ever shows it through <img>, where scripts are off anyway.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/**
 * Why a requested artifact path is refused, or undefined when it is a plain relative path. The
 * value (already decoded once) is decoded on to a fixed point and every form is checked, as the
 * proxy checks its `path` parameters (server/paths.ts), so `%252e%252e` is refused here too.
 */
export function checkArtifactPath(path: string): string | undefined {
  if (path === '') return 'path is required.';
  const forms = decodeToFixedPoint(path, { decodedOnce: true });
  if (!forms) return 'path is not valid percent-encoded UTF-8.';
  for (const form of forms) {
    const problem = artifactPathProblem(form);
    if (problem) return `path ${problem}`;
  }
  return undefined;
}

/**
 * The only types artifacts are ever sent as: images as themselves, text as plain text, the rest as
 * bytes. Decided by the kind list the SPA's previewers use (src/lib/artifact-kind.ts), so a file the
 * SPA shows as text always arrives as text.
 */
export function safeContentType(path: string): string {
  return artifactContentType(path);
}

/** A Content-Disposition whose plain `filename` holds only safe ASCII; the exact name goes in `filename*`. */
export function contentDisposition(path: string, download: boolean): string {
  const name = path.slice(path.lastIndexOf('/') + 1) || 'artifact';
  const ascii = name.replace(/[^\w.\- ]/g, '_').slice(0, 200) || 'artifact';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16)}`,
  );
  return `${download ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/** One range as asked for, before the file's size is known: `a-b`, `a-` or the last `suffix` bytes. */
export type RangeSpec = { start: number; end: number | undefined } | { suffix: number };

/**
 * What a request's `Range` header asks for. 'none' (no header, or a unit other than bytes, which
 * RFC 9110 says to ignore) serves the whole file; 'invalid' is a 416 without asking MLflow.
 */
export type RangeRequest =
  { kind: 'none' } | { kind: 'invalid'; reason: string } | { kind: 'range'; spec: RangeSpec };

const RANGE_UNIT = /^([!#$%&'*+.^_`|~\w-]+)\s*=\s*(.*)$/s;
// 15 digits stay well inside Number.MAX_SAFE_INTEGER (no artifact is a petabyte).
const RANGE_BOUNDS = /^(?:(\d{1,15})-(\d{0,15})|-(\d{1,15}))$/;

/** Reads one `bytes=` range; several ranges (multipart answers) are refused, as MLflow does. */
export function readRangeHeader(header: string | undefined): RangeRequest {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const unit = RANGE_UNIT.exec(header.trim());
  if (!unit) return { kind: 'invalid', reason: 'The Range header is malformed.' };
  const [, name = '', set = ''] = unit;
  if (name.toLowerCase() !== 'bytes') return { kind: 'none' };
  const parts = set.split(',').map((part) => part.trim());
  if (parts.length > 1) return { kind: 'invalid', reason: 'Only a single byte range is served.' };
  const bounds = RANGE_BOUNDS.exec(parts[0] ?? '');
  if (!bounds)
    return { kind: 'invalid', reason: `The byte range ${JSON.stringify(set)} is malformed.` };
  const [, from, to, suffix] = bounds;
  if (suffix !== undefined) return { kind: 'range', spec: { suffix: Number(suffix) } };
  const start = Number(from);
  const end = to ? Number(to) : undefined;
  if (end !== undefined && end < start) {
    return {
      kind: 'invalid',
      reason: `The byte range ${JSON.stringify(set)} ends before it starts.`,
    };
  }
  return { kind: 'range', spec: { start, end } };
}

/** The header sent on to MLflow, in the plain form every server reads. */
export function formatRange(spec: RangeSpec): string {
  return 'suffix' in spec ? `bytes=-${spec.suffix}` : `bytes=${spec.start}-${spec.end ?? ''}`;
}

/** A range against a known size (RFC 9110 §14.1.2); 'unsatisfiable' is a 416. */
export function resolveRange(spec: RangeSpec, size: number): ByteRange | 'unsatisfiable' {
  if ('suffix' in spec) {
    if (spec.suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - spec.suffix), end: size - 1 };
  }
  if (spec.start >= size) return 'unsatisfiable';
  return { start: spec.start, end: Math.min(spec.end ?? size - 1, size - 1) };
}

/** `bytes a-b/size` of a 206 (size undefined for `*`), or undefined when it is not one. */
export function parseContentRange(
  value: string | undefined,
): (ByteRange & { size: number | undefined }) | undefined {
  const match = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15}|\*)$/i.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, first = '', last = '', total = ''] = match;
  const start = Number(first);
  const end = Number(last);
  const size = total === '*' ? undefined : Number(total);
  if (end < start || (size !== undefined && end >= size)) return undefined;
  return { start, end, size };
}

/** The whole-file size named by a 416's Content-Range, or undefined. */
function unsatisfiedSize(value: string | undefined): number | undefined {
  const match = /^bytes \*\/(\d{1,15})$/i.exec(value?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Passes on bytes first..last (inclusive) of the stream and ends itself after them. */
class Slice extends Transform {
  private offset = 0;
  constructor(
    private readonly first: number,
    private readonly last: number,
    private readonly onDone: () => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const from = this.offset;
    this.offset += chunk.length;
    if (from > this.last) return done();
    const lo = Math.max(0, this.first - from);
    const hi = Math.min(chunk.length, this.last - from + 1);
    if (hi > lo) this.push(chunk.subarray(lo, hi));
    if (this.offset > this.last) {
      this.push(null);
      // The rest of the file is not needed: stop MLflow sending it.
      this.onDone();
    }
    done();
  }
}

/**
 * Where the artifact is read from in MLflow: a run's file (`run_id`), or a model version's
 * (`name` and `version`, which MLflow resolves to the version's own files, a logged model's or a
 * run's folder); or why the request names neither properly.
 */
export function artifactTarget(
  query: Record<string, string | string[] | undefined>,
  path: string,
): { target: string } | { problem: string } {
  const name = single(query.name);
  const version = single(query.version);
  if (query.run_id === undefined && (name !== undefined || version !== undefined)) {
    if (!name || name.length > MAX_MODEL_NAME || CONTROL.test(name)) {
      return { problem: 'name is missing, too long or holds control characters.' };
    }
    if (!VERSION.test(version ?? '')) return { problem: 'version is missing or malformed.' };
    const params = new URLSearchParams({ name, version: version ?? '', path });
    return { target: `/model-versions/get-artifact?${params.toString()}` };
  }
  const runId = single(query.run_id) ?? '';
  if (!RUN_ID.test(runId)) return { problem: 'run_id is missing or malformed.' };
  return { target: `/get-artifact?${new URLSearchParams({ path, run_uuid: runId }).toString()}` };
}

/**
 * `GET /parallax/api/artifact?run_id=&path=[&download=1][&preview=1][&optional=1]`: one run
 * artifact, streamed; `name=&version=` instead of `run_id` reads a model version's file.
 * `optional=1` is for files that may well not exist (a version's MLmodel): their absence answers
 * 204 rather than 404, which every browser would log as a failed load.
 */
export function registerArtifact(app: FastifyInstance, deps: ArtifactDeps): void {
  app.get('/parallax/api/artifact', { compress: false }, (request, reply) =>
    serveArtifact(request, reply, deps),
  );
}

async function serveArtifact(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ArtifactDeps,
): Promise<FastifyReply> {
  const query = request.query as Record<string, string | string[] | undefined>;
  const path = single(query.path) ?? '';
  const source = artifactTarget(query, path);
  if ('problem' in source) {
    return sendError(reply, 400, 'INVALID_PARAMETER_VALUE', source.problem);
  }
  // The raw query first (overlong UTF-8 is only visible there), then the parsed value.
  const problem =
    checkPathParams(splitTarget(request.raw.url ?? '').query) ?? checkArtifactPath(path);
  if (problem) return sendError(reply, 400, 'INVALID_PARAMETER_VALUE', problem);
  const download = single(query.download) === '1';
  const preview = single(query.preview) === '1';
  const optional = single(query.optional) === '1';
  const asked = readRangeHeader(single(request.headers.range));
  if (asked.kind === 'invalid') return sendError(reply, 416, 'INVALID_RANGE', asked.reason);
  const spec = asked.kind === 'range' ? asked.spec : undefined;

  const { target } = source;
  const aborted = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) aborted.abort();
  });
  const forwardedToken = deps.auth.forwardedToken(request.headers);

  const runId = query.run_id === undefined ? undefined : single(query.run_id);
  if (deps.databricks && runId !== undefined) {
    return serveFromStore(reply, deps.databricks, {
      forwardedToken,
      runId,
      path,
      spec,
      aborted,
      served: { download, preview, optional },
      host: deps.upstream.host,
    });
  }

  let res: IncomingMessage;
  try {
    res = await sendWithRetries(
      async () => {
        const headers: OutgoingHttpHeaders = { 'user-agent': 'parallax', accept: '*/*' };
        // MLflow 3.17.2's /get-artifact honours one range (werkzeug's make_conditional: 206 with
        // Content-Range, 416 for several ranges or one outside the file), for local and proxied
        // stores alike, so a tail preview moves only the tail. Servers that ignore it answer 200;
        // then the stream is sliced here instead (see sendWhole).
        if (spec) headers.range = formatRange(spec);
        const authorization = await deps.auth.authorization(forwardedToken);
        if (authorization) headers.authorization = authorization;
        return deps.upstream.request({ method: 'GET', target, headers, signal: aborted.signal });
      },
      { method: 'GET', policy: deps.retry, canResend: true, signal: aborted.signal },
    );
  } catch (err) {
    const answered = sendUpstreamFailure(reply, deps.upstream.host, err);
    if (answered) return answered;
    if (aborted.signal.aborted) return reply;
    throw err;
  }

  const status = res.statusCode ?? 502;
  if (status === 401 && !forwardedToken) deps.auth.invalidate();
  if (status === 416 && spec) {
    res.destroy();
    return sendUnsatisfiable(reply, unsatisfiedSize(res.headers['content-range']));
  }
  if (status === 404 && optional) {
    res.destroy();
    return reply.code(204).header('cache-control', 'private, no-cache').send();
  }
  if (status >= 400) return relayError(reply, res, status);
  const served: Served = { reply, res, path, download, preview };
  if (status === 206) return sendPartial(served);
  return sendWhole(served, spec);
}

/**
 * A run's artifact on Databricks, through a presigned URL the browser never sees. MLflow's refusal
 * (PERMISSION_DENIED for the signed-in user, a missing run) goes on as MLflow's error; the store's
 * own refusals are described without its URL.
 */
async function serveFromStore(
  reply: FastifyReply,
  databricks: DatabricksArtifacts,
  call: {
    forwardedToken: string | undefined;
    runId: string;
    path: string;
    spec: RangeSpec | undefined;
    aborted: AbortController;
    served: { download: boolean; preview: boolean; optional: boolean };
    host: string;
  },
): Promise<FastifyReply> {
  const { path, spec, served } = call;
  let opened;
  try {
    opened = await databricks.open({
      forwardedToken: call.forwardedToken,
      runId: call.runId,
      path,
      range: spec ? formatRange(spec) : undefined,
      signal: call.aborted.signal,
    });
  } catch (err) {
    const answered = sendUpstreamFailure(reply, call.host, err);
    if (answered) return answered;
    if (call.aborted.signal.aborted) return reply;
    throw err;
  }
  if (opened.kind === 'unreadable') {
    return sendError(
      reply,
      422,
      'ARTIFACT_NOT_READABLE',
      `This run's artifacts are stored outside the workspace, at ${opened.location}: not readable from Parallax. Read them with the storage's own tools.`,
    );
  }
  const { res } = opened;
  const status = res.statusCode ?? 502;
  if (opened.kind === 'refused') return relayError(reply, res, status);
  if (status === 416 && spec) {
    res.destroy();
    return sendUnsatisfiable(reply, unsatisfiedSize(res.headers['content-range']));
  }
  if (status === 404) {
    res.destroy();
    if (served.optional) return reply.code(204).header('cache-control', 'private, no-cache').send();
    return sendError(reply, 404, 'RESOURCE_DOES_NOT_EXIST', `No artifact at ${path}.`);
  }
  if (status >= 400) {
    res.destroy();
    return sendError(
      reply,
      502,
      'ARTIFACT_STORE_ERROR',
      `The artifact store answered HTTP ${status} for ${path}, also with fresh credentials.`,
    );
  }
  const answer: Served = { reply, res, path, download: served.download, preview: served.preview };
  if (status === 206) return sendPartial(answer);
  return sendWhole(answer, spec);
}

interface Served {
  reply: FastifyReply;
  res: IncomingMessage;
  path: string;
  download: boolean;
  preview: boolean;
}

/** MLflow answered the range itself: its part goes on as it came, after a check of its framing. */
function sendPartial({ reply, res, path, download, preview }: Served): FastifyReply {
  const part = parseContentRange(res.headers['content-range']);
  const declared = contentLength(res);
  const length = part ? part.end - part.start + 1 : 0;
  if (!part || (declared !== undefined && declared !== length)) {
    res.destroy();
    return sendError(
      reply,
      502,
      'BAD_UPSTREAM_RESPONSE',
      `MLflow answered 206 with Content-Range ${JSON.stringify(res.headers['content-range'] ?? '')} and Content-Length ${declared ?? 'none'}.`,
    );
  }
  // The cap is about what is read, and only the range is.
  if (preview && length > PREVIEW_CAP_BYTES)
    return sendTooLarge(reply, res, { what: 'range', bytes: length, size: part.size });
  return withArtifactHeaders(reply, path, download)
    .code(206)
    .header('accept-ranges', 'bytes')
    .header('content-range', `bytes ${part.start}-${part.end}/${part.size ?? '*'}`)
    .header('content-length', length)
    .send(res);
}

/** MLflow sent the whole file: served whole, or sliced here when a range was asked for. */
function sendWhole(
  { reply, res, path, download, preview }: Served,
  spec?: RangeSpec,
): FastifyReply {
  const size = contentLength(res);
  // Without a size neither a suffix nor the cap can be worked out: the file goes on whole, which
  // RFC 9110 allows in answer to a Range.
  if (!spec || size === undefined) {
    if (preview && size !== undefined && size > PREVIEW_CAP_BYTES) {
      return sendTooLarge(reply, res, { what: 'artifact', bytes: size, size });
    }
    withArtifactHeaders(reply, path, download);
    if (size === undefined) return reply.send(res);
    return reply.header('accept-ranges', 'bytes').header('content-length', size).send(res);
  }
  const range = resolveRange(spec, size);
  if (range === 'unsatisfiable') {
    res.destroy();
    return sendUnsatisfiable(reply, size);
  }
  // Bytes before the window are read and dropped, and MLflow is cut off after it: what is read is
  // everything up to the window's end, so that is what the cap weighs (a whole tail, a short head).
  if (preview && range.end + 1 > PREVIEW_CAP_BYTES) {
    return sendTooLarge(reply, res, { what: 'artifact', bytes: size, size });
  }
  const slice = new Slice(range.start, range.end, () => res.destroy());
  res.on('error', (err) => slice.destroy(err));
  return withArtifactHeaders(reply, path, download)
    .code(206)
    .header('accept-ranges', 'bytes')
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', range.end - range.start + 1)
    .send(res.pipe(slice));
}

function withArtifactHeaders(reply: FastifyReply, path: string, download: boolean): FastifyReply {
  const type = safeContentType(path);
  return reply
    .header('content-type', type)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', type === 'image/svg+xml' ? SVG_CSP : ARTIFACT_CSP)
    .header('content-disposition', contentDisposition(path, download))
    .header('cache-control', 'private, no-cache');
}

/** 413 for a preview that would read more than the cap; `size` is the whole file's, when known. */
function sendTooLarge(
  reply: FastifyReply,
  res: IncomingMessage,
  read: { what: 'artifact' | 'range'; bytes: number; size: number | undefined },
): FastifyReply {
  res.destroy();
  const advice =
    read.what === 'range' ? 'Ask for a smaller range or download it.' : 'Download it instead.';
  return reply
    .code(413)
    .type('application/json; charset=utf-8')
    .send({
      error_code: 'ARTIFACT_TOO_LARGE',
      message: `This ${read.what} is ${read.bytes} bytes, over the ${PREVIEW_CAP_BYTES}-byte preview limit. ${advice}`,
      size: read.size,
    });
}

function sendUnsatisfiable(reply: FastifyReply, size: number | undefined): FastifyReply {
  if (size === undefined) {
    return sendError(reply, 416, 'INVALID_RANGE', 'The range lies outside the file.');
  }
  reply.header('content-range', `bytes */${size}`);
  return sendError(reply, 416, 'INVALID_RANGE', `The range lies outside the ${size}-byte file.`);
}

function contentLength(res: IncomingMessage): number | undefined {
  const raw = res.headers['content-length'];
  return raw !== undefined && /^\d{1,15}$/.test(raw.trim()) ? Number(raw) : undefined;
}

/**
 * MLflow's error, in MLflow's shape, never its body as whatever type it claimed. Its Retry-After
 * (a 429 or 503 after the server's own retries gave up) goes along, so the browser waits as asked.
 */
export async function relayError(
  reply: FastifyReply,
  res: IncomingMessage,
  status: number,
): Promise<FastifyReply> {
  const retryAfter = res.headers['retry-after'];
  if (retryAfter !== undefined) reply.header('retry-after', retryAfter);
  let text = '';
  res.setEncoding('utf8');
  for await (const chunk of res) {
    text += String(chunk);
    if (text.length > MAX_ERROR_BODY) {
      res.destroy();
      break;
    }
  }
  try {
    const parsed = JSON.parse(text) as { error_code?: unknown; message?: unknown };
    if (typeof parsed.error_code === 'string' && typeof parsed.message === 'string') {
      return sendError(reply, status, parsed.error_code, parsed.message);
    }
  } catch {
    // not MLflow's JSON: the text below is the message
  }
  const code = status === 404 ? 'RESOURCE_DOES_NOT_EXIST' : `HTTP_${status}`;
  return sendError(reply, status, code, text.trim().slice(0, 2000) || `MLflow answered ${status}.`);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
