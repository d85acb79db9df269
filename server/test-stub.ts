// Test helpers: a stand-in MLflow that records what reached it, and a config pointing at it.
import http from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { buildServer } from './app.ts';
import { loadConfig, type ServerConfig } from './config.ts';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type StubHandler = (req: IncomingMessage, res: ServerResponse, recorded: Recorded) => void;

export interface Stub {
  url: string;
  requests: Recorded[];
  handle(handler: StubHandler): void;
  close(): Promise<void>;
}

const json =
  (status: number, body: unknown): StubHandler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

export const answerJson = json;

/**
 * Hands every request to `next`, holding those whose URL contains `path` for `delayMs` first, and
 * counts how many of those were held at once: for tests of a bound on requests in flight.
 */
export function countingInFlight(path: string, delayMs: number, next: StubHandler) {
  let inFlight = 0;
  let most = 0;
  const handler: StubHandler = (req, res, recorded) => {
    if (!(req.url ?? '').includes(path)) return next(req, res, recorded);
    inFlight++;
    most = Math.max(most, inFlight);
    setTimeout(() => {
      inFlight--;
      next(req, res, recorded);
    }, delayMs);
  };
  return { handler, most: () => most };
}

/** Records every request (body fully read) before handing it to the current handler. */
export async function startStub(handler: StubHandler = json(200, { ok: true })): Promise<Stub> {
  let current = handler;
  const requests: Recorded[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      current(req, res, recorded);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Config for tests: silent, no static files, fast retries; env entries override the defaults. */
export function testConfig(
  env: Record<string, string>,
  overrides: Partial<ServerConfig> = {},
): ServerConfig {
  const config = loadConfig({
    PARALLAX_LOG_LEVEL: 'silent',
    PARALLAX_STATIC_DIR: '/nonexistent/parallax-test-static',
    ...env,
  });
  return {
    ...config,
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, maxTotalDelayMs: 3_000 },
    ...overrides,
  };
}

/**
 * Sends a request line exactly as written: fetch and inject would normalise the target first.
 * `headers` may replace Host (a rebinding page's request names the attacker's host).
 */
export function rawRequest(
  baseUrl: string,
  target: string,
  method = 'GET',
  headers: Record<string, string> = {},
  body = '',
): Promise<{ status: number; body: string }> {
  const { hostname, port, host } = new URL(baseUrl);
  const lines = Object.entries({ host, ...headers, connection: 'close' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`${method} ${target} HTTP/1.1\r\n${lines}\r\n${body}`);
    });
    let data = '';
    socket.on('data', (c: Buffer) => (data += c.toString()));
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
    socket.on('error', reject);
  });
}

/**
 * A fresh stub MLflow before each test and, on demand, a Parallax server in front of it; both are
 * closed after the test. Tests that build their own server assign it to `ctx.app`.
 */
export function useStubbedServer() {
  const ctx: { stub: Stub; app: FastifyInstance | undefined } = {
    stub: undefined as unknown as Stub, // set before each test
    app: undefined,
  };
  beforeEach(async () => {
    ctx.stub = await startStub();
  });
  afterEach(async () => {
    await ctx.app?.close();
    ctx.app = undefined;
    await ctx.stub.close();
  });
  const serverFor = async (env: Record<string, string> = {}): Promise<FastifyInstance> => {
    ctx.app = await buildServer(testConfig({ MLFLOW_TRACKING_URI: ctx.stub.url, ...env }));
    return ctx.app;
  };
  return { ctx, serverFor };
}
