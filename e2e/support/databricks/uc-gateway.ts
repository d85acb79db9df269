// The Unity Catalog registry of the emulated Databricks workspace. No workspace can be reached from
// the tests, so the workspace's gateway (workspace.ts) hands every call under
// `/api/2.0/mlflow/unity-catalog/` to translateUcRequest: the call becomes its open-source twin on
// the suite's real `mlflow server` (`/api/2.0/mlflow/registered-models/…`, `model-versions/…`),
// or is refused the way Unity Catalog refuses it (only catalog.schema.model names, no filter or
// order on a models search, one condition and no order on a versions search, no stages). The
// answers are MLflow's own; reshapeOssAnswer takes out what UC never returns (stages).
// Pure: no I/O, so the rules are unit-tested (uc-gateway.test.ts).

/** A call as the gateway received it (query parsed, body parsed JSON or undefined). */
export interface UcGatewayRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** The gateway's answer instead of MLflow's. */
export interface UcGatewayError {
  status: number;
  error_code: string;
  message: string;
}

export type UcGatewayTranslation = UcGatewayRequest | UcGatewayError;

const UC_PATH = /^\/(api|ajax-api)\/2\.0\/mlflow\/unity-catalog\/(.+)$/;

const invalid = (message: string): UcGatewayError => ({
  status: 400,
  error_code: 'INVALID_PARAMETER_VALUE',
  message,
});
// What the workspace answers for a path it has no API for (stages included: UC has no stage route).
const noSuchApi = (method: string, path: string): UcGatewayError => ({
  status: 404,
  error_code: 'ENDPOINT_NOT_FOUND',
  message: `No API found for '${method} ${path}'`,
});

/** How one UC endpoint reaches open-source MLflow. */
interface Route {
  method: string;
  /** The OSS path after /mlflow/. */
  oss: string;
  /** Where its model name is: the query (GET) or the JSON body. */
  from: 'query' | 'body';
  check?: (req: UcGatewayRequest) => UcGatewayError | undefined;
}

// Keyed by method and the path after /unity-catalog/, as UC's registry service lists them.
const ROUTES: Record<string, Route> = {
  // UC's search request has max_results and page_token only.
  'GET registered-models/search': {
    method: 'GET',
    oss: 'registered-models/search',
    from: 'query',
    check: ({ query }) => {
      for (const key of ['filter', 'order_by']) {
        if (query.getAll(key).some((v) => v.trim() !== '')) {
          return invalid(
            `Unity Catalog does not support '${key}' when searching registered models.`,
          );
        }
      }
      return undefined;
    },
  },
  'GET registered-models/get': { method: 'GET', oss: 'registered-models/get', from: 'query' },
  'POST registered-models/create': {
    method: 'POST',
    oss: 'registered-models/create',
    from: 'body',
  },
  // Rename is update with new_name in UC; open-source MLflow has a rename endpoint for it.
  'PATCH registered-models/update': {
    method: 'PATCH',
    oss: 'registered-models/update',
    from: 'body',
  },
  'DELETE registered-models/delete': {
    method: 'DELETE',
    oss: 'registered-models/delete',
    from: 'body',
  },
  'POST registered-models/set-tag': {
    method: 'POST',
    oss: 'registered-models/set-tag',
    from: 'body',
  },
  'DELETE registered-models/delete-tag': {
    method: 'DELETE',
    oss: 'registered-models/delete-tag',
    from: 'body',
  },
  'POST registered-models/alias': { method: 'POST', oss: 'registered-models/alias', from: 'body' },
  'DELETE registered-models/alias': {
    method: 'DELETE',
    oss: 'registered-models/alias',
    from: 'body',
  },
  'GET registered-models/alias': { method: 'GET', oss: 'registered-models/alias', from: 'query' },
  // UC's versions search takes exactly one condition, on the name or the run, and no order.
  'GET model-versions/search': {
    method: 'GET',
    oss: 'model-versions/search',
    from: 'query',
    check: ({ query }) => {
      if (query.getAll('order_by').some((v) => v.trim() !== '')) {
        return invalid("Unity Catalog does not support 'order_by' when searching model versions.");
      }
      const filter = query.get('filter') ?? '';
      const match = /^\s*(name|run_id)\s*=\s*'([^']*)'\s*$/.exec(filter);
      if (!match) {
        return invalid(
          `Unity Catalog searches model versions by one condition, name='<catalog>.<schema>.<model>' or run_id='<run id>'; got "${filter}".`,
        );
      }
      return match[1] === 'name' ? nameError(match[2] ?? '') : undefined;
    },
  },
  'GET model-versions/get': { method: 'GET', oss: 'model-versions/get', from: 'query' },
  'GET model-versions/get-download-uri': {
    method: 'GET',
    oss: 'model-versions/get-download-uri',
    from: 'query',
  },
  // MLflow's client creates a UC version and then finalizes it; open-source MLflow's create is
  // the whole registration, so finalize has nothing left to do but say what the version is.
  'POST model-versions/create': { method: 'POST', oss: 'model-versions/create', from: 'body' },
  'PATCH model-versions/update': { method: 'PATCH', oss: 'model-versions/update', from: 'body' },
  'DELETE model-versions/delete': {
    method: 'DELETE',
    oss: 'model-versions/delete',
    from: 'body',
  },
  'POST model-versions/set-tag': { method: 'POST', oss: 'model-versions/set-tag', from: 'body' },
  'DELETE model-versions/delete-tag': {
    method: 'DELETE',
    oss: 'model-versions/delete-tag',
    from: 'body',
  },
};

/**
 * The open-source request for a Unity Catalog registry call, or UC's refusal. Paths outside
 * `/unity-catalog/` are not this module's: they are answered as an unknown API.
 */
export function translateUcRequest(req: UcGatewayRequest): UcGatewayTranslation {
  const parts = UC_PATH.exec(req.path);
  const prefix = parts?.[1];
  const sub = parts?.[2];
  if (prefix === undefined || sub === undefined) return noSuchApi(req.method, req.path);

  // Updating a model with new_name is UC's rename: open-source MLflow's own rename endpoint.
  if (req.method === 'PATCH' && sub === 'registered-models/update' && hasNewName(req.body)) {
    const body = req.body as Record<string, unknown>;
    if ('description' in body) {
      return invalid('The emulated workspace renames or updates a description, not both at once.');
    }
    const problem = nameError(body.name) ?? nameError(body.new_name);
    if (problem) return problem;
    return {
      method: 'POST',
      path: `/${prefix}/2.0/mlflow/registered-models/rename`,
      query: new URLSearchParams(),
      body: { name: body.name, new_name: body.new_name },
    };
  }

  const route = ROUTES[`${req.method} ${sub}`];
  // Stage transitions, get-latest-versions and anything else UC lacks: no such API in UC.
  if (!route) return noSuchApi(req.method, req.path);

  let name: unknown;
  if (route.from === 'query') {
    name = req.query.get('name') ?? undefined;
  } else {
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      return invalid('The request body must be a JSON object.');
    }
    name = (req.body as Record<string, unknown>).name;
  }
  // A search has no name; every other call names its model, and UC knows only 3-level names.
  if (name !== undefined || !sub.endsWith('/search')) {
    const problem = nameError(name);
    if (problem) return problem;
  }
  const refused = route.check?.(req);
  if (refused) return refused;

  return {
    method: route.method,
    path: `/${prefix}/2.0/mlflow/${route.oss}`,
    query: new URLSearchParams(req.query),
    body: req.body,
  };
}

function hasNewName(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'new_name' in body;
}

/**
 * UC's refusal of a name that is not catalog.schema.model. UC's message asks to "specify all
 * three levels", the phrase MLflow's client looks for to hint at the legacy registry.
 */
function nameError(name: unknown): UcGatewayError | undefined {
  if (typeof name !== 'string' || name === '') {
    return invalid('Missing value for required parameter "name".');
  }
  const parts = name.split('.');
  if (parts.length === 3 && parts.every((p) => /^[^\s./\\]+$/.test(p))) return undefined;
  return invalid(
    `Invalid name '${name}': please specify all three levels of the name, <catalog>.<schema>.<model>.`,
  );
}

/**
 * An open-source answer as UC gives it: UC has no stages, so a version carries no current_stage
 * and a model no latest_versions (MLflow's UC client reads neither). Everything else is shaped
 * alike (names, versions as strings, aliases, tags). Returns a new object; the input is untouched.
 */
export function reshapeOssAnswer(answer: unknown): unknown {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return answer;
  const out: Record<string, unknown> = { ...(answer as Record<string, unknown>) };
  if (isObject(out.model_version)) out.model_version = withoutStage(out.model_version);
  if (Array.isArray(out.model_versions)) out.model_versions = out.model_versions.map(withoutStage);
  if (isObject(out.registered_model)) out.registered_model = withoutLatest(out.registered_model);
  if (Array.isArray(out.registered_models)) {
    out.registered_models = out.registered_models.map(withoutLatest);
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutStage(version: unknown): unknown {
  if (!isObject(version)) return version;
  const rest = { ...version };
  delete rest.current_stage;
  return rest;
}

function withoutLatest(model: unknown): unknown {
  if (!isObject(model)) return model;
  const rest = { ...model };
  delete rest.latest_versions;
  return rest;
}
