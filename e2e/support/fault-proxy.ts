// A fault-injecting proxy in front of the real mlflow server: the e2e suite's way to show MLflow
// down, slow, rate-limited or failing. It never answers for MLflow; it only forwards or breaks.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode =
  | { kind: 'pass' }
  | { kind: 'down' } // the listener is closed: connections are refused, as with a stopped server
  | { kind: 'status'; status: number; retryAfter?: number; times?: number }
  | { kind: 'delay'; ms: number };

export interface FaultProxy {
  url: string;
  controlUrl: string;
  close: () => Promise<void>;
}

function forward(target: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
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
      up.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  const target = new URL(upstreamUrl);
  let mode: FaultMode = { kind: 'pass' };

  const proxy = http.createServer((req, res) => {
    const m = mode;
    if (m.kind === 'status') {
      if (m.times !== undefined && (m.times -= 1) <= 0) mode = { kind: 'pass' };
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (m.retryAfter !== undefined) headers['retry-after'] = String(m.retryAfter);
      res.writeHead(m.status, headers);
      res.end(
        JSON.stringify({ error_code: 'INJECTED_FAULT', message: `injected HTTP ${m.status}` }),
      );
      return;
    }
    if (m.kind === 'delay') {
      setTimeout(() => forward(target, req, res), m.ms);
      return;
    }
    forward(target, req, res);
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

  // Tests run in worker processes, so the mode is set over HTTP on a port of its own.
  const control = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      setMode(JSON.parse(body || '{"kind":"pass"}') as FaultMode).then(
        () => res.writeHead(204).end(),
        (e: unknown) => res.writeHead(500).end(String(e)),
      );
    });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${port}`,
    controlUrl: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    close: async () => {
      proxy.closeAllConnections();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => control.close(r))]);
    },
  };
}

/** Switches the proxy's behaviour from a test. */
export async function setFault(controlUrl: string, mode: FaultMode): Promise<void> {
  const res = await fetch(controlUrl, { method: 'POST', body: JSON.stringify(mode) });
  if (!res.ok) throw new Error(`fault proxy control failed: ${res.status}`);
}
