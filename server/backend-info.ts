import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ParallaxConfig } from '../src/lib/parallax-config.ts';
import type { AuthProvider } from './auth.ts';
import type { ServerConfig } from './config.ts';
import { sendUpstreamFailure } from './http-errors.ts';
import { sendWithRetries } from './retry.ts';
import type { UpstreamClient } from './upstream.ts';

export interface BackendInfoDeps {
  config: ServerConfig;
  upstream: UpstreamClient;
  auth: AuthProvider;
  now?: () => number;
}

interface Probe {
  mlflowVersion: string | null;
  registry: ParallaxConfig['registry'];
  historyBulkInterval: boolean;
}

const CACHE_MS = 60_000;
const MAX_PROBE_BODY = 64 * 1024;
const UC_PROBE = '/api/2.0/mlflow/unity-catalog/registered-models/search?max_results=1';
// Any answer but "no such endpoint" proves the route exists; the ids are deliberately bogus.
const BULK_INTERVAL_PROBE =
  '/api/2.0/mlflow/metrics/get-history-bulk-interval?run_ids=parallax-probe&metric_key=parallax-probe';

// Probes are cached per credential; this bounds the map if many users (tokens) come and go.
const MAX_CACHED_CREDENTIALS = 1_000;

/** What the rest of the server may ask about the backend (the same cached probe). */
export interface BackendInfo {
  /** The registry the backend serves to this credential: the proxy maps calls for Unity Catalog. */
  registry(forwardedToken: string | undefined): Promise<ParallaxConfig['registry']>;
}

/** `GET /parallax/api/config`: what kind of MLflow the SPA is talking to. */
export function registerBackendInfo(app: FastifyInstance, deps: BackendInfoDeps): BackendInfo {
  const now = deps.now ?? Date.now;
  // Keyed by the credential the probe ran with (auth.credentialKey): what the Unity Catalog probe
  // finds depends on who asks, so one user's answer is never served to another.
  const cached = new Map<string, { probe: Probe; until: number }>();
  const pending = new Map<string, Promise<Probe>>();

  const probeOnce = (forwardedToken: string | undefined): Promise<Probe> => {
    const key = deps.auth.credentialKey(forwardedToken);
    const hit = cached.get(key);
    if (hit && now() < hit.until) return Promise.resolve(hit.probe);
    let shared = pending.get(key);
    if (!shared) {
      shared = probe(deps, forwardedToken)
        .then((result) => {
          if (cached.size >= MAX_CACHED_CREDENTIALS) cached.clear(); // tiny entries; a crude bound
          cached.set(key, { probe: result, until: now() + CACHE_MS });
          return result;
        })
        .finally(() => pending.delete(key));
      pending.set(key, shared);
    }
    return shared;
  };

  app.get('/parallax/api/config', async (request, reply) => {
    let result: Probe;
    try {
      result = await probeOnce(deps.auth.forwardedToken(request.headers));
    } catch (err) {
      const answered = sendUpstreamFailure(reply, deps.upstream.host, err);
      if (answered) return answered;
      throw err;
    }
    const body: ParallaxConfig = {
      backend: deps.config.backend,
      mlflow_version: result.mlflowVersion,
      registry: result.registry,
      capabilities: {
        stages: result.registry === 'workspace',
        aliases: atLeast(result.mlflowVersion, 2, 3),
        history_bulk_interval: result.historyBulkInterval,
      },
      user: userOf(request.headers, deps.config),
      read_only: deps.config.readOnly,
      tracking_uri_host: deps.upstream.host,
    };
    return reply.header('cache-control', 'no-store').send(body);
  });
  return { registry: async (forwardedToken) => (await probeOnce(forwardedToken)).registry };
}

async function probe(deps: BackendInfoDeps, forwardedToken: string | undefined): Promise<Probe> {
  const get = (target: string) => getText(deps, target, forwardedToken);
  if (deps.config.backend === 'oss') {
    const version = await get('/version');
    const mlflowVersion = version.status === 200 ? parseVersion(version.text) : null;
    return {
      mlflowVersion,
      registry: 'workspace',
      historyBulkInterval: atLeast(mlflowVersion, 2, 11),
    };
  }
  const [uc, bulk] = await Promise.all([get(UC_PROBE), get(BULK_INTERVAL_PROBE)]);
  return {
    mlflowVersion: null,
    registry: registryMissing(uc) ? 'workspace' : 'unity-catalog',
    historyBulkInterval: !endpointMissing(bulk),
  };
}

interface TextResponse {
  status: number;
  text: string;
}

async function getText(
  deps: BackendInfoDeps,
  target: string,
  forwardedToken: string | undefined,
): Promise<TextResponse> {
  const res = await sendWithRetries(
    async () => {
      const authorization = await deps.auth.authorization(forwardedToken);
      const headers = authorization ? { authorization, accept: '*/*' } : { accept: '*/*' };
      return deps.upstream.request({ method: 'GET', target, headers });
    },
    { method: 'GET', policy: deps.config.retry, canResend: true },
  );
  let text = '';
  res.setEncoding('utf8');
  for await (const chunk of res) {
    text += String(chunk);
    if (text.length > MAX_PROBE_BODY) {
      res.destroy();
      break;
    }
  }
  return { status: res.statusCode ?? 0, text };
}

function endpointMissing(res: TextResponse): boolean {
  return res.status === 404 && (res.text.trim() === '' || res.text.includes('ENDPOINT_NOT_FOUND'));
}

// MLflow defaults to Unity Catalog on Databricks; only a definite "not here" means the legacy registry.
function registryMissing(res: TextResponse): boolean {
  return endpointMissing(res) || res.text.includes('METASTORE_DOES_NOT_EXIST');
}

function parseVersion(text: string): string | null {
  const version = text.trim();
  return /^\d+\.\d+[\w.+-]*$/.test(version) && version.length <= 64 ? version : null;
}

/** Unknown versions (Databricks, odd servers) are assumed current. */
function atLeast(version: string | null, major: number, minor: number): boolean {
  if (version === null) return true;
  const [maj = 0, min = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return maj > major || (maj === major && min >= minor);
}

/**
 * The signed-in user, as the trusted proxy in front names them; null elsewhere, since any client
 * can send these headers. The server's own basic-auth username is never shown: it is a credential.
 */
function userOf(headers: IncomingHttpHeaders, config: ServerConfig): string | null {
  if (!config.trustForwardedHeaders) return null;
  return (
    header(headers, 'x-forwarded-email') ??
    header(headers, 'x-forwarded-preferred-username') ??
    header(headers, 'x-forwarded-user') ??
    null
  );
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.trim() || undefined;
}
