// The server as a gate, against real MLflow servers: what an attacker gets through Parallax, checked
// on MLflow's side. Requests a browser cannot send (a foreign Host) go over a raw socket.
import net from 'node:net';
import { request as apiRequest } from '@playwright/test';
import { ENDPOINTS } from '../server/endpoints';
import { expect, test } from './support/fixtures';
import { mlflow, uniqueName } from './support/mlflow-api';

function env(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the suite through playwright (global setup)`);
  return value;
}

/** One HTTP/1.1 exchange exactly as written, Host included. */
function rawHttp(
  baseUrl: string,
  head: string,
  body = '',
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    let data = '';
    socket.on('data', (c: Buffer) => (data += c.toString()));
    socket.on('end', () =>
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0),
        body: data.slice(data.indexOf('\r\n\r\n') + 4),
      }),
    );
    socket.on('error', reject);
  });
}

test.describe('DNS rebinding', () => {
  test('a foreign Host with a matching Origin creates nothing', async () => {
    const base = env('E2E_PARALLAX_URL');
    const { port, host } = new URL(base);
    const name = uniqueName('rebinding');
    const body = JSON.stringify({ name });
    const rebound = await rawHttp(
      base,
      [
        'POST /api/2.0/mlflow/experiments/create HTTP/1.1',
        `Host: evil.example:${port}`,
        `Origin: http://evil.example:${port}`,
        'Content-Type: application/json',
      ].join('\r\n'),
      body,
    );
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ error_code: 'HOST_NOT_ALLOWED' });
    expect(await mlflow.findExperiment(name)).toBeUndefined();

    // The same request naming Parallax's own host goes through: the refusal was about the host.
    const own = await rawHttp(
      base,
      [
        'POST /api/2.0/mlflow/experiments/create HTTP/1.1',
        `Host: ${host}`,
        `Origin: http://${host}`,
        'Content-Type: application/json',
      ].join('\r\n'),
      body,
    );
    expect(own.status).toBe(200);
    expect((await mlflow.findExperiment(name))?.name).toBe(name);
  });

  test('a foreign Host reads nothing either: config, API, artifacts, the page', async () => {
    const base = env('E2E_PARALLAX_URL');
    const { port } = new URL(base);
    for (const target of [
      '/parallax/api/config',
      '/api/2.0/mlflow/experiments/search?max_results=5',
      '/parallax/api/artifact?run_id=x&path=a.txt',
      '/',
    ]) {
      const res = await rawHttp(base, `GET ${target} HTTP/1.1\r\nHost: evil.example:${port}`);
      expect(res.status, target).toBe(403);
      expect(res.body, target).not.toMatch(/experiments|mlflow_version|<html/i);
    }
  });
});

// ---- the basic-auth server: the credential Parallax holds is an admin's ---------------------

const basicMlflow = () => env('E2E_BASIC_MLFLOW_URL');
const adminAuth = () =>
  `Basic ${Buffer.from(`${env('E2E_BASIC_USER')}:${env('E2E_BASIC_PASSWORD')}`).toString('base64')}`;

/** Straight to the basic-auth MLflow as its admin: the ground truth for "nothing changed". */
async function asAdmin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(new URL(path, basicMlflow()), {
    method,
    headers: { authorization: adminAuth(), 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function user(
  username: string,
): Promise<{ username: string; is_admin: boolean } | undefined> {
  const res = await asAdmin(
    'GET',
    `/api/2.0/mlflow/users/get?username=${encodeURIComponent(username)}`,
  );
  if (res.status === 404) return undefined;
  expect(res.status).toBe(200);
  return ((await res.json()) as { user: { username: string; is_admin: boolean } }).user;
}

test.describe('off-list endpoints, against MLflow with basic auth', () => {
  // Set by the global setup before any worker loads this file.
  test.use({ baseURL: process.env.E2E_BASIC_PARALLAX_URL });

  test('users/* answer 404 and change no user', async ({ request: gate }) => {
    const victim = uniqueName('victim');
    const created = await asAdmin('POST', '/api/2.0/mlflow/users/create', {
      username: victim,
      password: `Victim-pw-${uniqueName('x')}`,
    });
    expect(created.status).toBe(200);
    const newcomer = uniqueName('newcomer');

    const attempts: [string, string, unknown][] = [
      ['PATCH', '/api/2.0/mlflow/users/update-admin', { username: victim, is_admin: true }],
      ['PATCH', '/ajax-api/2.0/mlflow/users/update-admin', { username: victim, is_admin: true }],
      [
        'PATCH',
        '/api/2.0/mlflow/users/update-password',
        { username: victim, password: 'Pwned-pw-123456' },
      ],
      ['DELETE', '/api/2.0/mlflow/users/delete', { username: victim }],
      ['DELETE', '/ajax-api/2.0/mlflow/users/delete', { username: victim }],
      [
        'POST',
        '/api/2.0/mlflow/users/create',
        { username: newcomer, password: 'Newcomer-pw-123456' },
      ],
      ['GET', `/api/2.0/mlflow/users/get?username=${victim}`, undefined],
    ];
    for (const [method, path, data] of attempts) {
      const res = await gate.fetch(path, { method, data });
      expect(res.status(), `${method} ${path}`).toBe(404);
      expect(await res.json(), `${method} ${path}`).toMatchObject({
        error_code: 'ENDPOINT_NOT_FOUND',
      });
    }
    expect(await user(victim)).toEqual(
      expect.objectContaining({ username: victim, is_admin: false }),
    );
    expect(await user(newcomer)).toBeUndefined();
  });

  test('artifact DELETE and upload-artifact answer 404 and change no artifact', async ({
    request: gate,
  }) => {
    const exp = await asAdmin('POST', '/api/2.0/mlflow/experiments/create', {
      name: uniqueName('gate'),
    });
    const experimentId = ((await exp.json()) as { experiment_id: string }).experiment_id;
    const run = await asAdmin('POST', '/api/2.0/mlflow/runs/create', {
      experiment_id: experimentId,
      start_time: Date.now(),
    });
    const { info } = (
      (await run.json()) as { run: { info: { run_id: string; artifact_uri: string } } }
    ).run;
    const root = info.artifact_uri.replace(/^mlflow-artifacts:\//, '').replace(/^\/+/, '');
    const put = await asAdmin(
      'PUT',
      `/api/2.0/mlflow-artifacts/artifacts/${root}/keep.txt`,
      'kept',
    );
    expect(put.status).toBe(200);

    const attempts: [string, string, string][] = [
      ['DELETE', `/api/2.0/mlflow-artifacts/artifacts/${root}/keep.txt`, ''],
      ['DELETE', `/ajax-api/2.0/mlflow-artifacts/artifacts/${root}/keep.txt`, ''],
      ['PUT', `/api/2.0/mlflow-artifacts/artifacts/${root}/keep.txt`, 'overwritten'],
      [
        'POST',
        `/ajax-api/2.0/mlflow/upload-artifact?run_uuid=${info.run_id}&path=evil.txt`,
        'evil',
      ],
      ['POST', `/api/2.0/mlflow/upload-artifact?run_uuid=${info.run_id}&path=evil.txt`, 'evil'],
      ['GET', '/api/2.0/mlflow/x', ''],
      ['POST', '/api/2.0/mlflow/x', '{}'],
    ];
    for (const [method, path, data] of attempts) {
      const res = await gate.fetch(path, {
        method,
        data,
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(res.status(), `${method} ${path}`).toBe(404);
    }
    const kept = await asAdmin('GET', `/get-artifact?run_uuid=${info.run_id}&path=keep.txt`);
    expect(kept.status).toBe(200);
    expect(await kept.text()).toBe('kept');
    const listed = await asAdmin('GET', `/api/2.0/mlflow/artifacts/list?run_id=${info.run_id}`);
    const files = ((await listed.json()) as { files?: { path: string }[] }).files ?? [];
    expect(files.map((f) => f.path)).toEqual(['keep.txt']);

    // Through the gate, the same file is readable: the refusals were about the method and path.
    const read = await gate.get(`/get-artifact?run_uuid=${info.run_id}&path=keep.txt`);
    expect(read.status()).toBe(200);
    expect(await read.text()).toBe('kept');
  });

  test('no answer to the browser carries the basic-auth username or password', async ({
    page,
    request: gate,
  }) => {
    const secrets = [
      env('E2E_BASIC_USER'),
      env('E2E_BASIC_PASSWORD'),
      adminAuth().slice('Basic '.length),
    ];
    const leaks: string[] = [];
    const inspect = (where: string, text: string) => {
      for (const secret of secrets)
        if (text.includes(secret)) leaks.push(`${where} contains ${secret}`);
    };

    const exp = await asAdmin('POST', '/api/2.0/mlflow/experiments/create', {
      name: uniqueName('leak'),
    });
    const experimentId = ((await exp.json()) as { experiment_id: string }).experiment_id;
    const run = await asAdmin('POST', '/api/2.0/mlflow/runs/create', {
      experiment_id: experimentId,
      start_time: Date.now(),
    });
    const runId = ((await run.json()) as { run: { info: { run_id: string } } }).run.info.run_id;

    const calls: [string, string, unknown?][] = [
      ['GET', '/parallax/api/config'],
      ['POST', '/api/2.0/mlflow/experiments/search', { max_results: 50 }],
      ['POST', '/api/2.0/mlflow/runs/search', { experiment_ids: [experimentId] }],
      ['GET', `/api/2.0/mlflow/runs/get?run_id=${runId}`],
      ['GET', `/api/2.0/mlflow/experiments/get?experiment_id=${experimentId}`],
      ['GET', '/api/2.0/mlflow/registered-models/search'],
      ['GET', `/api/2.0/mlflow/artifacts/list?run_id=${runId}`],
      ['GET', '/api/2.0/mlflow/runs/get?run_id=does-not-exist'],
      ['GET', `/parallax/api/artifact?run_id=${runId}&path=missing.txt`],
      ['GET', '/api/2.0/mlflow/users/get?username=x'],
      ['GET', '/'],
    ];
    for (const [method, path, data] of calls) {
      const res = await gate.fetch(path, { method, data });
      inspect(`${method} ${path} body`, await res.text());
      inspect(`${method} ${path} headers`, JSON.stringify(res.headersArray()));
      expect(res.headers()['www-authenticate'], path).toBeUndefined();
    }
    const config = (await (await gate.get('/parallax/api/config')).json()) as { user: unknown };
    expect(config.user).toBeNull();

    // And what the SPA itself receives while showing the server's experiments.
    page.on('response', (res) => {
      void res
        .body()
        .then((body) => inspect(`page ${res.url()}`, body.toString('latin1')))
        .catch(() => undefined);
      inspect(`page ${res.url()} headers`, JSON.stringify(res.headers()));
    });
    const searched = page.waitForResponse((res) => res.url().includes('/experiments/search'));
    await page.goto('/experiments');
    expect((await searched).status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(leaks).toEqual([]);
  });
});

// ---- PARALLAX_READ_ONLY ------------------------------------------------------------------------

const direct = (method: string, path: string, body?: unknown) =>
  fetch(new URL(path, env('E2E_MLFLOW_URL')), {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => {
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return JSON.parse(text || '{}') as Record<string, unknown>;
  });

test.describe('read-only mode', () => {
  test('every mutation on the allow-list is refused 403 READ_ONLY and nothing changes', async () => {
    // Objects of our own, with a tag and an alias to delete, so each refused call would change them.
    const experimentName = uniqueName('read-only');
    const experimentId = String(
      (await direct('POST', '/api/2.0/mlflow/experiments/create', { name: experimentName }))
        .experiment_id,
    );
    await direct('POST', '/api/2.0/mlflow/experiments/set-experiment-tag', {
      experiment_id: experimentId,
      key: 'keep',
      value: 'v',
    });
    const run = (await direct('POST', '/api/2.0/mlflow/runs/create', {
      experiment_id: experimentId,
      run_name: 'r',
      start_time: Date.now(),
    })) as { run: { info: { run_id: string } } };
    const runId = run.run.info.run_id;
    await direct('POST', '/api/2.0/mlflow/runs/set-tag', {
      run_id: runId,
      key: 'keep',
      value: 'v',
    });
    const model = uniqueName('read-only-model');
    await direct('POST', '/api/2.0/mlflow/registered-models/create', {
      name: model,
      tags: [{ key: 'keep', value: 'v' }],
    });
    await direct('POST', '/api/2.0/mlflow/model-versions/create', {
      name: model,
      source: `mlflow-artifacts:/${experimentId}/${runId}/artifacts/model`,
      run_id: runId,
      tags: [{ key: 'keep', value: 'v' }],
    });
    await direct('POST', '/api/2.0/mlflow/registered-models/alias', {
      name: model,
      alias: 'keep',
      version: '1',
    });

    const snapshot = async () =>
      JSON.stringify([
        await direct('GET', `/api/2.0/mlflow/experiments/get?experiment_id=${experimentId}`),
        await direct('GET', `/api/2.0/mlflow/runs/get?run_id=${runId}`),
        await direct(
          'GET',
          `/api/2.0/mlflow/registered-models/get?name=${encodeURIComponent(model)}`,
        ),
        await direct(
          'GET',
          `/api/2.0/mlflow/model-versions/get?name=${encodeURIComponent(model)}&version=1`,
        ),
      ]);
    const before = await snapshot();

    const created = uniqueName('ro-created');
    // One body for every endpoint: each takes the fields it knows and would act on our objects.
    const body = {
      experiment_id: experimentId,
      run_id: runId,
      name: model,
      new_name: created,
      run_name: created,
      version: '1',
      key: 'keep',
      value: 'changed',
      alias: 'keep',
      description: 'changed',
      stage: 'Production',
      archive_existing_versions: false,
      source: `mlflow-artifacts:/${experimentId}/${runId}/artifacts/model`,
      tags: [{ key: 'new', value: 'x' }],
    };
    const readOnly = await apiRequest.newContext({ baseURL: env('E2E_READONLY_PARALLAX_URL') });
    const writes = ENDPOINTS.filter((e) => e.access === 'write');
    // Unity Catalog's twins are not on this list: the proxy maps onto them, never forwards them.
    expect(writes.length).toBeGreaterThan(20);
    for (const { method, path } of writes) {
      for (const prefix of ['/api/2.0/', '/ajax-api/2.0/']) {
        if (!path.startsWith('/api/2.0/') && prefix !== '/api/2.0/') continue;
        const url = prefix + path.slice('/api/2.0/'.length);
        const res = await readOnly.fetch(url, {
          method,
          data: method === 'POST' && path.endsWith('/create') ? { ...body, name: created } : body,
        });
        expect(res.status(), `${method} ${url}`).toBe(403);
        expect(await res.json(), `${method} ${url}`).toEqual({
          error_code: 'READ_ONLY',
          message: 'Parallax is read-only (PARALLAX_READ_ONLY=1): changes are turned off.',
        });
      }
    }
    expect(await snapshot()).toBe(before);
    expect(await mlflow.findExperiment(created)).toBeUndefined();
    const models = await direct(
      'GET',
      `/api/2.0/mlflow/registered-models/search?filter=${encodeURIComponent(`name = '${created}'`)}`,
    );
    expect(models.registered_models).toBeUndefined();

    // Reads still pass, the POST searches included, and the config says read_only.
    expect(
      (
        await readOnly.post('/api/2.0/mlflow/runs/search', {
          data: { experiment_ids: [experimentId] },
        })
      ).status(),
    ).toBe(200);
    expect(
      (
        await readOnly.post('/api/2.0/mlflow/experiments/search', { data: { max_results: 1 } })
      ).status(),
    ).toBe(200);
    expect(
      ((await (await readOnly.get('/parallax/api/config')).json()) as { read_only: boolean })
        .read_only,
    ).toBe(true);
    await readOnly.dispose();
  });

  test('the same body through the writable Parallax does change MLflow (the check can fail)', async ({
    request,
  }) => {
    const name = uniqueName('rw-created');
    const res = await request.post('/api/2.0/mlflow/experiments/create', { data: { name } });
    expect(res.status()).toBe(200);
    expect((await mlflow.findExperiment(name))?.name).toBe(name);
  });
});
