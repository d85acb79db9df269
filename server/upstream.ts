import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';

/** MLflow could not be reached or did not answer in time; the proxy turns this into a 502. */
export class UpstreamUnavailableError extends Error {
  constructor(
    readonly reason: string,
    /** True when the request certainly never reached MLflow, so sending it again is harmless. */
    readonly neverSent: boolean,
    /** Timeouts are not retried: a retry would multiply an already long wait. */
    readonly timedOut: boolean,
  ) {
    super(reason);
    this.name = 'UpstreamUnavailableError';
  }
}

export interface UpstreamRequest {
  method: string;
  /** Path and query as the browser sent them (already checked); the upstream's base path is prepended. */
  target: string;
  headers: OutgoingHttpHeaders;
  body?: Buffer | Readable;
  signal?: AbortSignal;
}

export interface UpstreamClient {
  /** `host[:port]` of MLflow, for messages; never carries credentials. */
  readonly host: string;
  /** Resolves once MLflow has sent the status line and headers; the body streams afterwards. */
  request(req: UpstreamRequest): Promise<IncomingMessage>;
  close(): void;
}

export interface UpstreamTimeouts {
  connectTimeoutMs: number;
  /** Also bounds a pause in a streamed response body. */
  upstreamTimeoutMs: number;
}

// uvicorn closes idle keep-alive connections after 5 s; dropping ours first avoids reusing a dead socket.
const FREE_SOCKET_TIMEOUT_MS = 4_000;

export function createUpstreamClient(
  base: URL,
  timeouts: UpstreamTimeouts,
  // Tests stall name resolution with it to hold a connection attempt open.
  lookup?: LookupFunction,
): UpstreamClient {
  const secure = base.protocol === 'https:';
  const agentOptions = { keepAlive: true, timeout: FREE_SOCKET_TIMEOUT_MS, maxFreeSockets: 32 };
  const agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  const send = secure ? https.request : http.request;
  const basePath = base.pathname === '/' ? '' : base.pathname;

  return {
    host: base.host,
    close: () => agent.destroy(),
    request: (req) =>
      new Promise<IncomingMessage>((resolve, reject) => {
        let connectTimer: NodeJS.Timeout | undefined;
        let headerTimer: NodeJS.Timeout | undefined;
        let answered = false;
        const clearTimers = () => {
          clearTimeout(connectTimer);
          clearTimeout(headerTimer);
        };
        const outgoing = send({
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port,
          method: req.method,
          path: basePath + req.target,
          headers: req.headers,
          agent,
          signal: req.signal,
          ...(lookup ? { lookup } : {}),
        });

        outgoing.on('socket', (socket) => {
          if (!socket.connecting) return;
          connectTimer = setTimeout(() => {
            const reason = `no connection within ${timeouts.connectTimeoutMs} ms`;
            outgoing.destroy(new UpstreamUnavailableError(reason, true, true));
          }, timeouts.connectTimeoutMs);
          socket.once('connect', () => clearTimeout(connectTimer));
        });
        // The header clock starts once the request is fully sent: a slow upload is not MLflow's delay.
        outgoing.on('finish', () => {
          if (answered) return;
          headerTimer = setTimeout(() => {
            const reason = `no response within ${timeouts.upstreamTimeoutMs} ms`;
            outgoing.destroy(new UpstreamUnavailableError(reason, false, true));
          }, timeouts.upstreamTimeoutMs);
        });
        outgoing.on('response', (res) => {
          answered = true;
          clearTimers();
          res.setTimeout(timeouts.upstreamTimeoutMs, () => {
            res.destroy(new Error(`MLflow sent nothing for ${timeouts.upstreamTimeoutMs} ms`));
          });
          resolve(res);
        });
        outgoing.on('error', (err) => {
          clearTimers();
          reject(classify(err, outgoing.reusedSocket));
        });

        if (req.body === undefined || Buffer.isBuffer(req.body)) {
          outgoing.end(req.body);
        } else {
          // Errors surface through `outgoing`'s own 'error' event; pipeline only wires teardown.
          pipeline(req.body, outgoing, () => {});
        }
      }),
  };
}

function classify(err: Error, reusedSocket: boolean): Error {
  if (err instanceof UpstreamUnavailableError || err.name === 'AbortError') return err;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return new UpstreamUnavailableError('connection refused', true, false);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UpstreamUnavailableError('host name not found', true, false);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new UpstreamUnavailableError('host unreachable', true, false);
    case 'ETIMEDOUT':
      return new UpstreamUnavailableError('connection timed out', true, true);
    case 'ECONNRESET':
    case 'EPIPE':
      // A kept-alive socket the server had just closed: the request was never processed.
      return new UpstreamUnavailableError('connection reset', reusedSocket, false);
    default:
      return new UpstreamUnavailableError(
        code ? `${code}: ${err.message}` : err.message,
        false,
        false,
      );
  }
}
