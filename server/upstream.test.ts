import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, startStub, type Stub } from './test-stub.ts';
import { createUpstreamClient, UpstreamUnavailableError, type UpstreamClient } from './upstream.ts';

let stub: Stub | undefined;
let client: UpstreamClient | undefined;

afterEach(async () => {
  client?.close();
  client = undefined;
  await stub?.close();
  stub = undefined;
});

const timeouts = { connectTimeoutMs: 200, upstreamTimeoutMs: 300 };

async function failure(promise: Promise<unknown>): Promise<UpstreamUnavailableError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof UpstreamUnavailableError))
    throw new Error(`expected an UpstreamUnavailableError, got ${String(err)}`);
  return err;
}

describe('createUpstreamClient', () => {
  it('prepends the base path of the tracking URI', async () => {
    stub = await startStub();
    client = createUpstreamClient(new URL(`${stub.url}/mlflow`), timeouts);
    const res = await client.request({
      method: 'GET',
      target: '/api/2.0/mlflow/runs/get?run_id=a',
      headers: {},
    });
    res.resume();
    expect(stub.requests[0]?.url).toBe('/mlflow/api/2.0/mlflow/runs/get?run_id=a');
  });

  it('reports a refused connection as never sent, so even a write may be retried', async () => {
    client = createUpstreamClient(new URL(`http://127.0.0.1:${await closedPort()}`), timeouts);
    const err = await failure(
      client.request({ method: 'POST', target: '/x', headers: {}, body: Buffer.from('{}') }),
    );
    expect(err.reason).toBe('connection refused');
    expect(err.neverSent).toBe(true);
    expect(err.timedOut).toBe(false);
  });

  it('gives up connecting after the connect timeout', async () => {
    const stalledLookup = () => {
      // never resolves: the socket stays in its connecting state
    };
    client = createUpstreamClient(new URL('http://mlflow.invalid:5000'), timeouts, stalledLookup);
    const started = Date.now();
    const err = await failure(client.request({ method: 'GET', target: '/x', headers: {} }));
    expect(err.reason).toBe('no connection within 200 ms');
    expect(err.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('aborts a response body that stalls for longer than the upstream timeout', async () => {
    stub = await startStub((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write('first bytes');
      // then nothing, forever
    });
    client = createUpstreamClient(new URL(stub.url), timeouts);
    const res = await client.request({ method: 'GET', target: '/x', headers: {} });
    const started = Date.now();
    const read = (async () => {
      for await (const chunk of res) void chunk;
    })();
    await expect(read).rejects.toThrow(/sent nothing for 300 ms/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe('liveness probe', () => {
  // Connect timeout 200 ms: a call silent for 100 ms asks /health, which has 100 ms to answer.
  const probing = { connectTimeoutMs: 200, upstreamTimeoutMs: 2_000 };

  it('fails a call within the connect timeout when MLflow accepts but answers nothing at all', async () => {
    stub = await startStub(() => {
      // accepts and reads every request, answers none, not even /health
    });
    client = createUpstreamClient(new URL(stub.url), probing);
    const started = Date.now();
    const err = await failure(client.request({ method: 'GET', target: '/x', headers: {} }));
    const took = Date.now() - started;
    expect(err.reason).toBe('it accepted the connection but answered nothing within 200 ms');
    expect(err.timedOut).toBe(true);
    expect(err.neverSent).toBe(false);
    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(1_000);
    expect(stub.requests.map((r) => r.url)).toEqual(['/x', '/health']);
  });

  it('lets a slow call finish when MLflow answers /health (any status)', async () => {
    stub = await startStub((req, res) => {
      if (req.url === '/health') {
        res.writeHead(404).end();
        return;
      }
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('late'), 600);
    });
    client = createUpstreamClient(new URL(stub.url), probing);
    const res = await client.request({ method: 'GET', target: '/slow', headers: {} });
    let body = '';
    for await (const chunk of res) body += String(chunk);
    expect(res.statusCode).toBe(200);
    expect(body).toBe('late');
    expect(stub.requests.map((r) => r.url)).toEqual(['/slow', '/health']);
  });

  it('shares one probe between calls waiting together, and never probes a quick call', async () => {
    stub = await startStub((req, res) => {
      if (req.url === '/quick') res.writeHead(200).end();
      else if (req.url === '/health') res.writeHead(200).end('OK');
      else setTimeout(() => res.writeHead(200).end(), 400);
    });
    const shared = createUpstreamClient(new URL(stub.url), probing);
    client = shared;
    const quick = await shared.request({ method: 'GET', target: '/quick', headers: {} });
    quick.resume();
    const slow = await Promise.all(
      ['/a', '/b', '/c'].map((target) => shared.request({ method: 'GET', target, headers: {} })),
    );
    for (const res of slow) res.resume();
    expect(stub.requests.filter((r) => r.url === '/health')).toHaveLength(1);
  });

  it('never probes for a heavy call, which waits for its answer up to the upstream timeout', async () => {
    stub = await startStub((req, res) => {
      // /health is never answered: a probe would fail the call
      if (req.url === '/page') setTimeout(() => res.writeHead(200).end('page'), 600);
    });
    client = createUpstreamClient(new URL(stub.url), probing);
    const res = await client.request({ method: 'GET', target: '/page', headers: {}, heavy: true });
    res.resume();
    expect(res.statusCode).toBe(200);
    expect(stub.requests.map((r) => r.url)).toEqual(['/page']);
  });

  it('takes a silent probe for no verdict while a heavy call waits for its headers', async () => {
    stub = await startStub((req, res) => {
      // MLflow busy building a heavy answer: /health and the light call wait behind it
      if (req.url === '/page') setTimeout(() => res.writeHead(200).end(), 700);
      if (req.url === '/light') setTimeout(() => res.writeHead(200).end('light'), 500);
    });
    const shared = createUpstreamClient(new URL(stub.url), probing);
    client = shared;
    const page = shared.request({ method: 'GET', target: '/page', headers: {}, heavy: true });
    const light = await shared.request({ method: 'GET', target: '/light', headers: {} });
    light.resume();
    (await page).resume();
    expect(light.statusCode).toBe(200);
    expect(stub.requests.map((r) => r.url)).toEqual(['/page', '/light', '/health']);
  });

  it('fails a silent call again once the heavy call has been answered', async () => {
    stub = await startStub((req, res) => {
      if (req.url === '/page') res.writeHead(200).end();
      // anything else: accepted, never answered (MLflow hung after the page)
    });
    const shared = createUpstreamClient(new URL(stub.url), probing);
    client = shared;
    (await shared.request({ method: 'GET', target: '/page', headers: {}, heavy: true })).resume();
    const err = await failure(shared.request({ method: 'GET', target: '/x', headers: {} }));
    expect(err.reason).toBe('it accepted the connection but answered nothing within 200 ms');
  });

  it('prefixes the probe with the base path of the tracking URI', async () => {
    stub = await startStub((req, res) => {
      if (req.url === '/mlflow/health') res.writeHead(200).end('OK');
      else setTimeout(() => res.writeHead(200).end(), 300);
    });
    client = createUpstreamClient(new URL(`${stub.url}/mlflow`), probing);
    (await client.request({ method: 'GET', target: '/x', headers: {} })).resume();
    expect(stub.requests.map((r) => r.url)).toEqual(['/mlflow/x', '/mlflow/health']);
  });
});

describe('urgent calls', () => {
  // No probing here (connect timeout above the upstream timeout): only the hold is under test.
  const holding = { connectTimeoutMs: 5_000, upstreamTimeoutMs: 4_000, urgentHoldMs: 1_500 };

  /** A stub that answers each path after its delay and notes when each request arrived. */
  async function timedStub(delays: Record<string, number>) {
    const arrived: Record<string, number> = {};
    const answered: Record<string, number> = {};
    const started = performance.now();
    const s = await startStub((req, res) => {
      const url = req.url ?? '';
      arrived[url] = performance.now() - started;
      setTimeout(() => {
        answered[url] = performance.now() - started;
        res.writeHead(200).end(url);
      }, delays[url] ?? 0);
    });
    return { stub: s, arrived, answered };
  }

  it('holds a heavy call until the urgent call waiting before it has its answer', async () => {
    const t = await timedStub({ '/sampled': 400 });
    stub = t.stub;
    const shared = createUpstreamClient(new URL(stub.url), holding);
    client = shared;
    const sampled = shared.request({
      method: 'GET',
      target: '/sampled',
      headers: {},
      urgent: true,
    });
    // Sent once the urgent call is on its way: it waits for headers when the page is asked for.
    await new Promise((r) => setTimeout(r, 50));
    const page = shared.request({ method: 'GET', target: '/page', headers: {}, heavy: true });
    const light = shared.request({ method: 'GET', target: '/light', headers: {} });
    for (const res of await Promise.all([sampled, page, light])) res.resume();
    // The light call is not held: it reached MLflow while the sampled answer was being built.
    expect(t.arrived['/light']).toBeLessThan(t.answered['/sampled'] ?? 0);
    expect(t.arrived['/page']).toBeGreaterThanOrEqual(t.answered['/sampled'] ?? Infinity);
  });

  it('sends a held heavy call anyway once the hold has run out', async () => {
    const t = await timedStub({ '/sampled': 3_000 });
    stub = t.stub;
    const shared = createUpstreamClient(new URL(stub.url), holding);
    client = shared;
    const sampled = shared.request({
      method: 'GET',
      target: '/sampled',
      headers: {},
      urgent: true,
    });
    await new Promise((r) => setTimeout(r, 50));
    const page = await shared.request({ method: 'GET', target: '/page', headers: {}, heavy: true });
    page.resume();
    expect(t.arrived['/page']).toBeGreaterThanOrEqual(1_500);
    expect(t.answered['/sampled']).toBeUndefined();
    (await sampled).resume();
  });

  it('never holds a heavy call when no urgent call is waiting', async () => {
    const t = await timedStub({ '/sampled': 0 });
    stub = t.stub;
    const shared = createUpstreamClient(new URL(stub.url), holding);
    client = shared;
    (
      await shared.request({ method: 'GET', target: '/sampled', headers: {}, urgent: true })
    ).resume();
    const started = performance.now();
    (await shared.request({ method: 'GET', target: '/page', headers: {}, heavy: true })).resume();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('releases held calls when the urgent call fails', async () => {
    stub = await startStub((req, res) => {
      if (req.url === '/sampled') setTimeout(() => res.destroy(), 200);
      else res.writeHead(200).end();
    });
    const shared = createUpstreamClient(new URL(stub.url), holding);
    client = shared;
    const sampled = failure(
      shared.request({ method: 'GET', target: '/sampled', headers: {}, urgent: true }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    (await shared.request({ method: 'GET', target: '/page', headers: {}, heavy: true })).resume();
    await sampled;
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
