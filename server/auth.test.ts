import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, createAuthProvider, M2MTokenCache } from './auth.ts';
import { answerJson, startStub, type Stub } from './test-stub.ts';

let tokenServer: Stub;
let issued = 0;

beforeEach(async () => {
  issued = 0;
  tokenServer = await startStub((req, res, recorded) => {
    issued += 1;
    answerJson(200, { access_token: `token-${issued}`, token_type: 'Bearer', expires_in: 3600 })(
      req,
      res,
      recorded,
    );
  });
});

afterEach(async () => {
  await tokenServer.close();
});

function cache(now: () => number = Date.now): M2MTokenCache {
  const auth = {
    kind: 'databricks-m2m' as const,
    tokenUrl: `${tokenServer.url}/oidc/v1/token`,
    clientId: 'client-id',
    clientSecret: 'client-secret',
  };
  return new M2MTokenCache(auth, 2_000, now);
}

describe('M2MTokenCache', () => {
  it('asks for an all-apis client-credentials token with HTTP Basic client authentication', async () => {
    expect(await cache().token()).toBe('token-1');
    const request = tokenServer.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/oidc/v1/token');
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from('client-id:client-secret').toString('base64')}`,
    );
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body.toString()))).toEqual({
      grant_type: 'client_credentials',
      scope: 'all-apis',
    });
  });

  it('fetches once for concurrent callers and serves later ones from the cache', async () => {
    const tokens = cache();
    const first = await Promise.all([tokens.token(), tokens.token(), tokens.token()]);
    expect(first).toEqual(['token-1', 'token-1', 'token-1']);
    expect(await tokens.token()).toBe('token-1');
    expect(tokenServer.requests).toHaveLength(1);
  });

  it('refreshes five minutes before an hour-long token expires', async () => {
    let now = 1_000_000;
    const tokens = cache(() => now);
    expect(await tokens.token()).toBe('token-1');
    now += 55 * 60_000 - 1;
    expect(await tokens.token()).toBe('token-1');
    now += 1;
    expect(await tokens.token()).toBe('token-2');
  });

  it('fetches a new token after invalidate (MLflow said 401)', async () => {
    const tokens = cache();
    await tokens.token();
    tokens.invalidate();
    expect(await tokens.token()).toBe('token-2');
  });

  it('fails with the status and OAuth error code, never the secret', async () => {
    tokenServer.handle(
      answerJson(401, {
        error: 'invalid_client',
        error_description: 'client-id client-secret bad',
      }),
    );
    const err: unknown = await cache()
      .token()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).message).toBe('token endpoint answered HTTP 401 (invalid_client)');
  });

  it('does not cache a failure', async () => {
    tokenServer.handle(answerJson(500, {}));
    const tokens = cache();
    await expect(tokens.token()).rejects.toThrow(AuthError);
    tokenServer.handle(answerJson(200, { access_token: 'good', expires_in: 3600 }));
    expect(await tokens.token()).toBe('good');
  });
});

describe('createAuthProvider', () => {
  it('uses a forwarded user token only when allowed', async () => {
    const bearer = { kind: 'bearer' as const, token: 'app' };
    const databricks = createAuthProvider(bearer, { useForwardedToken: true, timeoutMs: 1000 });
    const oss = createAuthProvider(bearer, { useForwardedToken: false, timeoutMs: 1000 });
    expect(await databricks.authorization('user')).toBe('Bearer user');
    expect(await databricks.authorization(undefined)).toBe('Bearer app');
    expect(await oss.authorization('user')).toBe('Bearer app');
  });

  it('sends nothing when no credential is configured', async () => {
    const none = createAuthProvider(
      { kind: 'none' },
      { useForwardedToken: false, timeoutMs: 1000 },
    );
    expect(await none.authorization(undefined)).toBeUndefined();
  });

  it('reads the forwarded token only where it is trusted', () => {
    const bearer = { kind: 'bearer' as const, token: 'app' };
    const trusted = createAuthProvider(bearer, { useForwardedToken: true, timeoutMs: 1000 });
    const untrusted = createAuthProvider(bearer, { useForwardedToken: false, timeoutMs: 1000 });
    const headers = { 'x-forwarded-access-token': ' user-tok ' };
    expect(trusted.forwardedToken(headers)).toBe('user-tok');
    expect(trusted.forwardedToken({})).toBeUndefined();
    expect(untrusted.forwardedToken(headers)).toBeUndefined();
  });

  it('keys caches by credential: the app, or a hash of the user token, never the token', () => {
    const bearer = { kind: 'bearer' as const, token: 'app' };
    const trusted = createAuthProvider(bearer, { useForwardedToken: true, timeoutMs: 1000 });
    const untrusted = createAuthProvider(bearer, { useForwardedToken: false, timeoutMs: 1000 });
    expect(trusted.credentialKey(undefined)).toBe('app');
    const alice = trusted.credentialKey('alice-secret-token');
    const bob = trusted.credentialKey('bob-secret-token');
    expect(alice).toMatch(/^user:[0-9a-f]{32}$/);
    expect(alice).not.toBe(bob);
    expect(alice).not.toContain('alice');
    expect(trusted.credentialKey('alice-secret-token')).toBe(alice);
    expect(untrusted.credentialKey('alice-secret-token')).toBe('app');
  });
});
