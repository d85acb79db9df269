import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { checkHost, type HostPolicy } from './hosts.ts';
import { sendError } from './http-errors.ts';
import { checkRequestTarget } from './paths.ts';

export function securityHeaders(frameAncestors: string): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    // Artifact HTML previews render in sandboxed iframes fed from blob: URLs.
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A state-changing request a browser sent from another site. Non-browser clients send no Origin
 * and no Sec-Fetch-Site, and pass. `ourHost` is the host checkHost accepted: `Host`, or behind a
 * trusted proxy (Databricks Apps) the X-Forwarded-Host the proxy wrote.
 */
export function isCrossSiteWrite(
  method: string,
  headers: IncomingHttpHeaders,
  ourHost: string,
): boolean {
  if (!MUTATING.has(method)) return false;
  const origin = headers.origin;
  if (origin === undefined) {
    const site = headers['sec-fetch-site'];
    return site === 'cross-site' || site === 'same-site';
  }
  let originHost: string;
  try {
    originHost = normalizeHost(new URL(origin).host);
  } catch {
    return true; // includes the opaque origin "null" from sandboxed frames and file: pages
  }
  if (!originHost) return true;
  return normalizeHost(ourHost) !== originHost;
}

// Scheme-insensitive comparison: drop default ports, which browsers omit from Origin.
function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/:(?:80|443)$/, '');
}

export interface SecurityOptions {
  frameAncestors: string;
  hosts: HostPolicy;
  /** The port the server listens on; undefined before `listen` (requests injected in tests). */
  listeningPort: () => number | undefined;
}

/** Headers on every response, then the checks every request passes before routing. */
export function registerSecurity(app: FastifyInstance, options: SecurityOptions): void {
  const headers = securityHeaders(options.frameAncestors);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(headers);
    // First of all: a request naming a host that is not ours (DNS rebinding) gets nothing at all.
    const host = checkHost(options.hosts, request.headers, options.listeningPort());
    if (!host.ok) return sendError(reply, 403, 'HOST_NOT_ALLOWED', host.message);
    const rejection = checkRequestTarget(request.raw.url ?? '');
    if (rejection) {
      return sendError(reply, rejection.status, rejection.errorCode, rejection.message);
    }
    if (isCrossSiteWrite(request.method, request.headers, host.host)) {
      return sendError(
        reply,
        403,
        'CROSS_ORIGIN_REQUEST_BLOCKED',
        'State-changing requests must come from the Parallax page itself.',
      );
    }
    return undefined;
  });
}
