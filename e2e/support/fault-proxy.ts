// A fault-injecting proxy in front of the real mlflow server: the e2e suite's way to show MLflow
// down, slow, rate-limited, failing or cutting answers off. It never answers for MLflow; it only
// forwards or breaks. It also counts the requests that reach it, so a test can check how many
// calls one failing page load really cost MLflow.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Which requests a fault applies to; the others pass untouched (so the page itself still loads). */
interface Match {
  /** A regular expression (source) tested against the request's path and query. */
  path?: string;
  /** Only this method (GET, POST…). */
  method?: string;
}

export type FaultMode =
  | { kind: 'pass' }
  | { kind: 'down' } // the listener is closed: connections are refused, as with a stopped server
  | ({
      kind: 'status';
      status: number;
      retryAfter?: number | string;
      times?: number;
      // What to answer instead of an INJECTED_FAULT JSON error: e.g. the HTML 404 page an MLflow
      // without that route (2.x for logged models) answers.
      body?: string;
      contentType?: string;
    } & Match)
  | ({ kind: 'delay'; ms: number } & Match)
  // Forwards, sends MLflow's status and headers at once, then its body in pieces spread over `ms`
  // (a slow link or a huge page): no pause is long enough to look like a stalled answer.
  | ({ kind: 'slow'; ms: number } & Match)
  // Forwards, sends MLflow's status, headers and the first `afterBytes` bytes of its body, then
  // destroys the socket: a connection reset mid-body.
  | ({ kind: 'reset'; afterBytes: number; times?: number } & Match);

export interface FaultProxy {
  url: string;
  controlUrl: string;
  close: () => Promise<void>;
}

export interface SeenRequest {
  method: string;
  url: string;
}

/** Sends the request on to MLflow and hands its answer to `onAnswer`; a failure drops the socket. */
function toMlflow(
  target: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  onAnswer: (up: http.IncomingMessage) => void,
): void {
  const upstream = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      onAnswer(up);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

function forward(
  target: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  resetAfter?: number,
): void {
  toMlflow(target, req, res, (up) => {
    if (resetAfter === undefined) {
      up.pipe(res);
      return;
    }
    let sent = 0;
    up.on('data', (chunk: Buffer) => {
      if (sent >= resetAfter) return;
      const part = chunk.subarray(0, resetAfter - sent);
      sent += part.length;
      res.write(part);
      if (sent >= resetAfter) {
        up.destroy();
        // Close our side first (FIN after the bytes sent), then reset: a reset at once may make
        // the peer's kernel drop the status line it has not read yet, which is not mid-body.
        const socket = res.socket;
        socket?.end();
        setTimeout(() => socket?.destroy(), 1_000);
      }
    });
    up.on('end', () => res.destroy());
  });
}

/** A piece of the body every this many ms while a `slow` answer trickles. */
const SLOW_TICK_MS = 250;

function forwardSlowly(
  target: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ms: number,
): void {
  toMlflow(target, req, res, (up) => {
    const chunks: Buffer[] = [];
    up.on('data', (c: Buffer) => chunks.push(c));
    up.on('end', () => {
      const body = Buffer.concat(chunks);
      const size = Math.ceil(body.length / Math.max(1, Math.ceil(ms / SLOW_TICK_MS)));
      let at = 0;
      const next = () => {
        if (res.destroyed) return;
        if (at >= body.length) {
          res.end();
          return;
        }
        res.write(body.subarray(at, at + size));
        at += size;
        setTimeout(next, SLOW_TICK_MS);
      };
      next();
    });
  });
}

function matches(mode: Match, req: http.IncomingMessage): boolean {
  if (mode.method !== undefined && mode.method.toUpperCase() !== req.method) return false;
  if (mode.path !== undefined && !new RegExp(mode.path).test(req.url ?? '')) return false;
  return true;
}

/** A lease on the proxy, so specs in different worker processes never fault each other's pages. */
function createLock(leaseMs: number) {
  let holder: string | undefined;
  let expiry: NodeJS.Timeout | undefined;
  const waiting: { token: string; grant: () => void }[] = [];
  const grantNext = () => {
    const next = waiting.shift();
    holder = next?.token;
    clearTimeout(expiry);
    if (!next) return;
    // A worker that died holding the lease must not block the rest of the suite.
    expiry = setTimeout(() => release(next.token), leaseMs);
    next.grant();
  };
  const release = (token: string) => {
    if (holder !== token) return;
    grantNext();
  };
  const acquire = (token: string) =>
    new Promise<void>((grant) => {
      waiting.push({ token, grant });
      if (holder === undefined) grantNext();
    });
  return { acquire, release };
}

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  const target = new URL(upstreamUrl);
  let mode: FaultMode = { kind: 'pass' };
  let seen: SeenRequest[] = [];
  const lock = createLock(120_000);

  const proxy = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '' });
    const m = mode;
    if (m.kind === 'pass' || m.kind === 'down' || !matches(m, req)) {
      forward(target, req, res);
      return;
    }
    if (m.kind === 'status') {
      if (m.times !== undefined && (m.times -= 1) <= 0) mode = { kind: 'pass' };
      const headers: Record<string, string> = {
        'content-type': m.contentType ?? 'application/json',
      };
      if (m.retryAfter !== undefined) headers['retry-after'] = String(m.retryAfter);
      res.writeHead(m.status, headers);
      res.end(
        m.body ??
          JSON.stringify({ error_code: 'INJECTED_FAULT', message: `injected HTTP ${m.status}` }),
      );
      return;
    }
    if (m.kind === 'delay') {
      setTimeout(() => forward(target, req, res), m.ms);
      return;
    }
    if (m.kind === 'slow') {
      forwardSlowly(target, req, res, m.ms);
      return;
    }
    if (m.times !== undefined && (m.times -= 1) <= 0) mode = { kind: 'pass' };
    forward(target, req, res, m.afterBytes);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;

  const setMode = async (next: FaultMode) => {
    const wasDown = mode.kind === 'down';
    mode = next;
    if (next.kind === 'down' && !wasDown) {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    } else if (next.kind !== 'down' && wasDown) {
      await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    }
  };

  // Tests run in worker processes, so the proxy is driven over HTTP on a port of its own:
  // POST / sets the mode, GET /requests lists what reached the proxy, DELETE /requests forgets it,
  // POST /lock?token=… waits for the lease and POST /unlock?token=… gives it back.
  const control = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://control');
      const token = url.searchParams.get('token') ?? '';
      if (url.pathname === '/requests' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(seen));
      } else if (url.pathname === '/requests' && req.method === 'DELETE') {
        seen = [];
        res.writeHead(204).end();
      } else if (url.pathname === '/lock') {
        void lock.acquire(token).then(() => res.writeHead(204).end());
      } else if (url.pathname === '/unlock') {
        lock.release(token);
        res.writeHead(204).end();
      } else {
        setMode(JSON.parse(body || '{"kind":"pass"}') as FaultMode).then(
          () => res.writeHead(204).end(),
          (e: unknown) => res.writeHead(500).end(String(e)),
        );
      }
    });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${port}`,
    controlUrl: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    close: async () => {
      proxy.closeAllConnections();
      control.closeAllConnections();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => control.close(r))]);
    },
  };
}

/** Switches the proxy's behaviour from a test. */
export async function setFault(controlUrl: string, mode: FaultMode): Promise<void> {
  const res = await fetch(controlUrl, { method: 'POST', body: JSON.stringify(mode) });
  if (!res.ok) throw new Error(`fault proxy control failed: ${res.status}`);
}

/** Every request that reached the proxy (so, MLflow's side of Parallax) since the last reset. */
export async function seenRequests(controlUrl: string): Promise<SeenRequest[]> {
  const res = await fetch(new URL('/requests', controlUrl));
  if (!res.ok) throw new Error(`fault proxy control failed: ${res.status}`);
  return (await res.json()) as SeenRequest[];
}

export async function forgetRequests(controlUrl: string): Promise<void> {
  const res = await fetch(new URL('/requests', controlUrl), { method: 'DELETE' });
  if (!res.ok) throw new Error(`fault proxy control failed: ${res.status}`);
}

/** Waits for the proxy's lease (held by one test at a time, across worker processes). */
export async function lockFaultProxy(controlUrl: string, token: string): Promise<void> {
  const url = new URL('/lock', controlUrl);
  url.searchParams.set('token', token);
  const res = await fetch(url, { method: 'POST' });
  if (!res.ok) throw new Error(`fault proxy lock failed: ${res.status}`);
}

export async function unlockFaultProxy(controlUrl: string, token: string): Promise<void> {
  const url = new URL('/unlock', controlUrl);
  url.searchParams.set('token', token);
  await fetch(url, { method: 'POST' });
}
