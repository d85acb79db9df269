import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import type { TransportFailure } from '../src/lib/retry-policy.ts';

/** MLflow could not be reached or did not answer in time; the proxy turns this into a 502. */
export class UpstreamUnavailableError extends Error implements TransportFailure {
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
  /**
   * A call MLflow needs seconds to answer even when healthy: it writes no header until the whole
   * answer is built (a 25,000-point history page is ~1 s of Python alone, several seconds with a
   * few in flight). Such a call never asks `/health` and waits the full upstream timeout; see
   * the liveness comment below for what it does to other calls' probes.
   */
  heavy?: boolean;
  /**
   * A call a chart waits on to draw its first line (MLflow's sampled metrics). Heavy calls are not
   * sent while one waits for its headers, for up to URGENT_HOLD_MS: on MLflow's few GIL-bound
   * workers a sampled answer sharing a worker with a history page takes twice as long or more.
   */
  urgent?: boolean;
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
  /** How long a heavy call is held for urgent ones (URGENT_HOLD_MS unless a test says otherwise). */
  urgentHoldMs?: number;
}

/**
 * MLflow that accepts connections but answers nothing (a hung worker pool, a stopped process
 * behind a load balancer) would otherwise hold every call for the whole upstream timeout (30 s by
 * default), which must stay long: a large search or an artifact fetched from cloud storage may
 * legitimately take that long before its headers. So instead of a shorter deadline on the call,
 * a call still waiting for its headers after half the connect timeout asks MLflow's cheap
 * `/health` whether it is alive, and gives it the other half to answer. Any HTTP answer (even a
 * 404 from a backend without `/health`) or any other call answered meanwhile proves MLflow alive,
 * and the call keeps waiting; silence fails the call as "unavailable" within the connect timeout,
 * which is as long as Parallax ever waits to hear from MLflow at all. Concurrent calls share one
 * probe, and calls answered quickly never probe.
 *
 * Heavy calls (see UpstreamRequest.heavy) change that: MLflow's workers build answers in Python
 * under one GIL, and while a few history pages are being encoded even `/health` may wait
 * seconds for its turn. A busy MLflow must not look dead, so heavy calls never probe, and while
 * one still waits for its headers a silent probe is no verdict (the caller keeps waiting, bounded
 * by the upstream timeout). The price: MLflow hung while a heavy call is in flight is found out
 * by the upstream timeout, not by the probe.
 */
const LIVENESS_PATH = '/health';

/**
 * How long a heavy call waits for urgent ones to be answered before it goes anyway: a sampled
 * answer takes MLflow a few seconds at most, and under a steady stream of urgent calls the
 * histories must still be read.
 */
export const URGENT_HOLD_MS = 5_000;

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
  const probeAfterMs = Math.floor(timeouts.connectTimeoutMs / 2);
  const probeTimeoutMs = timeouts.connectTimeoutMs - probeAfterMs;
  // When MLflow last sent response headers, to any call: proof of life the probe can use.
  let lastAnswerAt = 0;
  // Heavy calls sent and still waiting for their headers: they explain a silent MLflow.
  let heavyWaiting = 0;
  // Urgent calls sent and still waiting for their headers, and the heavy calls held back for them.
  let urgentWaiting = 0;
  let held: (() => void)[] = [];
  const urgentDone = () => {
    if (--urgentWaiting > 0) return;
    const release = held;
    held = [];
    for (const go of release) go();
  };
  /** Resolves once no urgent call waits for its headers, or after URGENT_HOLD_MS. */
  const urgentClear = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        held = held.filter((go) => go !== release);
        resolve();
      }, timeouts.urgentHoldMs ?? URGENT_HOLD_MS);
      const release = () => {
        clearTimeout(timer);
        resolve();
      };
      held.push(release);
    });
  let probe: Promise<boolean> | undefined;

  /** Resolves true once MLflow answers anything, false after `probeTimeoutMs` of silence. */
  const probeLiveness = (): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      const startedAt = performance.now();
      let settled = false;
      const settle = (alive: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(alive);
      };
      const timer = setTimeout(() => {
        settle(lastAnswerAt >= startedAt || heavyWaiting > 0);
        outgoing.destroy();
      }, probeTimeoutMs);
      const outgoing = send({
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        method: 'GET',
        path: basePath + LIVENESS_PATH,
        headers: { 'user-agent': 'parallax', accept: '*/*' },
        agent,
        ...(lookup ? { lookup } : {}),
      });
      outgoing.on('response', (res) => {
        res.resume();
        lastAnswerAt = performance.now();
        settle(true);
      });
      // Refused or reset: not a proof of life, unless another call was answered meanwhile.
      outgoing.on('error', () => settle(lastAnswerAt >= startedAt));
      outgoing.end();
    });
  const alive = (): Promise<boolean> => {
    // An answer to anything (a probe included) within the last probeAfterMs is proof enough: calls
    // sent together but connected a few ms apart then share one probe instead of each starting one.
    if (performance.now() - lastAnswerAt < probeAfterMs) return Promise.resolve(true);
    probe ??= probeLiveness().finally(() => {
      probe = undefined;
    });
    return probe;
  };

  function sendNow(req: UpstreamRequest): Promise<IncomingMessage> {
    return new Promise<IncomingMessage>((resolve, reject) => {
      let connectTimer: NodeJS.Timeout | undefined;
      let headerTimer: NodeJS.Timeout | undefined;
      let livenessTimer: NodeJS.Timeout | undefined;
      let answered = false;
      let heavyCounted = false;
      let urgentCounted = req.urgent === true;
      if (urgentCounted) urgentWaiting++;
      const clearTimers = () => {
        clearTimeout(connectTimer);
        clearTimeout(headerTimer);
        clearTimeout(livenessTimer);
        if (heavyCounted) heavyWaiting--;
        heavyCounted = false;
        if (urgentCounted) urgentDone();
        urgentCounted = false;
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
        if (req.heavy) {
          heavyWaiting++;
          heavyCounted = true;
          return;
        }
        // Only worth asking when the probe would answer before the header timeout does.
        if (timeouts.connectTimeoutMs >= timeouts.upstreamTimeoutMs) return;
        livenessTimer = setTimeout(() => {
          void alive().then((isAlive) => {
            if (isAlive || answered || outgoing.destroyed) return;
            const reason = `it accepted the connection but answered nothing within ${timeouts.connectTimeoutMs} ms`;
            outgoing.destroy(new UpstreamUnavailableError(reason, false, true));
          });
        }, probeAfterMs);
      });
      outgoing.on('response', (res) => {
        answered = true;
        lastAnswerAt = performance.now();
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
    });
  }

  return {
    host: base.host,
    close: () => agent.destroy(),
    request: (req) =>
      req.heavy && urgentWaiting > 0 ? urgentClear().then(() => sendNow(req)) : sendNow(req),
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
