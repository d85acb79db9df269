import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import {
  CREDENTIALS_FOR_READ,
  classifyArtifactRoot,
  filesApiTarget,
  parseCredential,
} from './databricks-artifact.ts';
import { startStub, testConfig, type Stub, type StubHandler } from './test-stub.ts';

const BYTES = 'step,loss\n1,0.5\n';

/**
 * A workspace stand-in: credentials-for-read hands out `/store/<n>` URLs needing one header; the
 * store refuses the first `expired` of them with 403, as a cloud store refuses an expired URL.
 */
function workspace(
  stub: Stub,
  options: { expired?: number; credentialStatus?: number; root?: string } = {},
) {
  let issued = 0;
  let expired = options.expired ?? 0;
  const handler: StubHandler = (req, res, recorded) => {
    const url = new URL(req.url ?? '/', stub.url);
    if (url.pathname === '/api/2.0/mlflow/runs/get') {
      const root = options.root ?? 'dbfs:/databricks/mlflow-tracking/1/r/artifacts';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ run: { info: { artifact_uri: root } } }));
      return;
    }
    if (url.pathname.startsWith('/api/2.0/fs/files/')) {
      res.writeHead(200, { 'content-length': Buffer.byteLength(BYTES) }).end(BYTES);
      return;
    }
    if (url.pathname === CREDENTIALS_FOR_READ) {
      if (options.credentialStatus) {
        res.writeHead(options.credentialStatus, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error_code: 'PERMISSION_DENIED', message: 'User u may not read.' }),
        );
        return;
      }
      const body = JSON.parse(recorded.body.toString('utf8')) as { run_id: string; path: string[] };
      issued++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          credential_infos: body.path.map((path) => ({
            run_id: body.run_id,
            path,
            signed_uri: `${stub.url}/store/${issued}?sig=secret-signature-${issued}`,
            type: 'AWS_PRESIGNED_URL',
            headers: [{ name: 'x-ms-blob-type', value: `key-${issued}` }],
          })),
        }),
      );
      return;
    }
    if (url.pathname.startsWith('/store/')) {
      if (req.headers['x-ms-blob-type'] !== `key-${url.pathname.slice(7)}`) {
        res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>');
      } else if (expired > 0) {
        expired--;
        res.writeHead(403).end('<Error><Code>AccessDenied</Code>Request has expired</Error>');
      } else {
        res.writeHead(200, { 'content-length': Buffer.byteLength(BYTES) }).end(BYTES);
      }
      return;
    }
    res.writeHead(404).end();
  };
  stub.handle(handler);
  return { credentialCalls: () => stub.requests.filter((r) => r.url === CREDENTIALS_FOR_READ) };
}

describe('artifacts on Databricks (credentials-for-read, then the presigned URL)', () => {
  let stub: Stub;
  let app: FastifyInstance;
  beforeEach(async () => {
    stub = await startStub();
    app = await buildServer(
      testConfig({
        DATABRICKS_HOST: stub.url,
        DATABRICKS_TOKEN: 'dapi-app',
        PARALLAX_TRUST_FORWARDED_HEADERS: '1',
      }),
    );
  });
  afterEach(async () => {
    await app.close();
    await stub.close();
  });

  const get = (token?: string) =>
    app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=r1&path=data%2Ftable.csv&preview=1',
      headers: token ? { 'x-forwarded-access-token': token } : {},
    });

  it('streams the store bytes sent with exactly the credential headers; the URL stays inside', async () => {
    const { credentialCalls } = workspace(stub);
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(BYTES);
    expect(res.headers['content-type']).toMatch(/^text\/csv|^text\/plain/);
    expect(JSON.stringify(res.headers) + res.body).not.toMatch(/secret-signature|\/store\//);
    const [call] = credentialCalls();
    expect(call?.method).toBe('POST');
    expect(call?.headers.authorization).toBe('Bearer dapi-app');
    expect(JSON.parse(call?.body.toString() ?? '')).toEqual({
      run_id: 'r1',
      path: ['data/table.csv'],
    });
    const storeCall = stub.requests.find((r) => r.url.startsWith('/store/'));
    expect(storeCall?.headers.authorization).toBeUndefined();
  });

  it('replaces an expired URL once, and gives up after the second refusal', async () => {
    const { credentialCalls } = workspace(stub, { expired: 1 });
    expect((await get()).body).toBe(BYTES);
    expect(credentialCalls()).toHaveLength(2);

    const again = workspace(stub, { expired: 5 });
    const before = again.credentialCalls().length;
    const refused = await app.inject({
      method: 'GET',
      url: '/parallax/api/artifact?run_id=r2&path=x.txt',
    });
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toMatchObject({ error_code: 'ARTIFACT_STORE_ERROR' });
    expect(refused.body).not.toContain('secret-signature');
    expect(again.credentialCalls().length - before).toBe(2);
  });

  it('keeps credentials per identity: one user never reuses a URL issued for another', async () => {
    const { credentialCalls } = workspace(stub);
    await get('user-a-token');
    await get('user-a-token');
    expect(credentialCalls()).toHaveLength(1);
    await get('user-b-token');
    expect(credentialCalls()).toHaveLength(2);
    expect(credentialCalls()[1]?.headers.authorization).toBe('Bearer user-b-token');
  });

  it("passes MLflow's refusal on as the user's error, never retried with the app's identity", async () => {
    const { credentialCalls } = workspace(stub, { credentialStatus: 403 });
    const res = await get('user-token');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error_code: 'PERMISSION_DENIED',
      message: 'User u may not read.',
    });
    expect(credentialCalls().map((c) => c.headers.authorization)).toEqual(['Bearer user-token']);
  });
});

describe('artifact roots outside the managed store', () => {
  let stub: Stub;
  let app: FastifyInstance;
  beforeEach(async () => {
    stub = await startStub();
    app = await buildServer(
      testConfig({ DATABRICKS_HOST: stub.url, DATABRICKS_TOKEN: 'dapi-app' }),
    );
  });
  afterEach(async () => {
    await app.close();
    await stub.close();
  });
  const get = () =>
    app.inject({ method: 'GET', url: '/parallax/api/artifact?run_id=r1&path=my%20dir%2Fa.csv' });

  it('reads a Unity Catalog volume through the Files API with the bearer', async () => {
    workspace(stub, { root: 'dbfs:/Volumes/main/ml/vol/exp 1/r1/artifacts' });
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(BYTES);
    const files = stub.requests.find((r) => r.url.startsWith('/api/2.0/fs/files/'));
    expect(files?.url).toBe(
      '/api/2.0/fs/files/Volumes/main/ml/vol/exp%201/r1/artifacts/my%20dir/a.csv',
    );
    expect(files?.headers.authorization).toBe('Bearer dapi-app');
    expect(stub.requests.some((r) => r.url === CREDENTIALS_FOR_READ)).toBe(false);
  });

  it('says an external root is not readable from Parallax, with the path', async () => {
    workspace(stub, { root: 's3://acme-ml/experiments/7/r1/artifacts' });
    const res = await get();
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error_code: 'ARTIFACT_NOT_READABLE' });
    expect(res.json<{ message: string }>().message).toContain(
      's3://acme-ml/experiments/7/r1/artifacts/my dir/a.csv',
    );
    expect(res.json<{ message: string }>().message).toContain('not readable from Parallax');
  });

  it('classifies roots and builds Files API paths', () => {
    expect(classifyArtifactRoot('dbfs:/databricks/mlflow-tracking/1/r/artifacts')).toEqual({
      kind: 'managed',
    });
    expect(classifyArtifactRoot('/Volumes/a/b/c/')).toEqual({
      kind: 'volume',
      path: '/Volumes/a/b/c',
    });
    expect(classifyArtifactRoot('abfss://c@acct.dfs.core.windows.net/x')).toEqual({
      kind: 'external',
      uri: 'abfss://c@acct.dfs.core.windows.net/x',
    });
    expect(classifyArtifactRoot('GS://bucket/x/')).toEqual({
      kind: 'external',
      uri: 'GS://bucket/x',
    });
    expect(filesApiTarget('/Volumes/a/b/c', 'd/e#1.txt')).toBe(
      '/api/2.0/fs/files/Volumes/a/b/c/d/e%231.txt',
    );
  });
});

describe('parseCredential', () => {
  it('takes the credential for the path, with its headers', () => {
    const text = JSON.stringify({
      credential_infos: [
        { path: 'b', signed_uri: 'https://s3/b', headers: [] },
        { path: 'a', signed_uri: 'https://s3/a', headers: [{ name: 'x-ms-version', value: '1' }] },
      ],
    });
    expect(parseCredential(text, 'a')).toEqual({
      signedUri: 'https://s3/a',
      headers: [['x-ms-version', '1']],
    });
  });

  it('refuses an answer without a usable URL', () => {
    expect(() => parseCredential('{"credential_infos":[]}', 'a')).toThrow(/no usable signed URL/);
    expect(() => parseCredential('<html>', 'a')).toThrow(/not JSON/);
    const file = JSON.stringify({ credential_infos: [{ path: 'a', signed_uri: 'file:///etc' }] });
    expect(() => parseCredential(file, 'a')).toThrow(/no usable signed URL/);
  });
});
