import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthConfig } from './config.ts';

/** Picks the `Authorization` value for one upstream call. */
export interface AuthProvider {
  /**
   * The signed-in user's own token (`X-Forwarded-Access-Token`), only where a trusted proxy puts it
   * there (a Databricks App); undefined elsewhere, whatever the client sent.
   */
  forwardedToken(headers: IncomingHttpHeaders): string | undefined;
  /**
   * Names the credential a call is made with, for cache keys: 'app' for the server's own, else a
   * hash of the user's token, so one user's cached answers never reach another. Never the token.
   */
  credentialKey(forwardedToken: string | undefined): string;
  /** `forwardedToken` is the signed-in user's own token (Databricks Apps), when allowed. */
  authorization(forwardedToken: string | undefined): Promise<string | undefined>;
  /** MLflow answered 401: forget any cached token so the next call fetches a new one. */
  invalidate(): void;
}

/** The app's own credential could not be obtained (the token endpoint failed). */
export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

export interface AuthOptions {
  useForwardedToken: boolean;
  /** Bounds one token request, so a hanging identity provider cannot hang every proxied call. */
  timeoutMs: number;
  now?: () => number;
}

export function createAuthProvider(auth: AuthConfig, options: AuthOptions): AuthProvider {
  const own = ownCredential(auth, options);
  return {
    forwardedToken(headers) {
      if (!options.useForwardedToken) return undefined;
      const raw = headers['x-forwarded-access-token'];
      return (Array.isArray(raw) ? raw[0] : raw)?.trim() || undefined;
    },
    credentialKey(forwardedToken) {
      if (!options.useForwardedToken || !forwardedToken) return 'app';
      return `user:${createHash('sha256').update(forwardedToken).digest('hex').slice(0, 32)}`;
    },
    async authorization(forwardedToken) {
      if (options.useForwardedToken && forwardedToken) return `Bearer ${forwardedToken}`;
      return own.header();
    },
    invalidate: () => own.invalidate(),
  };
}

interface Credential {
  header(): Promise<string | undefined>;
  invalidate(): void;
}

function ownCredential(auth: AuthConfig, options: AuthOptions): Credential {
  switch (auth.kind) {
    case 'none':
      return { header: async () => undefined, invalidate: () => {} };
    case 'bearer':
      return { header: async () => `Bearer ${auth.token}`, invalidate: () => {} };
    case 'basic': {
      const value = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
      return { header: async () => value, invalidate: () => {} };
    }
    case 'databricks-m2m': {
      const cache = new M2MTokenCache(auth, options.timeoutMs, options.now ?? Date.now);
      return {
        header: async () => `Bearer ${await cache.token()}`,
        invalidate: () => cache.invalidate(),
      };
    }
  }
}

interface CachedToken {
  value: string;
  refreshAt: number;
}

// Databricks tokens live an hour; refresh 20 % (at most 5 min) early so no call races the expiry.
const MAX_REFRESH_MARGIN_MS = 5 * 60_000;
const DEFAULT_LIFETIME_S = 600;

/** OAuth client-credentials token for the app's service principal, cached and single-flighted. */
export class M2MTokenCache {
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly auth: Extract<AuthConfig, { kind: 'databricks-m2m' }>,
    private readonly timeoutMs: number,
    private readonly now: () => number,
  ) {}

  token(): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) {
      return Promise.resolve(this.cached.value);
    }
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const basic = Buffer.from(`${this.auth.clientId}:${this.auth.clientSecret}`).toString('base64');
    let response: Response;
    try {
      response = await fetch(this.auth.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials&scope=all-apis',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new AuthError(
        `token endpoint ${new URL(this.auth.tokenUrl).host} is not reachable: ${describe(err)}`,
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    if (!response.ok || typeof fields.access_token !== 'string' || !fields.access_token) {
      // Only the OAuth error code is echoed: descriptions can quote the client id.
      const code = typeof fields.error === 'string' ? ` (${fields.error})` : '';
      throw new AuthError(`token endpoint answered HTTP ${response.status}${code}`);
    }
    const lifetimeS =
      typeof fields.expires_in === 'number' && fields.expires_in > 0
        ? fields.expires_in
        : DEFAULT_LIFETIME_S;
    const lifetimeMs = lifetimeS * 1000;
    const margin = Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 5);
    this.cached = { value: fields.access_token, refreshAt: this.now() + lifetimeMs - margin };
    return fields.access_token;
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? err.cause.message : undefined;
    return err.name === 'TimeoutError' ? 'timed out' : (cause ?? err.message);
  }
  return String(err);
}
