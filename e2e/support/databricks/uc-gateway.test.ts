import { describe, expect, it } from 'vitest';
import { mapToUnityCatalog } from '../../../server/uc-registry';
import {
  reshapeOssAnswer,
  translateUcRequest,
  type UcGatewayError,
  type UcGatewayRequest,
} from './uc-gateway';

const UC = '/api/2.0/mlflow/unity-catalog';
const OSS = '/api/2.0/mlflow';
const NAME = 'main.ml.churn';

const req = (
  method: string,
  sub: string,
  query: Readonly<Record<string, string | undefined>> = {},
  body?: unknown,
): UcGatewayRequest => ({
  method,
  path: `${UC}/${sub}`,
  query: new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
  ),
  body,
});

function forwarded(r: UcGatewayRequest) {
  const out = translateUcRequest(r);
  if ('status' in out) throw new Error(`refused: ${out.message}`);
  return { method: out.method, path: out.path, query: out.query.toString(), body: out.body };
}

function refused(r: UcGatewayRequest): UcGatewayError {
  const out = translateUcRequest(r);
  if (!('status' in out)) throw new Error(`forwarded to ${out.method} ${out.path}`);
  return out;
}

describe('translateUcRequest: UC calls become their open-source twins', () => {
  it.each([
    ['GET', 'registered-models/get', { name: NAME }],
    ['GET', 'registered-models/alias', { name: NAME, alias: 'champion' }],
    ['GET', 'model-versions/get', { name: NAME, version: '2' }],
    ['GET', 'model-versions/get-download-uri', { name: NAME, version: '2' }],
    ['GET', 'registered-models/search', { max_results: '100', page_token: 't' }],
    ['GET', 'model-versions/search', { filter: `name='${NAME}'`, max_results: '1000' }],
    ['GET', 'model-versions/search', { filter: `run_id='abc'` }],
  ] as const)('%s %s keeps method and query', (method, sub, query) => {
    const out = forwarded(req(method, sub, query));
    expect(out).toEqual({
      method,
      path: `${OSS}/${sub}`,
      query: new URLSearchParams(query).toString(),
      body: undefined,
    });
  });

  it.each([
    ['POST', 'registered-models/create', { name: NAME, description: 'd' }],
    ['PATCH', 'registered-models/update', { name: NAME, description: 'd' }],
    ['DELETE', 'registered-models/delete', { name: NAME }],
    ['POST', 'registered-models/set-tag', { name: NAME, key: 'k', value: 'v' }],
    ['DELETE', 'registered-models/delete-tag', { name: NAME, key: 'k' }],
    ['POST', 'registered-models/alias', { name: NAME, alias: 'champion', version: '1' }],
    ['DELETE', 'registered-models/alias', { name: NAME, alias: 'champion' }],
    ['POST', 'model-versions/create', { name: NAME, source: 'runs:/r/model', run_id: 'r' }],
    ['PATCH', 'model-versions/update', { name: NAME, version: '1', description: 'd' }],
    ['DELETE', 'model-versions/delete', { name: NAME, version: '1' }],
    ['POST', 'model-versions/set-tag', { name: NAME, version: '1', key: 'k', value: 'v' }],
    ['DELETE', 'model-versions/delete-tag', { name: NAME, version: '1', key: 'k' }],
  ] as const)('%s %s keeps method and JSON body (DELETE too)', (method, sub, body) => {
    const r = req(method, sub, {}, body);
    const out = forwarded(r);
    expect(out).toEqual({ method, path: `${OSS}/${sub}`, query: '', body });
    // The same object: the gateway then relays the browser's bytes unchanged.
    expect(out.body).toBe(r.body);
  });

  it('turns an update with new_name (UC rename) into open-source rename', () => {
    const out = forwarded(
      req('PATCH', 'registered-models/update', {}, { name: NAME, new_name: 'main.ml.churn2' }),
    );
    expect(out).toEqual({
      method: 'POST',
      path: `${OSS}/registered-models/rename`,
      query: '',
      body: { name: NAME, new_name: 'main.ml.churn2' },
    });
  });

  it('keeps the /ajax-api prefix', () => {
    const out = translateUcRequest({
      method: 'GET',
      path: '/ajax-api/2.0/mlflow/unity-catalog/registered-models/get',
      query: new URLSearchParams({ name: NAME }),
      body: undefined,
    });
    expect('path' in out && out.path).toBe('/ajax-api/2.0/mlflow/registered-models/get');
  });
});

describe('translateUcRequest: what UC refuses', () => {
  it.each([
    ['GET', 'registered-models/get', { name: 'churn' }, undefined],
    ['GET', 'model-versions/get', { name: 'ml.churn', version: '1' }, undefined],
    ['GET', 'model-versions/search', { filter: "name='churn'" }, undefined],
    ['POST', 'registered-models/create', {}, { name: 'a.b.c.d' }],
    ['POST', 'registered-models/alias', {}, { name: 'a..c', alias: 'x', version: '1' }],
    ['PATCH', 'registered-models/update', {}, { name: NAME, new_name: 'churn2' }],
    ['DELETE', 'model-versions/delete', {}, { name: 'main.ml.my model', version: '1' }],
  ] as const)('a name not catalog.schema.model: %s %s', (method, sub, query, body) => {
    const r = refused(req(method, sub, query, body));
    expect(r.status).toBe(400);
    expect(r.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(r.message).toContain('specify all three levels');
  });

  it('a call without a name', () => {
    expect(refused(req('GET', 'registered-models/get')).message).toMatch(/"name"/);
    expect(refused(req('POST', 'registered-models/set-tag', {}, { key: 'k' })).status).toBe(400);
  });

  it('a models search with a filter or an order', () => {
    for (const query of [{ filter: "name LIKE 'a%'" }, { order_by: 'name ASC' }]) {
      const r = refused(req('GET', 'registered-models/search', query));
      expect([r.status, r.error_code]).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    }
  });

  it.each([
    { filter: `name='${NAME}'`, order_by: 'version_number DESC' },
    { filter: `name='${NAME}' AND run_id='r'` },
    { filter: `name LIKE 'main.%'` },
    { filter: `tags.k='v'` },
    {},
  ])('a versions search that is not one name or run_id condition: %o', (query) => {
    const r = refused(req('GET', 'model-versions/search', query));
    expect([r.status, r.error_code]).toEqual([400, 'INVALID_PARAMETER_VALUE']);
  });

  it('stage transitions and latest versions per stage: no such API', () => {
    for (const [method, sub] of [
      ['POST', 'model-versions/transition-stage'],
      ['POST', 'registered-models/get-latest-versions'],
      ['GET', 'registered-models/get-latest-versions'],
      ['POST', 'registered-models/rename'],
    ] as const) {
      const r = refused(req(method, sub, {}, { name: NAME, version: '1', stage: 'Production' }));
      expect([r.status, r.error_code]).toEqual([404, 'ENDPOINT_NOT_FOUND']);
    }
  });

  it('a body that is not a JSON object, and a rename that also sets a description', () => {
    expect(refused(req('POST', 'registered-models/set-tag', {}, [1])).status).toBe(400);
    expect(
      refused(
        req(
          'PATCH',
          'registered-models/update',
          {},
          { name: NAME, new_name: NAME, description: 'd' },
        ),
      ).status,
    ).toBe(400);
  });

  it('a path outside unity-catalog is not its business', () => {
    const out = translateUcRequest({
      method: 'GET',
      path: `${OSS}/registered-models/get`,
      query: new URLSearchParams({ name: NAME }),
      body: undefined,
    });
    expect(out).toMatchObject({ status: 404, error_code: 'ENDPOINT_NOT_FOUND' });
  });
});

describe('reshapeOssAnswer', () => {
  it('drops stages from versions and latest_versions from models, nothing else', () => {
    const version = { name: NAME, version: '1', current_stage: 'None', aliases: ['champion'] };
    expect(reshapeOssAnswer({ model_version: version })).toEqual({
      model_version: { name: NAME, version: '1', aliases: ['champion'] },
    });
    expect(reshapeOssAnswer({ model_versions: [version], next_page_token: 't' })).toEqual({
      model_versions: [{ name: NAME, version: '1', aliases: ['champion'] }],
      next_page_token: 't',
    });
    const model = { name: NAME, latest_versions: [version], tags: [{ key: 'k', value: 'v' }] };
    expect(reshapeOssAnswer({ registered_models: [model] })).toEqual({
      registered_models: [{ name: NAME, tags: [{ key: 'k', value: 'v' }] }],
    });
    expect(reshapeOssAnswer({ registered_model: model })).toEqual({
      registered_model: { name: NAME, tags: [{ key: 'k', value: 'v' }] },
    });
    expect(version.current_stage).toBe('None'); // the input is left as it was
  });

  it('leaves other answers alone', () => {
    expect(reshapeOssAnswer({})).toEqual({});
    expect(reshapeOssAnswer(null)).toBeNull();
    expect(reshapeOssAnswer({ error_code: 'X', message: 'm' })).toEqual({
      error_code: 'X',
      message: 'm',
    });
  });
});

// Parallax's server maps the SPA's workspace calls to UC (server/uc-registry.ts); this gateway maps
// UC back to open-source MLflow. Composed, every call the SPA makes must arrive at MLflow as the
// call it was (rename aside, which travels as UC's update), so the emulated workspace accepts
// exactly what Parallax sends.
describe('with the server mapping: the SPA call arrives at MLflow as it was', () => {
  const spaCalls: [string, string, Record<string, string>, unknown][] = [
    ['GET', 'registered-models/search', { max_results: '100' }, undefined],
    ['GET', 'registered-models/get', { name: NAME }, undefined],
    ['GET', 'model-versions/search', { filter: `name='${NAME}'`, max_results: '1000' }, undefined],
    ['GET', 'model-versions/get', { name: NAME, version: '4' }, undefined],
    ['PATCH', 'registered-models/update', {}, { name: NAME, description: 'd' }],
    ['DELETE', 'registered-models/delete', {}, { name: NAME }],
    ['POST', 'registered-models/set-tag', {}, { name: NAME, key: 'k', value: 'v' }],
    ['DELETE', 'registered-models/delete-tag', {}, { name: NAME, key: 'k' }],
    ['POST', 'registered-models/alias', {}, { name: NAME, alias: 'champion', version: '4' }],
    ['DELETE', 'registered-models/alias', {}, { name: NAME, alias: 'champion' }],
    ['PATCH', 'model-versions/update', {}, { name: NAME, version: '4', description: 'd' }],
    ['DELETE', 'model-versions/delete', {}, { name: NAME, version: '4' }],
    ['POST', 'model-versions/set-tag', {}, { name: NAME, version: '4', key: 'k', value: 'v' }],
    ['DELETE', 'model-versions/delete-tag', {}, { name: NAME, version: '4', key: 'k' }],
    ['POST', 'registered-models/rename', {}, { name: NAME, new_name: 'main.ml.churn2' }],
  ];

  it.each(spaCalls)('%s %s', (method, sub, query, body) => {
    const ossPath = `${OSS}/${sub}`;
    const uc = mapToUnityCatalog({
      method,
      path: ossPath,
      query: new URLSearchParams(query).toString(),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!uc || 'error_code' in uc) throw new Error(`the server refused ${method} ${sub}`);
    const back = translateUcRequest({
      method: uc.method,
      path: uc.path,
      query: new URLSearchParams(uc.query),
      body: uc.body === undefined ? undefined : (JSON.parse(uc.body) as unknown),
    });
    if ('status' in back) throw new Error(`the gateway refused: ${back.message}`);
    expect({
      method: back.method,
      path: back.path,
      query: Object.fromEntries(back.query),
      body: back.body,
    }).toEqual({ method, path: ossPath, query, body });
  });
});
