import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthProvider } from './auth.ts';
import type { RetryConfig } from './config.ts';
import { sendError, sendUpstreamFailure } from './http-errors.ts';
import { sendWithRetries } from './retry.ts';
import type { UpstreamClient } from './upstream.ts';

export interface ArtifactDeps {
  upstream: UpstreamClient;
  auth: AuthProvider;
  retry: RetryConfig;
}

/** Previews stop here (MLflow's own UI uses the same 50 MiB); downloads are never capped. */
export const PREVIEW_CAP_BYTES = 50 * 1024 * 1024;

const RUN_ID = /^[a-zA-Z0-9][\w-]{0,255}$/;
const MAX_ERROR_BODY = 64 * 1024;
// The artifact is user content: even opened directly in a tab, it runs nothing and loads nothing.
const ARTIFACT_CSP = "default-src 'none'; sandbox";
// SVG may style itself, nothing more; the SPA only ever shows it through <img>, where scripts are off anyway.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};
// Shown as text by the SPA (HTML included: it goes into a sandboxed srcdoc, never rendered by type).
const TEXT_EXTENSIONS = new Set([
  'txt', 'log', 'err', 'out', 'csv', 'tsv', 'json', 'jsonl', 'yaml', 'yml', 'md', 'rst', 'html',
  'htm', 'xml', 'py', 'js', 'ts', 'sh', 'ini', 'cfg', 'conf', 'toml', 'properties', 'sql', 'r',
  'ipynb', 'mlmodel', 'mlproject',
]); // prettier-ignore
const TEXT_NAMES = new Set(['mlmodel', 'mlproject', 'requirements.txt', 'conda.yaml']);

/** Why a requested artifact path is refused, or undefined when it is a plain relative path. */
export function checkArtifactPath(path: string): string | undefined {
  if (path === '') return 'path is required.';
  if (path.includes('\0')) return 'path must not contain NUL.';
  if (path.includes('\\')) return 'path must not contain a backslash.';
  if (path.startsWith('/')) return 'path must be relative to the run’s artifact root.';
  if (/^[a-zA-Z][\w+.-]*:/.test(path)) return 'path must not be a URI.';
  if (path.split('/').some((part) => part === '..')) return 'path must not contain "..".';
  return undefined;
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}

/** The only types artifacts are ever sent as: images as themselves, text as plain text, the rest as bytes. */
export function safeContentType(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const ext = extensionOf(path);
  const image = IMAGE_TYPES[ext];
  if (image) return image;
  if (TEXT_EXTENSIONS.has(ext) || TEXT_NAMES.has(name)) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
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

/**
 * One `bytes=` range against a known size. Undefined means "serve it whole" (no header, several
 * ranges, or a syntax we do not read); 'unsatisfiable' is a 416.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const length = Number(to);
    if (length === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return 'unsatisfiable';
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return end < start ? 'unsatisfiable' : { start, end };
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

/** `GET /parallax/api/artifact?run_id=&path=[&download=1][&preview=1]`: one run artifact, streamed. */
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
  const runId = single(query.run_id) ?? '';
  const path = single(query.path) ?? '';
  if (!RUN_ID.test(runId)) {
    return sendError(reply, 400, 'INVALID_PARAMETER_VALUE', 'run_id is missing or malformed.');
  }
  const problem = checkArtifactPath(path);
  if (problem) return sendError(reply, 400, 'INVALID_PARAMETER_VALUE', problem);
  const download = single(query.download) === '1';
  const preview = single(query.preview) === '1';

  const target = `/get-artifact?${new URLSearchParams({ path, run_uuid: runId }).toString()}`;
  const aborted = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) aborted.abort();
  });
  const forwardedToken = single(request.headers['x-forwarded-access-token'])?.trim() || undefined;

  let res: IncomingMessage;
  try {
    res = await sendWithRetries(
      async () => {
        const headers: OutgoingHttpHeaders = { 'user-agent': 'parallax', accept: '*/*' };
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
  if (status >= 400) return relayError(reply, res, status);

  const declared = Number(res.headers['content-length']);
  const size =
    Number.isFinite(declared) && res.headers['content-length'] !== undefined ? declared : undefined;
  if (preview && size !== undefined && size > PREVIEW_CAP_BYTES) {
    res.destroy();
    return reply
      .code(413)
      .type('application/json; charset=utf-8')
      .send({
        error_code: 'ARTIFACT_TOO_LARGE',
        message: `This artifact is ${size} bytes, over the ${PREVIEW_CAP_BYTES}-byte preview limit. Download it instead.`,
        size,
      });
  }

  const type = safeContentType(path);
  reply
    .header('content-type', type)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', type === 'image/svg+xml' ? SVG_CSP : ARTIFACT_CSP)
    .header('content-disposition', contentDisposition(path, download))
    .header('cache-control', 'private, no-cache');
  if (size === undefined) return reply.send(res);
  reply.header('accept-ranges', 'bytes');

  const range = parseRange(single(request.headers.range), size);
  if (range === 'unsatisfiable') {
    res.destroy();
    reply.header('content-range', `bytes */${size}`);
    return sendError(reply, 416, 'INVALID_RANGE', `The range lies outside the ${size}-byte file.`);
  }
  if (range === undefined) return reply.header('content-length', size).send(res);
  const slice = new Slice(range.start, range.end, () => res.destroy());
  res.on('error', (err) => slice.destroy(err));
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', range.end - range.start + 1)
    .send(res.pipe(slice));
}

/** MLflow's error, in MLflow's shape, never its body as whatever type it claimed. */
async function relayError(
  reply: FastifyReply,
  res: IncomingMessage,
  status: number,
): Promise<FastifyReply> {
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
