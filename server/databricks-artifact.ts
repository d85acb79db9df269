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

/**
 * What opening an artifact gave: the bytes' answer (the cloud store's or the Files API's, which may
 * be a 404 or a 416), the workspace's own refusal in MLflow's error shape (PERMISSION_DENIED for
 * the signed-in user, a missing run…), or a root outside the workspace that no workspace API reads.
 */
export type OpenedArtifact =
  | { kind: 'bytes'; res: IncomingMessage }
  | { kind: 'refused'; res: IncomingMessage }
  | { kind: 'unreadable'; location: string };

/** Where a run's artifacts live, from its `artifact_uri`. */
export type ArtifactRoot =
  /** `dbfs:/databricks/mlflow-tracking/…` (and anything else): MLflow hands out presigned URLs. */
  | { kind: 'managed' }
  /** A Unity Catalog volume: read with the bearer through the Files API. */
  | { kind: 'volume'; path: string }
  /** A cloud URI of the customer's own (s3://, abfss://, gs://…): no workspace API serves it. */
  | { kind: 'external'; uri: string };

const EXTERNAL_ROOT = /^(?:s3[an]?|abfss?|wasbs?|gs|adl|hdfs):\/\//i;

export function classifyArtifactRoot(uri: string): ArtifactRoot {
  const volume = /^(?:dbfs:)?(\/Volumes\/.+?)\/*$/.exec(uri);
  if (volume?.[1]) return { kind: 'volume', path: volume[1] };
  if (EXTERNAL_ROOT.test(uri)) return { kind: 'external', uri: uri.replace(/\/+$/, '') };
  return { kind: 'managed' };
}

/** The Files API's address of one file under a volume root, each segment encoded. */
export function filesApiTarget(volumePath: string, path: string): string {
  const segments = `${volumePath}/${path}`.split('/').filter(Boolean);
  return `/api/2.0/fs/files/${segments.map(encodeURIComponent).join('/')}`;
}

export const CREDENTIALS_FOR_READ = '/api/2.0/mlflow/artifacts/credentials-for-read';
// A signed URL is good for minutes; reusing one this long saves a call per range read of a preview,
// and an expired one is noticed (401/403 from the store) and replaced once.
const CREDENTIAL_TTL_MS = 60_000;
// A run's artifact root never changes; it is looked up again now and then only to bound the map.
const ROOT_TTL_MS = 5 * 60_000;
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

  const roots = new Map<string, { root: ArtifactRoot; until: number }>();

  /** One authenticated call to the workspace, retried by the shared policy. */
  const call = (
    forwardedToken: string | undefined,
    request: { method: string; target: string; body?: Buffer; range?: string },
    signal: AbortSignal,
  ): Promise<IncomingMessage> =>
    sendWithRetries(
      async () => {
        const headers: OutgoingHttpHeaders = { 'user-agent': 'parallax', accept: '*/*' };
        if (request.body) {
          headers['content-type'] = 'application/json';
          headers['content-length'] = request.body.length;
        }
        if (request.range) headers.range = request.range;
        const authorization = await deps.auth.authorization(forwardedToken);
        if (authorization) headers.authorization = authorization;
        return deps.upstream.request({ ...request, headers, signal });
      },
      // credentials-for-read is a POST that only reads: retried like the searches (429/503).
      { method: request.method, read: true, policy: deps.retry, canResend: true, signal },
    );

  const rootOf = async (
    forwardedToken: string | undefined,
    runId: string,
    signal: AbortSignal,
  ): Promise<ArtifactRoot | IncomingMessage> => {
    const key = `${deps.auth.credentialKey(forwardedToken)}\n${runId}`;
    const hit = roots.get(key);
    if (hit && now() < hit.until) return hit.root;
    const target = `/api/2.0/mlflow/runs/get?run_id=${encodeURIComponent(runId)}`;
    const res = await call(forwardedToken, { method: 'GET', target }, signal);
    if (res.statusCode !== 200) return res;
    let uri: unknown;
    try {
      const parsed = JSON.parse(await readText(res)) as {
        run?: { info?: { artifact_uri?: unknown } };
      };
      uri = parsed.run?.info?.artifact_uri;
    } catch {
      uri = undefined;
    }
    const root = classifyArtifactRoot(typeof uri === 'string' ? uri : '');
    if (roots.size >= MAX_CACHED) roots.clear();
    roots.set(key, { root, until: now() + ROOT_TTL_MS });
    return root;
  };

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
    const res = await call(
      forwardedToken,
      { method: 'POST', target: CREDENTIALS_FOR_READ, body },
      signal,
    );
    if (res.statusCode !== 200) return res;
    const credential = parseCredential(await readText(res), path);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, { credential, until: now() + CREDENTIAL_TTL_MS });
    return credential;
  };

  /** The workspace refused: its error goes on; a 401 on the app's own token drops that token. */
  const refused = (res: IncomingMessage, forwardedToken: string | undefined): OpenedArtifact => {
    if (res.statusCode === 401 && !forwardedToken) deps.auth.invalidate();
    return { kind: 'refused', res };
  };

  return {
    async open({ forwardedToken, runId, path, range, signal }) {
      const root = await rootOf(forwardedToken, runId, signal);
      if (!('kind' in root)) return refused(root, forwardedToken);
      if (root.kind === 'external') return { kind: 'unreadable', location: `${root.uri}/${path}` };
      if (root.kind === 'volume') {
        const target = filesApiTarget(root.path, path);
        const res = await call(forwardedToken, { method: 'GET', target, range }, signal);
        const status = res.statusCode ?? 0;
        if (status >= 400 && status !== 404 && status !== 416) return refused(res, forwardedToken);
        return { kind: 'bytes', res };
      }
      const key = `${deps.auth.credentialKey(forwardedToken)}\n${runId}\n${path}`;
      // Twice at most: a cached or freshly issued URL the store refuses as expired is replaced once.
      for (let attempt = 1; ; attempt++) {
        const credential = await credentialFor(key, forwardedToken, runId, path, signal);
        if (!('signedUri' in credential)) return refused(credential, forwardedToken);
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
        return { kind: 'bytes', res };
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
