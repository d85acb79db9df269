// An emulated Databricks workspace, in front of the suite's real `mlflow server`. No workspace can
// be reached from the tests, so this stands in for one: the OAuth token endpoint, the API gateway's
// bearer check, one permission rule, rate limiting (429 with Retry-After), credentials-for-read with
// a presigned-URL object store, and a hook for the Unity Catalog registry. It is the only layer the
// Databricks tests fake: every MLflow answer is the real server's, forwarded unchanged.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ObjectStore, STORE_PREFIX } from './object-store';
import { VIEWER, appCaller, userCaller, type WorkspaceUser } from './users';

/** What the gateway did with one call, for the tests' assertions. */
export interface GatewayCall {
  seq: number;
  at: number;
  /** `app:<client id>`, `user:<name>`, 'anonymous' (no or a bad bearer), 'store' or 'oidc'. */
  who: string;
  method: string;
  /** Path without the query (a store URL's signature never lands in the log). */
  path: string;
  status: number;
  /** The experiments the call touched, as far as the permission rule looked. */
  experiments: string[];
}

export interface TokenIssue {
  clientId: string;
  at: number;
  expiresAt: number;
}

/** A Unity Catalog call as the hook sees it, and what it makes of it (uc-gateway.ts). */
export interface UcRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}
export type UcTranslation = UcRequest | { status: number; error_code: string; message: string };
export type UcTranslate = (req: UcRequest) => UcTranslation;

export interface RateLimit {
  /** Fraction of matching calls answered 429, from 0 to 1. */
  rate?: number;
  /** The next `burst` matching calls are answered 429 (before `rate` applies). */
  burst?: number;
  retryAfterS: number;
  /** Regular expression (source) tested against the path; all gateway calls when absent. */
  path?: string;
}

export interface WorkspaceOptions {
  mlflowUrl: string;
  /** Service principals: client id → secret. More can be added later (addClient). */
  clients: Record<string, string>;
  users: readonly WorkspaceUser[];
  /** Lifetime of an issued OAuth token, in seconds. */
  tokenLifetimeS: number;
  /** Lifetime of a presigned URL, in seconds. */
  signedUrlLifetimeS: number;
  ucTranslate?: UcTranslate;
  /** Reshapes MLflow's JSON answer to a translated UC call as UC answers (uc-gateway.ts's reshapeOssAnswer). */
  ucReshape?: (answer: unknown) => unknown;
  port?: number;
}

export interface DatabricksWorkspace {
  url: string;
  stop: () => Promise<void>;
  log: () => GatewayCall[];
  tokensIssued: () => TokenIssue[];
  setRate429: (limit: RateLimit | undefined) => void;
  addClient: (clientId: string, secret: string, lifetimeS?: number) => void;
  /** The viewer is denied this experiment (PERMISSION_DENIED); others read it as usual. */
  guardExperiment: (experimentId: string) => void;
  setSignedUrlLifetime: (seconds: number) => void;
  signedUrlsIssued: () => string[];
}

const GATEWAY = /^\/(?:api|ajax-api)\/2\.0\/mlflow\//;
const UC = /^\/(?:api|ajax-api)\/2\.0\/mlflow\/unity-catalog\//;
const CREDENTIALS_FOR_READ = '/api/2.0/mlflow/artifacts/credentials-for-read';
const CONTROL = '/e2e-control/';

export async function startDatabricksWorkspace(
  options: WorkspaceOptions,
): Promise<DatabricksWorkspace> {
  const mlflowUrl = new URL(options.mlflowUrl);
  const clients = new Map(
    Object.entries(options.clients).map(([id, secret]) => [id, { secret, lifetimeS: undefined }]),
  ) as Map<string, { secret: string; lifetimeS: number | undefined }>;
  const appTokens = new Map<string, TokenIssue>();
  const userTokens = new Map(options.users.map((u) => [u.token, u]));
  const issued: TokenIssue[] = [];
  const calls: GatewayCall[] = [];
  const guarded = new Set<string>();
  const runExperiment = new Map<string, string>();
  let rateLimit: RateLimit | undefined;
  let burstLeft = 0;
  let signedUrlLifetimeMs = options.signedUrlLifetimeS * 1000;
  let url = '';
  const store = new ObjectStore(() => url, mlflowUrl);

  const record = (call: Omit<GatewayCall, 'seq' | 'at'>) =>
    calls.push({ ...call, seq: calls.length + 1, at: Date.now() });

  const workspace: Omit<DatabricksWorkspace, 'url' | 'stop'> = {
    log: () => [...calls],
    tokensIssued: () => [...issued],
    setRate429: (limit) => {
      rateLimit = limit;
      burstLeft = limit?.burst ?? 0;
    },
    addClient: (clientId, secret, lifetimeS) => void clients.set(clientId, { secret, lifetimeS }),
    guardExperiment: (id) => void guarded.add(id),
    setSignedUrlLifetime: (seconds) => void (signedUrlLifetimeMs = seconds * 1000),
    signedUrlsIssued: () => [...store.issued],
  };

  /** Who the bearer names, and why it is refused when it is (an expired token still names its app). */
  const caller = (
    req: http.IncomingMessage,
  ): { who: string; user?: WorkspaceUser; refused?: string } => {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!match?.[1]) return { who: 'anonymous', refused: 'No bearer token was sent.' };
    const user = userTokens.get(match[1]);
    if (user) return { who: userCaller(user), user };
    const app = appTokens.get(match[1]);
    if (!app) return { who: 'anonymous', refused: 'Invalid access token.' };
    const who = appCaller(app.clientId);
    return Date.now() >= app.expiresAt ? { who, refused: 'Token expired.' } : { who };
  };

  const rateLimited = (path: string): number | undefined => {
    if (!rateLimit || (rateLimit.path && !new RegExp(rateLimit.path).test(path))) return undefined;
    if (burstLeft > 0) {
      burstLeft--;
      return rateLimit.retryAfterS;
    }
    return Math.random() < (rateLimit.rate ?? 0) ? rateLimit.retryAfterS : undefined;
  };

  /** The experiments a call reads or changes: named outright, or through its runs. */
  const experimentsOf = async (query: URLSearchParams, body: unknown): Promise<string[]> => {
    const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const values = (name: string) => [
      ...query.getAll(name),
      ...[fields[name]].flat().filter((v): v is string => typeof v === 'string'),
    ];
    const experiments = [...values('experiment_id'), ...values('experiment_ids')];
    const runs = [...values('run_id'), ...values('run_uuid'), ...values('run_ids')];
    for (const runId of runs) {
      const known = runExperiment.get(runId) ?? (await lookUpRun(mlflowUrl, runId));
      if (known) {
        runExperiment.set(runId, known);
        experiments.push(known);
      }
    }
    return [...new Set(experiments)];
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error_code: 'INTERNAL_ERROR', message: 'e2e' });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', 'http://workspace');
    const path = target.pathname;
    const method = req.method ?? 'GET';
    if (path.startsWith(CONTROL)) return control(req, res, path.slice(CONTROL.length));
    if (path.startsWith(STORE_PREFIX)) {
      const status = await store.serve(req, res);
      record({ who: 'store', method, path: STORE_PREFIX, status, experiments: [] });
      return;
    }
    if (path === '/oidc/v1/token' && method === 'POST') {
      const status = issueToken(req, await readBody(req), res);
      record({ who: 'oidc', method, path, status, experiments: [] });
      return;
    }
    const raw = await readBody(req);
    const body = parseJson(raw);
    const reply = (who: string, status: number, payload: object, experiments: string[] = []) => {
      record({ who, method, path, status, experiments });
      sendJson(res, status, payload);
    };
    if (!GATEWAY.test(path)) {
      return reply('anonymous', 404, {
        error_code: 'ENDPOINT_NOT_FOUND',
        message: `No API found for '${method} ${path}'`,
      });
    }
    const who = caller(req);
    if (who.refused) {
      return reply(who.who, 401, { error_code: 'UNAUTHENTICATED', message: who.refused });
    }
    const wait = rateLimited(path);
    if (wait !== undefined) {
      res.setHeader('retry-after', String(wait));
      return reply(who.who, 429, {
        error_code: 'REQUEST_LIMIT_EXCEEDED',
        message: 'Too many requests. Please wait and try again.',
      });
    }
    const experiments = await experimentsOf(target.searchParams, body);
    const denied = who.user?.name === VIEWER.name && experiments.find((id) => guarded.has(id));
    if (denied) {
      return reply(
        who.who,
        403,
        {
          error_code: 'PERMISSION_DENIED',
          message: `User ${who.user?.email ?? ''} does not have permission 'CAN_READ' on experiment ${denied}.`,
        },
        experiments,
      );
    }
    if (path === CREDENTIALS_FOR_READ && method === 'POST') {
      const fields = (body ?? {}) as { run_id?: unknown; path?: unknown };
      const paths = [fields.path].flat().filter((p): p is string => typeof p === 'string');
      if (typeof fields.run_id !== 'string' || paths.length === 0) {
        return reply(who.who, 400, {
          error_code: 'INVALID_PARAMETER_VALUE',
          message: 'run_id and path are required.',
        });
      }
      const runId = fields.run_id;
      const infos = paths.map((p) => store.sign(runId, p, signedUrlLifetimeMs));
      return reply(who.who, 200, { credential_infos: infos }, experiments);
    }
    let forward: UcRequest = { method, path, query: target.searchParams, body };
    if (UC.test(path)) {
      if (!options.ucTranslate) {
        return reply(who.who, 404, {
          error_code: 'ENDPOINT_NOT_FOUND',
          message: `No API found for '${method} ${path}'`,
        });
      }
      const translated = options.ucTranslate(forward);
      if ('status' in translated) {
        const { status, ...error } = translated;
        return reply(who.who, status, error, experiments);
      }
      forward = translated;
    }
    const sentBody =
      forward.body === body ? raw : Buffer.from(JSON.stringify(forward.body ?? {}), 'utf8');
    const reshape = UC.test(path) ? options.ucReshape : undefined;
    const status = await forwardToMlflow(mlflowUrl, req, res, forward, sentBody, reshape);
    record({ who: who.who, method, path, status, experiments });
  }

  function issueToken(req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): number {
    const form = new URLSearchParams(raw.toString('utf8'));
    let clientId = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (form.get('grant_type') !== 'client_credentials') {
      sendJson(res, 400, { error: 'unsupported_grant_type' });
      return 400;
    }
    const client = clients.get(clientId);
    if (!client || client.secret !== secret) {
      sendJson(res, 401, {
        error: 'invalid_client',
        error_description: 'Client authentication failed',
      });
      return 401;
    }
    const lifetimeS = client.lifetimeS ?? options.tokenLifetimeS;
    const token = `dapi-e2e-app-${randomBytes(16).toString('hex')}`;
    const issue = { clientId, at: Date.now(), expiresAt: Date.now() + lifetimeS * 1000 };
    appTokens.set(token, issue);
    issued.push(issue);
    sendJson(res, 200, {
      access_token: token,
      token_type: 'Bearer',
      expires_in: lifetimeS,
      scope: form.get('scope') ?? 'all-apis',
    });
    return 200;
  }

  /** The tests' side door (other processes): read the log, set faults and rules. */
  async function control(req: http.IncomingMessage, res: http.ServerResponse, action: string) {
    const body = (parseJson(await readBody(req)) ?? {}) as Record<string, unknown>;
    switch (action) {
      case 'log':
        return sendJson(res, 200, { calls: workspace.log() });
      case 'tokens':
        return sendJson(res, 200, { issued: workspace.tokensIssued() });
      case 'signed-urls':
        return sendJson(res, 200, { urls: workspace.signedUrlsIssued() });
      case 'rate429':
        workspace.setRate429(
          body.retryAfterS === undefined ? undefined : (body as unknown as RateLimit),
        );
        return sendJson(res, 200, {});
      case 'client':
        workspace.addClient(
          String(body.clientId),
          String(body.secret),
          typeof body.lifetimeS === 'number' ? body.lifetimeS : undefined,
        );
        return sendJson(res, 200, {});
      case 'guard':
        workspace.guardExperiment(String(body.experimentId));
        return sendJson(res, 200, {});
      case 'signed-url-lifetime':
        workspace.setSignedUrlLifetime(Number(body.seconds));
        return sendJson(res, 200, {});
      default:
        return sendJson(res, 404, { error_code: 'ENDPOINT_NOT_FOUND', message: action });
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...workspace,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends the (possibly translated) call to the real MLflow and relays its answer as it is. */
function forwardToMlflow(
  mlflowUrl: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  call: UcRequest,
  body: Buffer,
  reshape?: (answer: unknown) => unknown,
): Promise<number> {
  const headers = { ...req.headers, host: mlflowUrl.host };
  delete headers.authorization;
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  const query = call.query.toString();
  return new Promise((resolve) => {
    const upstream = http.request(
      {
        hostname: mlflowUrl.hostname,
        port: mlflowUrl.port,
        method: call.method,
        path: `${call.path}${query ? `?${query}` : ''}`,
        headers: body.length > 0 ? { ...headers, 'content-length': body.length } : headers,
      },
      (up) => {
        const status = up.statusCode ?? 502;
        if (reshape && status === 200) {
          void readBody(up).then((raw) => {
            const answer = parseJson(raw);
            sendJson(res, status, (reshape(answer) ?? {}) as object);
            resolve(status);
          });
          return;
        }
        res.writeHead(status, up.headers);
        up.pipe(res);
        resolve(status);
      },
    );
    upstream.on('error', () => {
      res.destroy();
      resolve(502);
    });
    upstream.end(body.length > 0 ? body : undefined);
  });
}

async function lookUpRun(mlflowUrl: URL, runId: string): Promise<string | undefined> {
  const res = await fetch(
    new URL(`/api/2.0/mlflow/runs/get?run_id=${encodeURIComponent(runId)}`, mlflowUrl),
  );
  if (!res.ok) return undefined;
  const json = (await res.json()) as { run?: { info?: { experiment_id?: string } } };
  return json.run?.info?.experiment_id;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
