import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { AuthProvider } from './auth.ts';
import type { RetryConfig } from './config.ts';
import { sendWithRetries } from './retry.ts';
import { UpstreamUnavailableError, type UpstreamClient } from './upstream.ts';

/**
 * Run artifacts on Databricks. The workspace serves no artifact bytes: as MLflow's own client does
 * (DatabricksArtifactRepository), the server asks `credentials-for-read` for a short-lived presigned
 * URL of the cloud store and GETs it itself with exactly the headers the credential names. The URL
 * is a bearer credential, so it never leaves the server: not in an answer, a header or a message.
 */
export interface DatabricksArtifactDeps {
  upstream: UpstreamClient;
  auth: AuthProvider;
  retry: RetryConfig;
  /** Bounds one GET of a signed URL until its headers arrive. */
  timeoutMs: number;
  now?: () => number;
}

/** One presigned credential, as credentials-for-read answers it. */
export interface SignedCredential {
  signedUri: string;
  headers: [string, string][];
}

/** What opening an artifact gave: the store's answer, or MLflow's own refusal (a 403, a 404…). */
export type OpenedArtifact =
  { kind: 'store'; res: IncomingMessage } | { kind: 'mlflow'; res: IncomingMessage };

export const CREDENTIALS_FOR_READ = '/api/2.0/mlflow/artifacts/credentials-for-read';
// A signed URL is good for minutes; reusing one this long saves a call per range read of a preview,
// and an expired one is noticed (401/403 from the store) and replaced once.
const CREDENTIAL_TTL_MS = 60_000;
const MAX_CACHED = 1_000;
const MAX_CREDENTIAL_BODY = 256 * 1024;

export interface DatabricksArtifacts {
  open(args: {
    forwardedToken: string | undefined;
    runId: string;
    path: string;
    range: string | undefined;
    signal: AbortSignal;
  }): Promise<OpenedArtifact>;
}

export function createDatabricksArtifacts(deps: DatabricksArtifactDeps): DatabricksArtifacts {
  const now = deps.now ?? Date.now;
  // Keyed by who asked (auth.credentialKey) as well as the file: a URL one user was granted is
  // never used for another.
  const cache = new Map<string, { credential: SignedCredential; until: number }>();

  const credentialFor = async (
    key: string,
    forwardedToken: string | undefined,
    runId: string,
    path: string,
    signal: AbortSignal,
  ): Promise<SignedCredential | IncomingMessage> => {
    const hit = cache.get(key);
    if (hit && now() < hit.until) return hit.credential;
    cache.delete(key);
    const body = Buffer.from(JSON.stringify({ run_id: runId, path: [path] }), 'utf8');
    // A POST that only reads: retried like the searches (429/503), by the shared policy.
    const res = await sendWithRetries(
      async () => {
        const headers: OutgoingHttpHeaders = {
          'user-agent': 'parallax',
          accept: 'application/json',
          'content-type': 'application/json',
          'content-length': body.length,
        };
        const authorization = await deps.auth.authorization(forwardedToken);
        if (authorization) headers.authorization = authorization;
        return deps.upstream.request({
          method: 'POST',
          target: CREDENTIALS_FOR_READ,
          headers,
          body,
          signal,
        });
      },
      { method: 'POST', policy: deps.retry, canResend: true, signal },
    );
    if (res.statusCode !== 200) return res;
    const credential = parseCredential(await readText(res), path);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, { credential, until: now() + CREDENTIAL_TTL_MS });
    return credential;
  };

  return {
    async open({ forwardedToken, runId, path, range, signal }) {
      const key = `${deps.auth.credentialKey(forwardedToken)}\n${runId}\n${path}`;
      // Twice at most: a cached or freshly issued URL the store refuses as expired is replaced once.
      for (let attempt = 1; ; attempt++) {
        const credential = await credentialFor(key, forwardedToken, runId, path, signal);
        if (!('signedUri' in credential)) {
          if (credential.statusCode === 401 && !forwardedToken) deps.auth.invalidate();
          return { kind: 'mlflow', res: credential };
        }
        const res = await sendWithRetries(
          () => getSigned(credential, range, signal, deps.timeoutMs),
          { method: 'GET', policy: deps.retry, canResend: true, signal },
        );
        const status = res.statusCode ?? 0;
        if ((status === 401 || status === 403) && attempt === 1) {
          res.resume();
          cache.delete(key);
          continue;
        }
        return { kind: 'store', res };
      }
    },
  };
}

/** The one credential for `path`; throws when the answer holds none (a 502 for the caller). */
export function parseCredential(text: string, path: string): SignedCredential {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UpstreamUnavailableError(
      'credentials-for-read answered something not JSON',
      false,
      false,
    );
  }
  const infos = (parsed as { credential_infos?: unknown }).credential_infos;
  const info = Array.isArray(infos)
    ? ((infos as Record<string, unknown>[]).find((i) => i.path === path) ?? infos[0])
    : undefined;
  const signedUri = (info as Record<string, unknown> | undefined)?.signed_uri;
  if (typeof signedUri !== 'string' || !/^https?:\/\//i.test(signedUri)) {
    throw new UpstreamUnavailableError(
      'credentials-for-read answered no usable signed URL',
      false,
      false,
    );
  }
  const rawHeaders = (info as Record<string, unknown>).headers;
  const headers: [string, string][] = [];
  if (Array.isArray(rawHeaders)) {
    for (const h of rawHeaders as Record<string, unknown>[]) {
      if (typeof h.name === 'string' && typeof h.value === 'string')
        headers.push([h.name, h.value]);
    }
  }
  return { signedUri, headers };
}

/** GET of a presigned URL with exactly the credential's headers (and the browser's range). */
function getSigned(
  credential: SignedCredential,
  range: string | undefined,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<IncomingMessage> {
  const url = new URL(credential.signedUri);
  const send = url.protocol === 'https:' ? https.request : http.request;
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of credential.headers) headers[name] = value;
  if (range) headers.range = range;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'GET', headers, signal }, (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    const timer = setTimeout(() => {
      // The URL's host only: the path and query are the credential.
      req.destroy(
        new UpstreamUnavailableError(`the artifact store ${url.host} did not answer`, false, true),
      );
    }, timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(
        err instanceof UpstreamUnavailableError
          ? err
          : new UpstreamUnavailableError(
              `the artifact store ${url.host} is not reachable`,
              false,
              false,
            ),
      );
    });
    req.end();
  });
}

async function readText(res: IncomingMessage): Promise<string> {
  let text = '';
  res.setEncoding('utf8');
  for await (const chunk of res) {
    text += String(chunk);
    if (text.length > MAX_CREDENTIAL_BODY) {
      res.destroy();
      break;
    }
  }
  return text;
}
