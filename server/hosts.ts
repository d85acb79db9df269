/**
 * Which `Host` a request may name: Parallax's defence against DNS rebinding.
 *
 * A page on evil.example can make its own name resolve to 127.0.0.1 and then talk to Parallax "same
 * origin", with the server's MLflow credential behind it. Everything about such a request looks
 * legitimate except the host it names, so the host is checked before anything else runs. (MLflow
 * 3.x checks `Host` itself, but Parallax rewrites `Host` on the way, so that check cannot help.)
 */

/** A name (lower case, `*` matching any run of characters) and the ports it is allowed on. */
export interface HostPattern {
  name: string;
  /** 'listening': the port the server listens on; 'any': every port (and none). */
  port: number | 'listening' | 'any';
}

export interface HostPolicy {
  /** Any host at all (`PARALLAX_ALLOWED_HOSTS=*`): validation off, as MLflow's `*` does. */
  anyHost: boolean;
  patterns: readonly HostPattern[];
  /**
   * Bound to every interface (0.0.0.0 / ::): every IP literal on the listening port passes too, so
   * people on the network can use the machine's address. An IP literal cannot be rebound: no DNS
   * lookup is involved, so a page naming it was really loaded from it.
   */
  ipLiterals: boolean;
  /**
   * Behind a proxy we trust (Databricks Apps, or PARALLAX_TRUST_FORWARDED_HEADERS=1), the host the
   * browser asked for arrives as X-Forwarded-Host and `Host` may be the proxy's own internal name,
   * so X-Forwarded-Host is the one checked when present. Elsewhere any client can set that header
   * (a rebinding page's request is same-origin and needs no preflight), so it is never consulted.
   */
  trustForwardedHost: boolean;
}

/** Loopback names a local browser uses; always allowed on the listening port. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The domain Databricks serves apps under (`https://<app>-<workspace id>.<cloud>.databricksapps.com`). */
export const DATABRICKS_APPS_DOMAIN = '*.databricksapps.com';

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

export interface HostPolicyOptions {
  /** PARALLAX_HOST: the bind address, allowed as a host name too. */
  bindHost: string;
  /** PARALLAX_ALLOWED_HOSTS, already split into entries. */
  allowedHosts: readonly string[];
  /** The app's own host in a Databricks App (from DATABRICKS_APP_URL, or the platform domain). */
  appHosts: readonly string[];
  trustForwardedHost: boolean;
}

/** Builds the policy; throws an Error naming the bad entry (config.ts turns it into a ConfigError). */
export function hostPolicy(options: HostPolicyOptions): HostPolicy {
  const bind = bracketIpv6(options.bindHost.toLowerCase());
  const patterns: HostPattern[] = [...LOOPBACK_HOSTS, bind].map((name) => ({
    name,
    port: 'listening',
  }));
  // An app's public URL is https on 443 (no port in Host); any port is fine, the name is the point.
  for (const host of options.appHosts) patterns.push({ ...parsePattern(host), port: 'any' });
  // PARALLAX_ALLOWED_HOSTS extends the defaults instead of replacing them (MLflow replaces): the
  // loopback names cannot be used for rebinding, and keeping them keeps `npm start`'s printed
  // URL, the tests and the bench working whatever a team adds.
  let anyHost = false;
  for (const entry of options.allowedHosts) {
    if (entry === '*') anyHost = true;
    else patterns.push(parsePattern(entry));
  }
  return {
    anyHost,
    patterns,
    ipLiterals: WILDCARD_BINDS.has(bind),
    trustForwardedHost: options.trustForwardedHost,
  };
}

/**
 * One PARALLAX_ALLOWED_HOSTS entry, as MLflow's `--allowed-hosts` takes them: `name`, `name:port`,
 * `name:*`, `*.example.com`, `[v6]:port`. Without a port the name is allowed on every port (a
 * reverse proxy on 443 sends none), which MLflow would write as `name` plus `name:*`.
 */
export function parsePattern(entry: string): HostPattern {
  const value = entry.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9*._-]+)(?::(\d{1,5}|\*))?$/.exec(value);
  const name = match?.[1];
  if (!match || !name) {
    throw new Error(
      `${JSON.stringify(entry)} is not a host name or pattern (write mlflow.example.com, *.example.com or host:8080, without a scheme or path).`,
    );
  }
  const port = match[2];
  if (port === undefined || port === '*') return { name, port: 'any' };
  const number = Number(port);
  if (number < 1 || number > 65535) throw new Error(`${JSON.stringify(entry)} has no valid port.`);
  return { name, port: number };
}

/** A Host header value split into name and port; undefined when it is not a plain `name[:port]`. */
export function parseHostHeader(
  value: string,
): { name: string; port: number | undefined } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/.exec(value.trim().toLowerCase());
  const name = match?.[1];
  if (!match || !name) return undefined;
  return { name, port: match[2] === undefined ? undefined : Number(match[2]) };
}

export type HostCheck = { ok: true; host: string } | { ok: false; message: string };

/**
 * Whether a request's host is allowed. `listeningPort` is undefined when the server is not
 * listening, which only happens for requests injected in-process (tests): no browser can be behind
 * those, and the name is still checked. Returns the checked host, which the cross-site write check
 * compares Origin with.
 */
export function checkHost(
  policy: HostPolicy,
  headers: { host?: string | undefined; 'x-forwarded-host'?: string | string[] | undefined },
  listeningPort: number | undefined,
): HostCheck {
  const forwarded = policy.trustForwardedHost ? lastValue(headers['x-forwarded-host']) : undefined;
  const raw = forwarded ?? headers.host;
  const label = forwarded === undefined ? 'Host' : 'X-Forwarded-Host';
  // No Host at all (HTTP/1.0) is refused, as MLflow does: there is nothing to check.
  if (raw === undefined || raw.trim() === '') {
    return { ok: false, message: `The request has no ${label} header.` };
  }
  if (policy.anyHost) return { ok: true, host: raw.trim().toLowerCase() };
  const parsed = parseHostHeader(raw);
  if (!parsed) return { ok: false, message: `${label} ${JSON.stringify(raw)} is malformed.` };
  // We serve plain HTTP, so a Host without a port means port 80.
  const port = parsed.port ?? 80;
  const portOk = (allowed: HostPattern['port']) =>
    allowed === 'any' ||
    (allowed === 'listening'
      ? listeningPort === undefined || port === listeningPort
      : port === allowed);
  const allowed =
    policy.patterns.some((p) => portOk(p.port) && globMatch(p.name, parsed.name)) ||
    (policy.ipLiterals && isIpLiteral(parsed.name) && portOk('listening'));
  if (allowed) return { ok: true, host: raw.trim().toLowerCase() };
  return {
    ok: false,
    message: `${label} ${JSON.stringify(raw)} is not allowed: Parallax answers only to the names it is served under. Add it to PARALLAX_ALLOWED_HOSTS if it is yours.`,
  };
}

function globMatch(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

function isIpLiteral(name: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(name) || /^\[[0-9a-f:.]+\]$/.test(name);
}

function bracketIpv6(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

// Proxies append to X-Forwarded-Host; the last value is the one our own (trusted) proxy wrote.
function lastValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[header.length - 1] : header;
  const last = value?.split(',').at(-1)?.trim();
  return last || undefined;
}
