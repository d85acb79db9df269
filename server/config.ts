import { fileURLToPath } from 'node:url';
import {
  type DatabricksCredential,
  type DatabricksSettings,
  databricksCredential,
  databricksSettings,
  namedProfile,
} from './databricks-config.ts';
import { DATABRICKS_APPS_DOMAIN, type HostPolicy, hostPolicy } from './hosts.ts';
import { DEFAULT_SERIES_CACHE_MB } from './metric-cache.ts';

export type BackendKind = 'oss' | 'databricks';

/** How the server authenticates to MLflow. The browser never sees any of it. */
export type AuthConfig =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'databricks-m2m'; tokenUrl: string; clientId: string; clientSecret: string };

export interface RetryConfig {
  /** Total tries including the first one. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Sum of all waits between tries; a longer Retry-After is passed back to the caller instead. */
  maxTotalDelayMs: number;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface ServerConfig {
  backend: BackendKind;
  /** MLflow's base URL; a path prefix (reverse proxy) is kept and prepended to every call. */
  upstream: URL;
  auth: AuthConfig;
  /** On Databricks, a user's `X-Forwarded-Access-Token` is used instead of the app's credential. */
  useForwardedToken: boolean;
  /**
   * Identity headers (X-Forwarded-Email/-User/-Preferred-Username, X-Forwarded-Host) come from a
   * proxy we trust: a Databricks App, or PARALLAX_TRUST_FORWARDED_HEADERS=1.
   */
  trustForwardedHeaders: boolean;
  /** Which `Host` requests may name (server/hosts.ts). */
  hosts: HostPolicy;
  /** PARALLAX_READ_ONLY: every endpoint that changes MLflow's state is refused. */
  readOnly: boolean;
  host: string;
  port: number;
  /** Built SPA; when the folder is missing only the API is served. */
  staticDir: string;
  frameAncestors: string;
  upstreamTimeoutMs: number;
  connectTimeoutMs: number;
  retry: RetryConfig;
  logLevel: LogLevel;
  /** Byte budget of the server's metric-series cache (`PARALLAX_SERIES_CACHE_MB`); 0 turns it off. */
  seriesCacheBytes: number;
  /** Non-fatal remarks about the environment, printed once at start. */
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist', import.meta.url));
const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

const MIB = 1024 * 1024;

export const DEFAULT_RETRY: RetryConfig = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxTotalDelayMs: 15_000,
};

/** Reads the environment once; throws a ConfigError naming the variable at fault. */
export function loadConfig(env: Env = process.env): ServerConfig {
  const warnings: string[] = [];
  const trackingUri = read(env, 'MLFLOW_TRACKING_URI');
  const databricks = databricksTarget(env, trackingUri);
  const backend: BackendKind = databricks ? 'databricks' : 'oss';

  let upstream: URL;
  if (databricks) {
    upstream = parseHttpUrl('DATABRICKS_HOST', withScheme(databricks.host));
    if (trackingUri && !isDatabricksUri(trackingUri)) {
      warnings.push(`DATABRICKS_HOST is set, so MLFLOW_TRACKING_URI (${trackingUri}) is ignored.`);
    }
  } else if (!trackingUri) {
    throw new ConfigError(
      'MLFLOW_TRACKING_URI is required (e.g. http://127.0.0.1:5000), or DATABRICKS_HOST for a Databricks workspace.',
    );
  } else {
    upstream = parseHttpUrl('MLFLOW_TRACKING_URI', trackingUri);
  }

  const appPort = read(env, 'DATABRICKS_APP_PORT');
  const port = appPort
    ? parseIntIn(env, 'DATABRICKS_APP_PORT', 0, 0, 65535)
    : parseIntIn(env, 'PARALLAX_PORT', 5050, 0, 65535);
  const host = read(env, 'PARALLAX_HOST') ?? (appPort ? '0.0.0.0' : '127.0.0.1');
  // A Databricks App: the platform's proxy sits in front, authenticates every user and sets the
  // X-Forwarded-* headers itself. Only then are those headers more than what a client claims.
  const databricksApp = appPort !== undefined && backend === 'databricks';
  const trustForwardedHeaders = parseFlag(env, 'PARALLAX_TRUST_FORWARDED_HEADERS') ?? databricksApp;

  return {
    backend,
    upstream,
    auth: databricks ? databricksAuth(env, databricks, upstream, warnings) : ossAuth(env),
    // A user's token is taken from the proxy in front of a Databricks workspace, never from a
    // client that merely sends the header.
    useForwardedToken: backend === 'databricks' && trustForwardedHeaders,
    trustForwardedHeaders,
    hosts: parseHosts(env, host, databricksApp ? appHosts(env) : [], trustForwardedHeaders),
    readOnly: parseFlag(env, 'PARALLAX_READ_ONLY') ?? false,
    host,
    port,
    staticDir: read(env, 'PARALLAX_STATIC_DIR') ?? DEFAULT_STATIC_DIR,
    frameAncestors: parseFrameAncestors(read(env, 'PARALLAX_FRAME_ANCESTORS') ?? "'none'"),
    upstreamTimeoutMs: parseIntIn(env, 'PARALLAX_UPSTREAM_TIMEOUT_MS', 30_000, 1, 600_000),
    connectTimeoutMs: parseIntIn(env, 'PARALLAX_CONNECT_TIMEOUT_MS', 5_000, 1, 600_000),
    retry: DEFAULT_RETRY,
    logLevel: parseLogLevel(read(env, 'PARALLAX_LOG_LEVEL') ?? 'warn'),
    seriesCacheBytes:
      parseIntIn(env, 'PARALLAX_SERIES_CACHE_MB', DEFAULT_SERIES_CACHE_MB, 0, 1_048_576) * MIB,
    warnings,
  };
}

function parseHosts(
  env: Env,
  bindHost: string,
  apps: string[],
  trustForwardedHost: boolean,
): HostPolicy {
  const allowedHosts = (read(env, 'PARALLAX_ALLOWED_HOSTS') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    return hostPolicy({ bindHost, allowedHosts, appHosts: apps, trustForwardedHost });
  } catch (err) {
    throw new ConfigError(`PARALLAX_ALLOWED_HOSTS: ${(err as Error).message}`);
  }
}

/**
 * The app's own public host. The platform does not document a variable holding the app's URL, so
 * DATABRICKS_APP_URL is used when set (some runtimes and app.yaml files set it) and otherwise any
 * name under the platform's apps domain, which only the Databricks proxy can serve.
 */
function appHosts(env: Env): string[] {
  const url = read(env, 'DATABRICKS_APP_URL');
  if (url === undefined) return [DATABRICKS_APPS_DOMAIN];
  return [parseHttpUrl('DATABRICKS_APP_URL', withScheme(url)).hostname];
}

/** `1`/`true`/`yes` or `0`/`false`/`no`; undefined when unset. */
function parseFlag(env: Env, name: string): boolean | undefined {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  if (/^(?:1|true|yes|on)$/i.test(raw)) return true;
  if (/^(?:0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be 1 or 0, got ${JSON.stringify(raw)}.`);
}

function ossAuth(env: Env): AuthConfig {
  const username = read(env, 'MLFLOW_TRACKING_USERNAME');
  const password = read(env, 'MLFLOW_TRACKING_PASSWORD');
  if ((username === undefined) !== (password === undefined)) {
    throw new ConfigError(
      'MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD must be set together.',
    );
  }
  // Same precedence as MLflow's Python client: basic credentials win over a token.
  if (username !== undefined && password !== undefined) {
    return { kind: 'basic', username, password };
  }
  const token = read(env, 'MLFLOW_TRACKING_TOKEN');
  return token ? { kind: 'bearer', token } : { kind: 'none' };
}

const isDatabricksUri = (uri: string) => uri === 'databricks' || uri.startsWith('databricks://');

/**
 * A Databricks workspace is the backend when DATABRICKS_HOST is set, when MLFLOW_TRACKING_URI is
 * `databricks` or `databricks://<profile>` (as in MLflow's client), or when only
 * DATABRICKS_CONFIG_PROFILE names a profile. Its host and credential then come from the
 * environment and `~/.databrickscfg` (server/databricks-config.ts).
 */
function databricksTarget(
  env: Env,
  trackingUri: string | undefined,
): (DatabricksSettings & { host: string }) | undefined {
  const wanted =
    read(env, 'DATABRICKS_HOST') !== undefined ||
    (trackingUri !== undefined && isDatabricksUri(trackingUri)) ||
    (trackingUri === undefined && read(env, 'DATABRICKS_CONFIG_PROFILE') !== undefined);
  if (!wanted) return undefined;
  let settings: DatabricksSettings;
  try {
    settings = databricksSettings(env, namedProfile(env, trackingUri));
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const { host } = settings;
  if (host === undefined) {
    throw new ConfigError(
      `MLFLOW_TRACKING_URI=${trackingUri ?? ''} needs a Databricks host: DATABRICKS_HOST, or a profile with a host in ~/.databrickscfg (DATABRICKS_CONFIG_PROFILE, DATABRICKS_CONFIG_FILE).`,
    );
  }
  return { ...settings, host };
}

function databricksAuth(
  env: Env,
  settings: DatabricksSettings,
  host: URL,
  warnings: string[],
): AuthConfig {
  let credential: DatabricksCredential;
  try {
    credential = databricksCredential(settings);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  if (credential.kind === 'pat') return { kind: 'bearer', token: credential.token };
  if (credential.kind === 'oauth-m2m') {
    return {
      kind: 'databricks-m2m',
      tokenUrl: new URL('/oidc/v1/token', host).href,
      clientId: credential.clientId,
      clientSecret: credential.clientSecret,
    };
  }
  const token = read(env, 'MLFLOW_TRACKING_TOKEN');
  if (token) return { kind: 'bearer', token };
  warnings.push(
    'No Databricks credential is set; only requests carrying X-Forwarded-Access-Token will be authenticated.',
  );
  return { kind: 'none' };
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

// Databricks Apps hand over the host without a scheme.
function withScheme(host: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`;
}

function parseHttpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got ${JSON.stringify(value)}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(
      `${name} must be an http(s) URL of a tracking server, got ${JSON.stringify(value)}.`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigError(
      `${name} must not embed credentials; use MLFLOW_TRACKING_USERNAME/PASSWORD.`,
    );
  }
  if (url.search || url.hash) {
    throw new ConfigError(`${name} must not have a query string or fragment.`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

function parseIntIn(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}.`,
    );
  }
  return value;
}

function parseLogLevel(raw: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) {
    throw new ConfigError(
      `PARALLAX_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(raw)}.`,
    );
  }
  return level;
}

// The value lands inside a CSP header, so anything that could end the directive is refused.
function parseFrameAncestors(raw: string): string {
  if (/[;,\r\n]/.test(raw)) {
    throw new ConfigError(
      `PARALLAX_FRAME_ANCESTORS must be a space-separated source list such as 'self' https://example.com, got ${JSON.stringify(raw)}.`,
    );
  }
  return raw.replace(/\s+/g, ' ');
}
