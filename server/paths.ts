/** Why a request target was refused; becomes an MLflow-shaped JSON error. */
export interface TargetRejection {
  status: 400 | 404;
  errorCode: 'INVALID_REQUEST_TARGET' | 'ENDPOINT_NOT_FOUND';
  message: string;
}

const FORWARDED: readonly RegExp[] = [
  /^\/(?:api|ajax-api)\/[23]\.0\/mlflow\/[^/]/,
  /^\/api\/2\.0\/mlflow-artifacts\/[^/]/,
  /^\/get-artifact$/,
  /^\/model-versions\/get-artifact$/,
];

// MLflow's own onward proxy to model gateways: a second hop the UI never needs.
const NEVER_FORWARDED: readonly RegExp[] = [
  /^\/(?:api|ajax-api)\/[23]\.0\/mlflow\/gateway-proxy(?:\/|$)/,
];

/** Query parameters that name a file inside an artifact store. */
const PATH_PARAMS = ['path', 'artifact_file_path'];

const invalid = (message: string): TargetRejection => ({
  status: 400,
  errorCode: 'INVALID_REQUEST_TARGET',
  message,
});

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
  const layers = decodeLayers(path);
  if (!layers) return invalid('The path is not valid percent-encoding.');
  for (const layer of layers) {
    if (hasDotSegment(layer)) return invalid('Paths must not contain "." or ".." segments.');
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (/[\\\u0000-\u001f\u007f]/.test(layer)) {
      return invalid('Encoded backslashes and control characters are not allowed in paths.');
    }
  }
  return undefined;
}

/** Stricter checks for what we forward to MLflow, then the allow-list itself. */
export function checkProxyTarget(rawUrl: string): TargetRejection | undefined {
  const { path, query } = splitTarget(rawUrl);
  if (/%2f/i.test(path)) return invalid('Encoded slashes are not allowed in API paths.');
  if (path.includes('//')) return invalid('Empty path segments are not allowed in API paths.');
  if (!FORWARDED.some((re) => re.test(path)) || NEVER_FORWARDED.some((re) => re.test(path))) {
    return {
      status: 404,
      errorCode: 'ENDPOINT_NOT_FOUND',
      message: `${path} is not an MLflow API path that Parallax forwards.`,
    };
  }
  const params = new URLSearchParams(query);
  for (const name of PATH_PARAMS) {
    for (const value of params.getAll(name)) {
      if (hasDotSegment(value.replaceAll('\\', '/'))) {
        return invalid(`The ${name} parameter must not contain ".." segments.`);
      }
    }
  }
  return undefined;
}

export function splitTarget(rawUrl: string): { path: string; query: string } {
  const q = rawUrl.indexOf('?');
  return q === -1
    ? { path: rawUrl, query: '' }
    : { path: rawUrl.slice(0, q), query: rawUrl.slice(q + 1) };
}

// Each layer is one more round of percent-decoding, until nothing changes (bounded: a hostile
// target could nest encodings, and a server behind MLflow might decode more than once).
function decodeLayers(path: string): string[] | undefined {
  const layers = [path];
  let current = path;
  for (let i = 0; i < 4 && current.includes('%'); i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return i === 0 ? undefined : layers;
    }
    layers.push(current);
  }
  return layers;
}

function hasDotSegment(path: string): boolean {
  return path.split('/').some((segment) => segment === '.' || segment === '..');
}
