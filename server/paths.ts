import { type Endpoint, matchEndpoint } from './endpoints.ts';

/** Why a request target was refused; becomes an MLflow-shaped JSON error. */
export interface TargetRejection {
  status: 400 | 404;
  errorCode: 'INVALID_REQUEST_TARGET' | 'ENDPOINT_NOT_FOUND';
  message: string;
}

/** Query parameters that name a file inside an artifact store. */
export const PATH_PARAMS: readonly string[] = ['path', 'artifact_file_path'];

const invalid = (message: string): TargetRejection => ({
  status: 400,
  errorCode: 'INVALID_REQUEST_TARGET',
  message,
});

// A server behind MLflow (or MLflow itself, on some routes) may decode again: every layer counts.
// Ten rounds is far beyond any honest name; a target nested deeper is refused, not half-checked.
const MAX_DECODE_ROUNDS = 10;
const ESCAPE = /%[0-9a-fA-F]{2}/;
// Strict UTF-8: overlong forms (`%c0%ae` for "."), lone surrogates and stray continuation bytes
// throw instead of becoming U+FFFD, so they cannot hide a dot or a slash from a lenient decoder.
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const ENCODER = new TextEncoder();
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Every form a value takes as it is percent-decoded, round after round, until nothing changes:
 * `[raw, once, twice, …]`. Undefined when a round is not valid UTF-8, when the raw value has a `%`
 * that starts no escape (`%zz`), or when it nests more than ten rounds deep. After the first
 * round a `%` that starts no escape is kept as a character (a file may be called `100%`).
 */
export function decodeToFixedPoint(
  raw: string,
  /** The value was already decoded once (a parsed query value): a lone `%` is a character. */
  options: { decodedOnce?: boolean } = {},
): string[] | undefined {
  if (!options.decodedOnce && /%(?![0-9a-fA-F]{2})/.test(raw)) return undefined;
  const layers = [raw];
  let current = raw;
  while (ESCAPE.test(current)) {
    if (layers.length > MAX_DECODE_ROUNDS) return undefined;
    const next = decodeOnce(current);
    if (next === undefined) return undefined;
    layers.push(next);
    current = next;
  }
  return layers;
}

function decodeOnce(value: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < value.length;) {
    const hex = value[i] === '%' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 3;
    } else {
      const char = String.fromCodePoint(value.codePointAt(i) ?? 0);
      bytes.push(...ENCODER.encode(char));
      i += char.length;
    }
  }
  try {
    return UTF8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

/**
 * Checks every request target, static files included: only origin-form targets (`/path?query`),
 * and no dot segments, backslashes or control characters, however many times percent-encoded.
 */
export function checkRequestTarget(rawUrl: string): TargetRejection | undefined {
  if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) {
    return invalid('Only origin-form request targets (starting with a single "/") are accepted.');
  }
  const path = splitTarget(rawUrl).path;
  if (path.includes('\\')) return invalid('Backslashes are not allowed in paths.');
  const layers = decodeToFixedPoint(path);
  if (!layers) return invalid('The path is not valid percent-encoded UTF-8.');
  for (const layer of layers) {
    if (hasDotSegment(layer)) return invalid('Paths must not contain "." or ".." segments.');
    if (layer.includes('\\') || CONTROL.test(layer)) {
      return invalid('Encoded backslashes and control characters are not allowed in paths.');
    }
  }
  return undefined;
}

/**
 * What may be forwarded to MLflow: the target passes checkRequestTarget (run first, on every
 * request), its path keeps the same segments however often it is decoded, the method and the
 * once-decoded path (what MLflow routes on) are in the endpoint table, and every artifact path in
 * the query is a plain relative path.
 */
export function checkProxyTarget(
  method: string,
  rawUrl: string,
): { endpoint: Endpoint } | { rejection: TargetRejection } {
  const { path, query } = splitTarget(rawUrl);
  const layers = decodeToFixedPoint(path);
  if (!layers) return { rejection: invalid('The path is not valid percent-encoded UTF-8.') };
  const segments = path.split('/').length;
  for (const layer of layers) {
    // An encoded slash at any depth would change the route once a server decodes it.
    if (layer.split('/').length !== segments) {
      return { rejection: invalid('Encoded slashes are not allowed in API paths.') };
    }
    if (layer.includes('//')) {
      return { rejection: invalid('Empty path segments are not allowed in API paths.') };
    }
  }
  const routed = layers[1] ?? path;
  const match = matchEndpoint(method, routed);
  if (match.kind === 'not-found') {
    return {
      rejection: {
        status: 404,
        errorCode: 'ENDPOINT_NOT_FOUND',
        message: `${routed} is not an MLflow API path that Parallax forwards.`,
      },
    };
  }
  // An endpoint is a method and a path: DELETE on a path listed for GET is as unknown as any other
  // off-list call, so it gets the same 404 (the message names what is forwarded).
  if (match.kind === 'method-not-allowed') {
    return {
      rejection: {
        status: 404,
        errorCode: 'ENDPOINT_NOT_FOUND',
        message: `${method} ${routed} is not forwarded to MLflow (only ${match.allowed.join(', ')}).`,
      },
    };
  }
  const problem = checkPathParams(query);
  if (problem) return { rejection: invalid(problem) };
  return { endpoint: match.endpoint };
}

/**
 * The artifact-path parameters of a raw query string, each checked in every decoded form. Names
 * are decoded once, as MLflow's server does (`pa%74h` is `path`); `+` is a space in a query.
 */
export function checkPathParams(rawQuery: string): string | undefined {
  if (rawQuery === '') return undefined;
  for (const pair of rawQuery.split('&')) {
    const eq = pair.indexOf('=');
    const rawName = (eq === -1 ? pair : pair.slice(0, eq)).replaceAll('+', ' ');
    const name = decodeToFixedPoint(rawName)?.[1] ?? rawName;
    if (!PATH_PARAMS.includes(name)) continue;
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1).replaceAll('+', ' ');
    const layers = decodeToFixedPoint(rawValue);
    if (!layers) return `The ${name} parameter is not valid percent-encoded UTF-8.`;
    for (const layer of layers) {
      const problem = artifactPathProblem(layer);
      if (problem) return `The ${name} parameter ${problem}`;
    }
  }
  return undefined;
}

/**
 * Why a decoded artifact path is not a plain path relative to a run's (or model's) artifact root;
 * undefined when it is one. An empty path is the root itself (artifacts/list without `path`).
 */
export function artifactPathProblem(path: string): string | undefined {
  if (path.includes('\0') || CONTROL.test(path)) return 'must not contain control characters.';
  if (path.includes('\\')) return 'must not contain a backslash.';
  if (path.startsWith('/')) return 'must be relative to the artifact root.';
  // A scheme (`s3:`, `file:`) or a Windows drive (`C:`): both name a place outside the root.
  if (/^[a-zA-Z][\w+.-]*:/.test(path)) return 'must not be a URI.';
  if (hasDotSegment(path)) return 'must not contain "." or ".." segments.';
  return undefined;
}

export function splitTarget(rawUrl: string): { path: string; query: string } {
  const q = rawUrl.indexOf('?');
  return q === -1
    ? { path: rawUrl, query: '' }
    : { path: rawUrl.slice(0, q), query: rawUrl.slice(q + 1) };
}

function hasDotSegment(path: string): boolean {
  return path.split('/').some((segment) => segment === '.' || segment === '..');
}
