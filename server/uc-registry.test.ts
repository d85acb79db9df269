import { describe, expect, it } from 'vitest';
import { ENDPOINTS, matchEndpoint, UC_MAPPED_ENDPOINTS } from './endpoints.ts';
import {
  isWorkspaceRegistryPath,
  mapToUnityCatalog,
  singleCondition,
  type UcRejection,
  type UcRequest,
} from './uc-registry.ts';

const M = '/api/2.0/mlflow';
const UC = '/api/2.0/mlflow/unity-catalog';
const NAME = 'main.ml.churn';

function map(
  method: string,
  path: string,
  query: Record<string, string | string[]> = {},
  body?: unknown,
) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) q.append(key, v);
  }
  return mapToUnityCatalog({
    method,
    path,
    query: q.toString(),
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function mapped(
  result: ReturnType<typeof map>,
): UcRequest & { json: unknown; params: Record<string, string[]> } {
  if (!result || 'error_code' in result)
    throw new Error(`expected a mapping, got ${JSON.stringify(result)}`);
  const params: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(result.query)) (params[key] ??= []).push(value);
  return {
    ...result,
    json: result.body === undefined ? undefined : JSON.parse(result.body),
    params,
  };
}

function refused(result: ReturnType<typeof map>): UcRejection {
  if (!result || !('error_code' in result))
    throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  expect(result.status).toBe(400);
  expect(result.error_code).toBe('INVALID_PARAMETER_VALUE');
  return result;
}

// Every registry call the SPA makes (src/api/registry.ts, src/api/registry-history.ts through it),
// as it sends it, and the Unity Catalog request it must become.
describe('the registry calls the SPA makes, mapped to Unity Catalog', () => {
  it('searchRegisteredModels without filter or order: UC search with the page size and token', () => {
    const out = mapped(
      map('GET', `${M}/registered-models/search`, { max_results: '100', page_token: 'tok' }),
    );
    expect(out).toMatchObject({
      method: 'GET',
      path: `${UC}/registered-models/search`,
      body: undefined,
    });
    expect(out.params).toEqual({ max_results: ['100'], page_token: ['tok'] });
  });

  it('getRegisteredModel: UC get with the name in the query', () => {
    const out = mapped(map('GET', `${M}/registered-models/get`, { name: NAME }));
    expect(out).toMatchObject({ method: 'GET', path: `${UC}/registered-models/get` });
    expect(out.params).toEqual({ name: [NAME] });
  });

  it('searchAllModelVersions: UC versions search with one name condition, written as the client does', () => {
    const out = mapped(
      map('GET', `${M}/model-versions/search`, { filter: `name = '${NAME}'`, max_results: '1000' }),
    );
    expect(out).toMatchObject({ method: 'GET', path: `${UC}/model-versions/search` });
    expect(out.params).toEqual({ filter: [`name='${NAME}'`], max_results: ['1000'] });
  });

  it('a versions search by run id passes (the other condition UC takes)', () => {
    const out = mapped(map('GET', `${M}/model-versions/search`, { filter: `run_id="abc123"` }));
    expect(out.params).toEqual({ filter: [`run_id='abc123'`] });
  });

  it('getModelVersion and get-download-uri: UC get with name and version in the query', () => {
    for (const op of ['get', 'get-download-uri']) {
      const out = mapped(map('GET', `${M}/model-versions/${op}`, { name: NAME, version: '3' }));
      expect(out).toMatchObject({ method: 'GET', path: `${UC}/model-versions/${op}` });
      expect(out.params).toEqual({ name: [NAME], version: ['3'] });
    }
  });

  it('the version an alias points at: UC alias GET', () => {
    const out = mapped(
      map('GET', `${M}/registered-models/alias`, { name: NAME, alias: 'champion' }),
    );
    expect(out).toMatchObject({ method: 'GET', path: `${UC}/registered-models/alias` });
    expect(out.params).toEqual({ name: [NAME], alias: ['champion'] });
  });

  it.each([
    [
      'updateRegisteredModel',
      'PATCH',
      'registered-models/update',
      { name: NAME, description: 'd' },
    ],
    ['deleteRegisteredModel', 'DELETE', 'registered-models/delete', { name: NAME }],
    [
      'setRegisteredModelTag',
      'POST',
      'registered-models/set-tag',
      { name: NAME, key: 'k', value: 'v' },
    ],
    [
      'deleteRegisteredModelTag',
      'DELETE',
      'registered-models/delete-tag',
      { name: NAME, key: 'k' },
    ],
    [
      'setModelAlias',
      'POST',
      'registered-models/alias',
      { name: NAME, alias: 'champion', version: '2' },
    ],
    ['deleteModelAlias', 'DELETE', 'registered-models/alias', { name: NAME, alias: 'champion' }],
    ['createRegisteredModel', 'POST', 'registered-models/create', { name: NAME }],
    [
      'updateModelVersion',
      'PATCH',
      'model-versions/update',
      { name: NAME, version: '2', description: 'd' },
    ],
    ['deleteModelVersion', 'DELETE', 'model-versions/delete', { name: NAME, version: '2' }],
    [
      'setModelVersionTag',
      'POST',
      'model-versions/set-tag',
      { name: NAME, version: '2', key: 'k', value: 'v' },
    ],
    [
      'deleteModelVersionTag',
      'DELETE',
      'model-versions/delete-tag',
      { name: NAME, version: '2', key: 'k' },
    ],
  ] as const)(
    '%s: the same method on the UC twin, the same JSON body (DELETE too)',
    (_fn, method, op, body) => {
      const out = mapped(map(method, `${M}/${op}`, {}, body));
      expect(out.method).toBe(method);
      expect(out.path).toBe(`${UC}/${op}`);
      expect(out.json).toEqual(body);
      expect(out.query).toBe('');
    },
  );

  it('renameRegisteredModel: a PATCH to UC update with new_name (UC has no rename endpoint)', () => {
    const out = mapped(
      map('POST', `${M}/registered-models/rename`, {}, { name: NAME, new_name: 'main.ml.churn2' }),
    );
    expect(out.method).toBe('PATCH');
    expect(out.path).toBe(`${UC}/registered-models/update`);
    expect(out.json).toEqual({ name: NAME, new_name: 'main.ml.churn2' });
  });

  it('sends version numbers as strings, as UC protos spell them', () => {
    const out = mapped(map('DELETE', `${M}/model-versions/delete`, {}, { name: NAME, version: 7 }));
    expect(out.json).toEqual({ name: NAME, version: '7' });
  });

  it('maps the /ajax-api spelling of a registry call to the /api UC path', () => {
    const out = mapped(map('GET', '/ajax-api/2.0/mlflow/registered-models/get', { name: NAME }));
    expect(out.path).toBe(`${UC}/registered-models/get`);
  });
});

describe('what Unity Catalog does not do, refused in MLflow client words', () => {
  it('refuses a stage transition, pointing at aliases', () => {
    const r = refused(
      map(
        'POST',
        `${M}/model-versions/transition-stage`,
        {},
        {
          name: NAME,
          version: '1',
          stage: 'Production',
          archive_existing_versions: true,
        },
      ),
    );
    expect(r.message).toMatch(
      /^Method 'transition_model_version_stage' is unsupported for models in the Unity Catalog\..*aliases/,
    );
  });

  it('refuses get-latest-versions, by GET and by POST', () => {
    for (const method of ['GET', 'POST']) {
      const r = refused(
        map(
          method,
          `${M}/registered-models/get-latest-versions`,
          { name: NAME },
          method === 'POST' ? { name: NAME } : undefined,
        ),
      );
      expect(r.message).toMatch(
        /^Method 'get_latest_versions' is unsupported for models in the Unity Catalog/,
      );
    }
  });

  it('refuses a models search with a filter or an order', () => {
    expect(
      refused(map('GET', `${M}/registered-models/search`, { filter: "name ILIKE '%a%'" })).message,
    ).toBe("Argument 'filter_string' is unsupported for models in the Unity Catalog.");
    expect(
      refused(map('GET', `${M}/registered-models/search`, { order_by: ['name ASC'] })).message,
    ).toBe("Argument 'order_by' is unsupported for models in the Unity Catalog.");
  });

  it('lets an empty filter or order through (nothing is asked of UC)', () => {
    const out = mapped(map('GET', `${M}/registered-models/search`, { filter: ' ', order_by: '' }));
    expect(out.path).toBe(`${UC}/registered-models/search`);
  });

  it('refuses a versions search with an order', () => {
    const r = refused(
      map('GET', `${M}/model-versions/search`, {
        filter: `name='${NAME}'`,
        order_by: ['version_number DESC'],
      }),
    );
    expect(r.message).toBe("Argument 'order_by' is unsupported for models in the Unity Catalog.");
  });

  it.each([
    `name='${NAME}' AND run_id='x'`,
    `name LIKE 'main.ml.%'`,
    `tags.k='v'`,
    `name='${NAME}' OR name='a.b.c'`,
    `name='a'b.c.d'`,
    `run_id = 'x' and name = 'a.b.c'`,
  ])('refuses the versions filter %s (UC takes one name or run_id condition)', (filter) => {
    const r = refused(map('GET', `${M}/model-versions/search`, { filter }));
    expect(r.message).toContain('one condition');
  });

  it.each([
    ['GET', 'registered-models/get', { name: 'churn' }, undefined],
    ['GET', 'model-versions/get', { name: 'ml.churn', version: '1' }, undefined],
    ['GET', 'model-versions/search', { filter: "name='churn'" }, undefined],
    ['POST', 'registered-models/create', {}, { name: 'a.b.c.d' }],
    ['POST', 'registered-models/rename', {}, { name: NAME, new_name: 'churn2' }],
    ['DELETE', 'model-versions/delete', {}, { name: 'a..b', version: '1' }],
  ] as const)(
    'refuses a name that is not catalog.schema.model: %s %s',
    (method, op, query, body) => {
      const r = refused(map(method, `${M}/${op}`, query, body));
      expect(r.message).toMatch(/Specify all three levels: catalog\.schema\.model\.$/);
    },
  );

  it('refuses creating a version (an upload with storage credentials), naming register_model', () => {
    const r = refused(
      map(
        'POST',
        `${M}/model-versions/create`,
        {},
        { name: NAME, source: 'runs:/r/model', run_id: 'r' },
      ),
    );
    expect(r.message).toContain('mlflow.register_model(');
  });

  it('refuses a body that is not a JSON object', () => {
    for (const body of ['{', '[1]', '"x"', 'null']) {
      expect(refused(map('POST', `${M}/registered-models/set-tag`, {}, body)).message).toBe(
        'The request body must be a JSON object.',
      );
    }
  });
});

describe('scope', () => {
  it('maps only workspace-registry paths', () => {
    expect(isWorkspaceRegistryPath(`${M}/registered-models/search`)).toBe(true);
    expect(isWorkspaceRegistryPath(`/ajax-api/2.0/mlflow/model-versions/get`)).toBe(true);
    expect(isWorkspaceRegistryPath(`${M}/runs/search`)).toBe(false);
    expect(isWorkspaceRegistryPath(`${UC}/registered-models/search`)).toBe(false);
    expect(isWorkspaceRegistryPath('/model-versions/get-artifact')).toBe(false);
    expect(map('POST', `${M}/runs/search`, {}, {})).toBeUndefined();
  });

  it('has a UC twin or a refusal for every workspace-registry endpoint in the allow-list', () => {
    const registry = ENDPOINTS.filter((e) => isWorkspaceRegistryPath(e.path));
    expect(registry.length).toBeGreaterThan(20);
    for (const e of registry) {
      const body = e.method === 'GET' ? undefined : { name: NAME, version: '1', new_name: NAME };
      const out = map(e.method, e.path, e.method === 'GET' ? { name: NAME } : {}, body);
      expect(out, `${e.method} ${e.path}`).toBeDefined();
      if (out && !('error_code' in out)) {
        expect(UC_MAPPED_ENDPOINTS).toContainEqual(
          expect.objectContaining({ method: out.method, path: out.path, access: e.access }),
        );
      }
    }
  });

  it('lists only UC registry endpoints as mapped targets, none that hand out credentials', () => {
    for (const e of UC_MAPPED_ENDPOINTS) {
      expect(e.path).toMatch(
        /^\/api\/2\.0\/mlflow\/unity-catalog\/(?:registered-models|model-versions)\//,
      );
      expect(e.path).not.toMatch(/credentials|finalize|upload|model-versions\/create/);
    }
  });

  it('never lets the browser call a UC endpoint directly', () => {
    for (const e of UC_MAPPED_ENDPOINTS) {
      expect(matchEndpoint(e.method, e.path).kind, e.path).toBe('not-found');
    }
  });
});

describe('singleCondition', () => {
  it('reads one name or run_id condition in either quote', () => {
    expect(singleCondition(`name = 'a.b.c'`)).toEqual({ key: 'name', value: 'a.b.c' });
    expect(singleCondition(` run_id="r1" `)).toEqual({ key: 'run_id', value: 'r1' });
  });

  it('reads nothing else', () => {
    expect(singleCondition(`name = "it's"`)).toBeUndefined();
    expect(singleCondition(`version = '1'`)).toBeUndefined();
    expect(singleCondition(`name = a.b.c`)).toBeUndefined();
  });
});
