import net from 'node:net';
import { expect, test } from './support/fixtures';
import { mlflow, uniqueName } from './support/mlflow-api';

/** Sends a request line exactly as written (fetch would normalise `..` and absolute URLs away). */
function rawRequest(baseUrl: string, requestLine: string): Promise<number> {
  const { hostname, port, host } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`${requestLine}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (c: Buffer) => (data += c.toString()));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

test.describe('the Parallax server is not an open proxy', () => {
  test('forwards an allow-listed MLflow path', async ({ request }) => {
    const res = await request.get('/api/2.0/mlflow/experiments/search?max_results=5');
    expect(res.status()).toBe(200);
    expect((await res.json()) as unknown).toHaveProperty('experiments');
  });

  test('refuses a path off the allow-list', async ({ request }) => {
    for (const path of [
      '/api/2.0/preview/scim/v2/Me',
      '/version',
      '/graphql',
      '/static-files/index.html',
    ]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
    }
  });

  test('refuses absolute URLs and dot-dot paths', async ({ baseURL }) => {
    const base = baseURL ?? '';
    expect(
      await rawRequest(base, 'GET http://example.com/api/2.0/mlflow/experiments/search HTTP/1.1'),
    ).toBeGreaterThanOrEqual(400);
    expect(
      await rawRequest(base, 'GET /api/2.0/mlflow/../../version HTTP/1.1'),
    ).toBeGreaterThanOrEqual(400);
    expect(
      await rawRequest(base, 'GET /api/2.0/mlflow/%2e%2e/%2e%2e/version HTTP/1.1'),
    ).toBeGreaterThanOrEqual(400);
    expect(
      await rawRequest(base, 'GET //example.com/api/2.0/mlflow/experiments/search HTTP/1.1'),
    ).toBeGreaterThanOrEqual(400);
  });

  test('refuses a cross-origin POST and creates nothing', async ({ request }) => {
    const name = uniqueName('csrf');
    const res = await request.post('/api/2.0/mlflow/experiments/create', {
      data: { name },
      headers: { Origin: 'http://evil.example' },
    });
    expect(res.status()).toBe(403);
    expect(await mlflow.findExperiment(name)).toBeUndefined();
  });

  test('accepts a same-origin POST', async ({ request, baseURL }) => {
    const name = uniqueName('same-origin');
    const res = await request.post('/api/2.0/mlflow/experiments/create', {
      data: { name },
      headers: { Origin: baseURL ?? '' },
    });
    expect(res.status()).toBe(200);
    expect((await mlflow.findExperiment(name))?.name).toBe(name);
  });

  test('sends security headers and a CSP without inline script', async ({ request }) => {
    const res = await request.get('/experiments');
    expect(res.status()).toBe(200);
    const headers = res.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline' ; script");
    expect(csp).toMatch(/frame-ancestors /);
    expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
  });

  test('reports the backend in /parallax/api/config', async ({ request }) => {
    const res = await request.get('/parallax/api/config');
    expect(res.status()).toBe(200);
    const config = (await res.json()) as Record<string, unknown>;
    expect(config.backend).toBe('oss');
    expect(config.registry).toBe('workspace');
    expect(config.mlflow_version).toBe('3.17.2');
    expect(JSON.stringify(config)).not.toMatch(/token|secret|password/i);
  });
});
