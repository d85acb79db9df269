import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthProvider } from './auth.ts';
import { takeBody } from './body.ts';
import type { RetryConfig } from './config.ts';
import { sendError, sendUpstreamFailure } from './http-errors.ts';
import { checkProxyTarget, splitTarget } from './paths.ts';
import { sendWithRetries } from './retry.ts';
import type { UpstreamClient } from './upstream.ts';

export interface ProxyDeps {
  upstream: UpstreamClient;
  auth: AuthProvider;
  retry: RetryConfig;
  /** PARALLAX_READ_ONLY: endpoints marked 'write' in server/endpoints.ts are refused. */
  readOnly?: boolean;
}

export const READ_ONLY_MESSAGE =
  'Parallax is read-only (PARALLAX_READ_ONLY=1): changes are turned off.';

// Every path under these prefixes reaches the handler, which answers 404 unless the endpoint
// table (server/endpoints.ts) lists it: the routes are wide so that the refusal is ours.
const ROUTES = ['/api/*', '/ajax-api/*', '/get-artifact', '/model-versions/get-artifact'];
const REQUEST_HEADERS = ['content-type', 'accept', 'accept-encoding', 'x-mlflow-workspace'];
// Deliberately absent: set-cookie (MLflow's session) and www-authenticate (a browser login prompt).
const RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'content-length',
  'content-encoding',
  'retry-after',
  'cache-control',
  'etag',
  'last-modified',
  'vary',
];
// Artifact bytes are user content: if a browser ever navigates to one, it runs nothing.
const ARTIFACT_PATH =
  /^\/(?:get-artifact|model-versions\/get-artifact|api\/2\.0\/mlflow-artifacts\/)/;

/** Forwards the allow-listed MLflow API to the upstream, with our credential instead of the browser's. */
export async function registerProxy(app: FastifyInstance, deps: ProxyDeps): Promise<void> {
  await app.register(async (scope) => {
    // Keep bodies as raw streams: they are forwarded, never parsed.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    for (const url of ROUTES) {
      scope.all(url, (request, reply) => proxy(request, reply, deps));
    }
  });
}

async function proxy(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ProxyDeps,
): Promise<FastifyReply> {
  const { method } = request;
  const target = request.raw.url ?? '/';
  const checked = checkProxyTarget(method, target);
  if ('rejection' in checked) {
    const { rejection } = checked;
    return sendError(reply, rejection.status, rejection.errorCode, rejection.message);
  }
  // Refused before a byte goes upstream; reads (runs/search is a POST) stay allowed.
  if (deps.readOnly && checked.endpoint.access === 'write') {
    return sendError(reply, 403, 'READ_ONLY', READ_ONLY_MESSAGE);
  }
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding !== 'identity') {
    return sendError(reply, 415, 'BAD_REQUEST', 'Compressed request bodies are not forwarded.');
  }

  const body = await readBody(request);
  const aborted = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) aborted.abort();
  });
  const forwardedToken = deps.auth.forwardedToken(request.headers);

  let res: IncomingMessage;
  try {
    res = await sendWithRetries(
      async () =>
        deps.upstream.request({
          method,
          target,
          headers: await upstreamHeaders(request.headers, body, deps.auth, forwardedToken),
          body,
          signal: aborted.signal,
          urgent: isFirstPaint(splitTarget(target).path),
        }),
      {
        method,
        read: checked.endpoint.access === 'read',
        policy: deps.retry,
        canResend: !isStream(body),
        signal: aborted.signal,
      },
    );
  } catch (err) {
    const answered = sendUpstreamFailure(reply, deps.upstream.host, err);
    if (answered) return answered;
    if (aborted.signal.aborted) return reply; // the browser left; nobody to answer
    throw err;
  }

  if (res.statusCode === 401 && !forwardedToken) deps.auth.invalidate();
  return relay(reply, res, splitTarget(target).path);
}

/**
 * MLflow's sampled metrics, what a chart's first line waits on: sent as urgent, so history pages
 * (heavy) are not sent while it waits for MLflow (see UpstreamRequest.urgent).
 */
function isFirstPaint(path: string): boolean {
  return path.endsWith('/mlflow/metrics/get-history-bulk-interval');
}

async function readBody(request: FastifyRequest): Promise<Buffer | Readable | undefined> {
  // The catch-all content-type parser hands the raw stream over as the body.
  const stream = request.body as Readable | undefined;
  if (request.method === 'GET' || stream === undefined) return undefined;
  const declared = Number(request.headers['content-length']);
  return takeBody(stream, Number.isFinite(declared) ? declared : undefined);
}

async function upstreamHeaders(
  incoming: IncomingHttpHeaders,
  body: Buffer | Readable | undefined,
  auth: AuthProvider,
  forwardedToken: string | undefined,
): Promise<OutgoingHttpHeaders> {
  // Built from nothing: Origin, Referer, Cookie, Authorization and X-Forwarded-* never pass.
  const headers: OutgoingHttpHeaders = { 'user-agent': 'parallax' };
  for (const name of REQUEST_HEADERS) {
    const value = incoming[name];
    if (value !== undefined) headers[name] = value;
  }
  if (Buffer.isBuffer(body)) headers['content-length'] = body.length;
  else if (body !== undefined && incoming['content-length'] !== undefined) {
    headers['content-length'] = incoming['content-length'];
  }
  const authorization = await auth.authorization(forwardedToken);
  if (authorization) headers.authorization = authorization;
  return headers;
}

function relay(reply: FastifyReply, res: IncomingMessage, path: string): FastifyReply {
  reply.code(res.statusCode ?? 502);
  for (const name of RESPONSE_HEADERS) {
    const value = res.headers[name];
    if (value !== undefined) reply.header(name, value);
  }
  if (ARTIFACT_PATH.test(path)) {
    reply.header('content-security-policy', "default-src 'none'; sandbox");
  }
  const status = res.statusCode ?? 0;
  if (status === 204 || status === 304) {
    res.resume();
    return reply.send();
  }
  // Without a type the compressor would assume JSON; unknown bytes are sent as they are.
  if (res.headers['content-type'] === undefined) {
    reply.header('content-type', 'application/octet-stream');
  }
  return reply.send(res);
}

function isStream(body: Buffer | Readable | undefined): boolean {
  return body !== undefined && !Buffer.isBuffer(body);
}
