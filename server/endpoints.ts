/**
 * The MLflow endpoints Parallax forwards: one table of method + path, nothing else passes.
 *
 * Every entry is something the SPA calls (a unit test scans src/api/ for that), or something run
 * comparison and the model registry will need. Paths are exact, except where MLflow itself puts a
 * parameter in the path (a logged model's id, a file inside the artifact store); there a `{name}`
 * stands for one path segment and `{name+}` for one or more. There is no prefix wildcard.
 *
 * `access` says what the call does to MLflow's state, not which HTTP method it uses: runs/search
 * is a POST that only reads. `PARALLAX_READ_ONLY=1` refuses every 'write' entry.
 */

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Access = 'read' | 'write';

export interface Endpoint {
  method: Method;
  /** As MLflow serves it; `/api/2.0/…` entries are also matched under `/ajax-api/2.0/…`. */
  path: string;
  access: Access;
}

const r = (method: Method, path: string): Endpoint => ({ method, path, access: 'read' });
const w = (method: Method, path: string): Endpoint => ({ method, path, access: 'write' });

const M = '/api/2.0/mlflow';
const UC = `${M}/unity-catalog`;

export const ENDPOINTS: readonly Endpoint[] = [
  // Experiments. search takes both verbs in MLflow; the SPA POSTs so filters stay out of URLs.
  r('POST', `${M}/experiments/search`),
  r('GET', `${M}/experiments/search`),
  r('GET', `${M}/experiments/get`),
  r('GET', `${M}/experiments/get-by-name`),
  w('POST', `${M}/experiments/create`),
  w('POST', `${M}/experiments/update`),
  w('POST', `${M}/experiments/delete`),
  w('POST', `${M}/experiments/restore`),
  w('POST', `${M}/experiments/set-experiment-tag`),
  w('POST', `${M}/experiments/delete-experiment-tag`),

  // Runs: what the UI reads and edits. No runs/create, log-*, or outputs: a UI logs nothing.
  r('POST', `${M}/runs/search`),
  r('GET', `${M}/runs/get`),
  w('POST', `${M}/runs/update`),
  w('POST', `${M}/runs/delete`),
  w('POST', `${M}/runs/restore`),
  w('POST', `${M}/runs/set-tag`),
  w('POST', `${M}/runs/delete-tag`),

  // Metric histories (charts, run comparison).
  r('GET', `${M}/metrics/get-history`),
  r('GET', `${M}/metrics/get-history-bulk-interval`),

  // Run artifacts: listing and downloading only. No upload-artifact, PUT or DELETE.
  r('GET', `${M}/artifacts/list`),
  r('GET', '/get-artifact'),
  r('GET', '/model-versions/get-artifact'),
  r('GET', '/api/2.0/mlflow-artifacts/artifacts/{path+}'),

  // Workspace model registry.
  r('GET', `${M}/registered-models/search`),
  r('GET', `${M}/registered-models/get`),
  r('GET', `${M}/registered-models/get-latest-versions`),
  r('POST', `${M}/registered-models/get-latest-versions`),
  r('GET', `${M}/registered-models/alias`),
  w('POST', `${M}/registered-models/create`),
  w('POST', `${M}/registered-models/rename`),
  w('PATCH', `${M}/registered-models/update`),
  w('DELETE', `${M}/registered-models/delete`),
  w('POST', `${M}/registered-models/set-tag`),
  w('DELETE', `${M}/registered-models/delete-tag`),
  w('POST', `${M}/registered-models/alias`),
  w('DELETE', `${M}/registered-models/alias`),
  r('GET', `${M}/model-versions/search`),
  r('GET', `${M}/model-versions/get`),
  r('GET', `${M}/model-versions/get-download-uri`),
  w('POST', `${M}/model-versions/create`),
  w('PATCH', `${M}/model-versions/update`),
  w('DELETE', `${M}/model-versions/delete`),
  w('POST', `${M}/model-versions/transition-stage`),
  w('POST', `${M}/model-versions/set-tag`),
  w('DELETE', `${M}/model-versions/delete-tag`),

  // Unity Catalog: not listed here, since the SPA never calls it. The proxy sends the workspace
  // registry calls above to their UC twins when the backend's registry is Unity Catalog
  // (server/uc-registry.ts); those targets are allowed through UC_MAPPED_ENDPOINTS below.

  // Logged models (MLflow 3): browsing only. `{id}` also matches "search" for GET, which MLflow
  // answers as an unknown model: still a read.
  r('POST', `${M}/logged-models/search`),
  r('GET', `${M}/logged-models/{id}`),
  r('GET', `${M}/logged-models/{id}/artifacts/directories`),
  // MLflow registers this download route under /ajax-api only.
  r('GET', '/ajax-api/2.0/mlflow/logged-models/{id}/artifacts/files'),
];

/**
 * The Unity Catalog registry endpoints (through MLflow, Databricks) that server/uc-registry.ts maps
 * the workspace registry calls to. Not in ENDPOINTS, so matchEndpoint refuses a browser calling
 * them directly: a request is first allowed as the workspace call the SPA makes, and only then
 * mapped, and the map forwards nothing outside this list. Creating a UC version is a four-step
 * upload protocol (temporary credentials, cloud upload, finalize) that a web UI does not do, so
 * model-versions/create, generate-temporary-credentials and finalize are absent.
 */
export const UC_MAPPED_ENDPOINTS: readonly Endpoint[] = [
  r('GET', `${UC}/registered-models/search`),
  r('GET', `${UC}/registered-models/get`),
  r('GET', `${UC}/registered-models/alias`),
  w('POST', `${UC}/registered-models/create`),
  w('PATCH', `${UC}/registered-models/update`),
  w('DELETE', `${UC}/registered-models/delete`),
  w('POST', `${UC}/registered-models/set-tag`),
  w('DELETE', `${UC}/registered-models/delete-tag`),
  w('POST', `${UC}/registered-models/alias`),
  w('DELETE', `${UC}/registered-models/alias`),
  r('GET', `${UC}/model-versions/search`),
  r('GET', `${UC}/model-versions/get`),
  r('GET', `${UC}/model-versions/get-download-uri`),
  w('PATCH', `${UC}/model-versions/update`),
  w('DELETE', `${UC}/model-versions/delete`),
  w('POST', `${UC}/model-versions/set-tag`),
  w('DELETE', `${UC}/model-versions/delete-tag`),
];

/** What the table says about one method + decoded path. */
export type EndpointMatch =
  | { kind: 'allowed'; endpoint: Endpoint }
  /** The path is listed, but not for this method; `allowed` names the methods that are. */
  | { kind: 'method-not-allowed'; allowed: Method[] }
  | { kind: 'not-found' };

// One segment of an id: MLflow's logged-model ids are `m-<hex>`; anything with other characters
// is not an id Parallax needs to forward.
const ID_SEGMENT = '[A-Za-z0-9_-]{1,256}';
// A file inside the artifact store: one or more non-empty segments. Dot segments, backslashes,
// control characters and encoded slashes never get this far (server/paths.ts refuses them first).
const PATH_SEGMENTS = '[^/]+(?:/[^/]+)*';

interface Compiled {
  endpoint: Endpoint;
  re: RegExp;
}

function compile(path: string): RegExp {
  const source = path
    .split(/(\{[a-z]+\+?\})/)
    .map((part) => {
      if (part.endsWith('+}')) return PATH_SEGMENTS;
      if (part.startsWith('{')) return ID_SEGMENT;
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

const COMPILED: readonly Compiled[] = ENDPOINTS.map((endpoint) => ({
  endpoint,
  re: compile(endpoint.path),
}));

// MLflow serves every REST endpoint under both prefixes with the same handler (the official UI uses
// /ajax-api, the Python client /api), so a listed /api/2.0/ path is matched under either.
function canonical(path: string): string {
  return path.startsWith('/ajax-api/2.0/')
    ? `/api/2.0/${path.slice('/ajax-api/2.0/'.length)}`
    : path;
}

/** Looks a request up in the table; `path` is the request path without its query. */
export function matchEndpoint(method: string, path: string): EndpointMatch {
  const candidates = [path, canonical(path)];
  const listed = COMPILED.filter(({ re, endpoint }) =>
    candidates.some(
      (candidate) =>
        re.test(candidate) &&
        // An /ajax-api-only route (written with /ajax-api in the table) is not served under /api.
        (candidate === path || endpoint.path.startsWith('/api/')),
    ),
  );
  const hit = listed.find(({ endpoint }) => endpoint.method === method);
  if (hit) return { kind: 'allowed', endpoint: hit.endpoint };
  if (listed.length > 0) {
    return {
      kind: 'method-not-allowed',
      allowed: [...new Set(listed.map(({ endpoint }) => endpoint.method))],
    };
  }
  return { kind: 'not-found' };
}
