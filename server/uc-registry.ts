// The SPA calls the workspace registry (`/api/2.0/mlflow/registered-models/…`,
// `model-versions/…`) whatever the backend. When the backend's registry is Unity Catalog, the
// proxy sends each such call to its Unity Catalog twin (`/api/2.0/mlflow/unity-catalog/…`), the
// endpoints MLflow's own client uses with `databricks-uc`, or refuses it here with the error
// MLflow's client raises for what UC does not do. A pure policy: one request in, one request (or
// one refusal) out; the proxy (server/proxy.ts) applies it only where server/backend-info.ts found
// a Unity Catalog registry, never on open-source MLflow.

import { ucNameProblem } from '../src/lib/registry/unity-catalog.ts';
import { UC_MAPPED_ENDPOINTS, type Method } from './endpoints.ts';

/** A workspace-registry call as the browser sent it. */
export interface RegistryRequest {
  method: string;
  /** The request path, without its query (`/api/…` or `/ajax-api/…`). */
  path: string;
  /** The raw query string, without the `?`. */
  query: string;
  /** The raw body (JSON for POST, PATCH and DELETE), or undefined. */
  body: string | undefined;
}

/** The Unity Catalog request to send instead. */
export interface UcRequest {
  method: Method;
  path: string;
  /** Query string without the `?`; empty for none. */
  query: string;
  /** JSON text for POST, PATCH and DELETE; undefined for GET. */
  body: string | undefined;
}

/** An MLflow-shaped refusal, answered without asking the backend. */
export interface UcRejection {
  status: 400;
  error_code: 'INVALID_PARAMETER_VALUE';
  message: string;
}

const WORKSPACE =
  /^\/(?:api|ajax-api)\/2\.0\/mlflow\/((?:registered-models|model-versions)\/[^/]+)$/;
// Always the /api prefix: it is what MLflow's client calls, and the one Databricks documents.
const UC = '/api/2.0/mlflow/unity-catalog';

/** Whether `path` is a workspace-registry call, the only kind this policy maps. */
export function isWorkspaceRegistryPath(path: string): boolean {
  return WORKSPACE.test(path);
}

const refuse = (message: string): UcRejection => ({
  status: 400,
  error_code: 'INVALID_PARAMETER_VALUE',
  message,
});

// MLflow's client words (UcModelRegistryStore), so the user sees what the Python client would say.
const unsupportedMethod = (method: string) =>
  refuse(
    `Method '${method}' is unsupported for models in the Unity Catalog. Since Unity Catalog does ` +
      'not support stages, use aliases to mark versions for deployment.',
  );
const unsupportedArgument = (argument: string) =>
  refuse(`Argument '${argument}' is unsupported for models in the Unity Catalog.`);

type Source = 'query' | 'body';

/** How one workspace call becomes its UC twin. */
interface Rule {
  uc: Method;
  /** The UC path, under /api/2.0/mlflow/unity-catalog/. */
  ucPath: string;
  /** Where the call carries its model name (and, for rename, the new one). */
  names: Source;
  /** Extra checks and rewrites for this call; returns a refusal or the params to send. */
  adapt?: (params: Record<string, unknown>, query: URLSearchParams) => UcRejection | undefined;
}

// Keyed by method and the path after /mlflow/. A workspace call not listed here has no UC twin
// Parallax uses, and is refused by rejectUnmapped's rules or as unknown.
const RULES: Record<string, Rule> = {
  // Models search: UC takes only max_results and page_token (the proto has no filter or order).
  'GET registered-models/search': {
    uc: 'GET',
    ucPath: 'registered-models/search',
    names: 'query',
    adapt: (_params, query) => {
      if (nonEmpty(query, 'filter')) return unsupportedArgument('filter_string');
      if (nonEmpty(query, 'order_by')) return unsupportedArgument('order_by');
      return undefined;
    },
  },
  'GET registered-models/get': { uc: 'GET', ucPath: 'registered-models/get', names: 'query' },
  'GET registered-models/alias': { uc: 'GET', ucPath: 'registered-models/alias', names: 'query' },
  'POST registered-models/create': {
    uc: 'POST',
    ucPath: 'registered-models/create',
    names: 'body',
  },
  // UC has no rename endpoint: MLflow's client renames through update with `new_name`, a PATCH.
  'POST registered-models/rename': {
    uc: 'PATCH',
    ucPath: 'registered-models/update',
    names: 'body',
  },
  'PATCH registered-models/update': {
    uc: 'PATCH',
    ucPath: 'registered-models/update',
    names: 'body',
  },
  'DELETE registered-models/delete': {
    uc: 'DELETE',
    ucPath: 'registered-models/delete',
    names: 'body',
  },
  'POST registered-models/set-tag': {
    uc: 'POST',
    ucPath: 'registered-models/set-tag',
    names: 'body',
  },
  'DELETE registered-models/delete-tag': {
    uc: 'DELETE',
    ucPath: 'registered-models/delete-tag',
    names: 'body',
  },
  'POST registered-models/alias': { uc: 'POST', ucPath: 'registered-models/alias', names: 'body' },
  'DELETE registered-models/alias': {
    uc: 'DELETE',
    ucPath: 'registered-models/alias',
    names: 'body',
  },
  // Versions search: one condition, name='c.s.m' or run_id='…', and no order (UC's proto).
  'GET model-versions/search': {
    uc: 'GET',
    ucPath: 'model-versions/search',
    names: 'query',
    adapt: (_params, query) => {
      if (nonEmpty(query, 'order_by')) return unsupportedArgument('order_by');
      const filter = query.get('filter');
      if (filter === null || filter.trim() === '') return undefined; // UC answers for itself
      const condition = singleCondition(filter);
      if (!condition) {
        return refuse(
          'Unity Catalog searches model versions by one condition, ' +
            `name='catalog.schema.model' or run_id='…'; got: ${filter}`,
        );
      }
      if (condition.key === 'name') {
        const problem = nameProblem(condition.value);
        if (problem) return problem;
      }
      // Written the way MLflow's client writes it, without spaces around `=`.
      query.set('filter', `${condition.key}='${condition.value}'`);
      return undefined;
    },
  },
  'GET model-versions/get': { uc: 'GET', ucPath: 'model-versions/get', names: 'query' },
  'GET model-versions/get-download-uri': {
    uc: 'GET',
    ucPath: 'model-versions/get-download-uri',
    names: 'query',
  },
  'PATCH model-versions/update': { uc: 'PATCH', ucPath: 'model-versions/update', names: 'body' },
  'DELETE model-versions/delete': {
    uc: 'DELETE',
    ucPath: 'model-versions/delete',
    names: 'body',
  },
  'POST model-versions/set-tag': { uc: 'POST', ucPath: 'model-versions/set-tag', names: 'body' },
  'DELETE model-versions/delete-tag': {
    uc: 'DELETE',
    ucPath: 'model-versions/delete-tag',
    names: 'body',
  },
};

/** Workspace calls UC has no twin for, refused in the words of MLflow's client. */
function rejectUnmapped(method: string, sub: string): UcRejection | undefined {
  if (sub === 'model-versions/transition-stage') {
    return unsupportedMethod('transition_model_version_stage');
  }
  if (sub === 'registered-models/get-latest-versions') {
    return unsupportedMethod('get_latest_versions');
  }
  // A UC version is created by uploading the model's files with short-lived storage credentials,
  // then finalizing (MLflow's client does all of it); the browser must not hold those credentials.
  if (method === 'POST' && sub === 'model-versions/create') {
    return refuse(
      'Creating a model version in the Unity Catalog uploads the model files with storage ' +
        'credentials; register it with mlflow.register_model("runs:/<run_id>/<path>", ' +
        '"catalog.schema.model") instead.',
    );
  }
  return undefined;
}

/**
 * The Unity Catalog request for a workspace-registry call, or the refusal MLflow's client would
 * give. Undefined when `path` is not a workspace-registry call (the proxy then forwards as is).
 */
export function mapToUnityCatalog(request: RegistryRequest): UcRequest | UcRejection | undefined {
  const sub = WORKSPACE.exec(request.path)?.[1];
  if (sub === undefined) return undefined;
  const unmapped = rejectUnmapped(request.method, sub);
  if (unmapped) return unmapped;
  const rule = RULES[`${request.method} ${sub}`];
  // Listed in the allow-list but without a UC twin here: refuse rather than hit the legacy registry.
  if (!rule) return refuse(`${request.method} ${sub} has no Unity Catalog equivalent.`);

  const query = new URLSearchParams(request.query);
  let params: Record<string, unknown> = {};
  if (rule.names === 'body') {
    const parsed = parseBody(request.body);
    if (!parsed) return refuse('The request body must be a JSON object.');
    params = parsed;
  } else {
    for (const [key, value] of query) params[key] = value;
  }

  // Only 3-level names exist in UC; a shorter one would be expanded by a Spark session Parallax
  // does not have, so it is refused rather than guessed.
  for (const key of ['name', 'new_name']) {
    const value = params[key];
    if (typeof value === 'string') {
      const problem = nameProblem(value);
      if (problem) return problem;
    }
  }

  const refused = rule.adapt?.(params, query);
  if (refused) return refused;

  const ucPath = `${UC}/${rule.ucPath}`;
  // A mapped target outside the list of UC endpoints would be a bug in RULES: refuse, never forward.
  if (!UC_MAPPED_ENDPOINTS.some((e) => e.method === rule.uc && e.path === ucPath)) {
    return refuse(`${rule.uc} ${ucPath} is not a Unity Catalog endpoint Parallax forwards.`);
  }
  if (rule.uc === 'GET')
    return { method: 'GET', path: ucPath, query: query.toString(), body: undefined };
  // UC's protos spell version numbers as strings; a number from any client is sent as one.
  if (typeof params.version === 'number') params.version = String(params.version);
  // POST, PATCH and DELETE carry JSON bodies, DELETE included, as MLflow's client sends them.
  return { method: rule.uc, path: ucPath, query: query.toString(), body: JSON.stringify(params) };
}

export function isUcRejection(value: UcRequest | UcRejection): value is UcRejection {
  return 'error_code' in value;
}

function nameProblem(name: string): UcRejection | undefined {
  const problem = ucNameProblem(name);
  // "specify all three levels": the phrase UC's own error uses, which MLflow's client recognises.
  return problem ? refuse(`${problem} Specify all three levels: catalog.schema.model.`) : undefined;
}

function nonEmpty(query: URLSearchParams, key: string): boolean {
  return query.getAll(key).some((value) => value.trim() !== '');
}

function parseBody(body: string | undefined): Record<string, unknown> | undefined {
  if (body === undefined || body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? { ...(parsed as Record<string, unknown>) }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The one condition of a UC versions filter, `name = 'x'` or `run_id = "x"`, or undefined for
 * anything else (AND, LIKE, other keys, a quote inside the value).
 */
export function singleCondition(
  filter: string,
): { key: 'name' | 'run_id'; value: string } | undefined {
  const match = /^\s*(name|run_id)\s*=\s*(?:'([^']*)'|"([^"]*)")\s*$/.exec(filter);
  if (!match) return undefined;
  const value = match[2] ?? match[3] ?? '';
  // Single quotes wrap the value sent on; a value holding one cannot be written that way.
  if (value.includes("'")) return undefined;
  return { key: match[1] === 'name' ? 'name' : 'run_id', value };
}
