import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthProvider } from './auth.ts';
import { takeBody } from './body.ts';
import type { RetryConfig } from './config.ts';
import { sendError, sendUpstreamFailure } from './http-errors.ts';
import { checkProxyTarget, splitTarget } from './paths.ts';
import { sendWithRetries } from './retry.ts';
import {
  isUcRejection,
  isWorkspaceRegistryPath,
  mapToUnityCatalog,
  type UcRejection,
} from './uc-registry.ts';
import type { UpstreamClient } from './upstream.ts';

export interface ProxyDeps {
  upstream: UpstreamClient;
  auth: AuthProvider;
  retry: RetryConfig;
  /** PARALLAX_READ_ONLY: endpoints marked 'write' in server/endpoints.ts are refused. */
  readOnly?: boolean;
  /**
   * Whether the backend's registry, for this credential, is Unity Catalog: registry calls are then
   * mapped to its endpoints (server/uc-registry.ts). Absent on open-source MLflow.
   */
  unityCatalog?: ((forwardedToken: string | undefined) => Promise<boolean>) | undefined;
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

  let body = await readBody(request);
  const forwardedToken = deps.auth.forwardedToken(request.headers);
  let outgoing: Outgoing = { method, target, json: false };
  // The allow-listed (canonical, decoded) path: what MLflow would route this request to.
  if (deps.unityCatalog && isWorkspaceRegistryPath(checked.endpoint.path)) {
    let isUc: boolean;
    try {
      isUc = await deps.unityCatalog(forwardedToken);
    } catch (err) {
      const answered = sendUpstreamFailure(reply, deps.upstream.host, err);
      if (answered) return answered;
      throw err;
    }
    if (isUc) {
      const mapped = toUnityCatalog(method, checked.endpoint.path, target, body);
      if ('error_code' in mapped) {
        return sendError(reply, mapped.status, mapped.error_code, mapped.message);
      }
      ({ outgoing, body } = mapped);
    }
  }
  const aborted = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) aborted.abort();
  });

  let res: IncomingMessage;
  try {
    res = await sendWithRetries(
      async () =>
        deps.upstream.request({
          method: outgoing.method,
          target: outgoing.target,
          headers: {
            ...(await upstreamHeaders(request.headers, body, deps.auth, forwardedToken)),
            // A mapped body is JSON we wrote, whatever the browser's request said.
            ...(outgoing.json ? { 'content-type': 'application/json' } : {}),
          },
          body,
          signal: aborted.signal,
          urgent: isFirstPaint(splitTarget(target).path),
        }),
      {
        method: outgoing.method,
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

interface Outgoing {
  method: string;
  target: string;
  /** The body is JSON Parallax wrote (a mapped call), whatever the browser's content type said. */
  json: boolean;
}

/** A workspace-registry call as its Unity Catalog twin (server/uc-registry.ts), or the refusal. */
function toUnityCatalog(
  method: string,
  path: string,
  target: string,
  body: Buffer | Readable | undefined,
): { outgoing: Outgoing; body: Buffer | undefined } | UcRejection {
  // Registry bodies are a few fields; one too large to hold in memory is no registry call.
  if (body !== undefined && !Buffer.isBuffer(body)) {
    return {
      status: 400,
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'The request body is too large for a registry call.',
    };
  }
  const query = splitTarget(target).query;
  const mapped = mapToUnityCatalog({ method, path, query, body: body?.toString('utf8') });
  // No mapping: forwarded as it came (isWorkspaceRegistryPath makes this unreachable today).
  if (mapped === undefined) return { outgoing: { method, target, json: false }, body };
  if (isUcRejection(mapped)) return mapped;
  return {
    outgoing: {
      method: mapped.method,
      target: mapped.query ? `${mapped.path}?${mapped.query}` : mapped.path,
      json: mapped.body !== undefined,
    },
    body: mapped.body === undefined ? undefined : Buffer.from(mapped.body, 'utf8'),
  };
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
