import { describe, expect, it } from 'vitest';
import {
  checkPathParams,
  checkProxyTarget,
  checkRequestTarget,
  decodeToFixedPoint,
} from './paths.ts';

describe('checkRequestTarget', () => {
  it.each([
    '/',
    '/experiments/12/runs/abc',
    '/models/cat.schema.model',
    '/api/2.0/mlflow/runs/search?filter=metrics.loss%20%3C%200.5',
    '/get-artifact?path=../x', // queries are checked by checkProxyTarget, per parameter
    '/artifacts/100%25', // decodes to a lone %, which a second round cannot decode
  ])('accepts %s', (target) => {
    expect(checkRequestTarget(target)).toBeUndefined();
  });

  it.each([
    'http://evil.com/api/2.0/mlflow/x',
    'evil.com:443',
    '*',
    '//evil.com/x',
    '/a/../b',
    '/a/./b',
    '/..',
    '/a/%2e%2e/b',
    '/a/%2E%2e/b',
    '/a/%252e%252e/b',
    '/a/.%2e/b',
    '/a\\b',
    '/a/%5c/b',
    '/a/%255c/b',
    '/a/%00',
    '/a/%0d%0aSet-Cookie:x',
    '/a/%zz',
    '/a/%c0%ae%c0%ae/b', // overlong UTF-8 for ".."
    '/a/%25c0%25ae%25c0%25ae/b', // the same, one layer down
    '/a/%e0%80%ae/b',
    '/a/%ff',
    '/a/%2500',
    '/a/%25%32%65%25%32%65/b', // %2e%2e spelled with encoded digits
  ])('refuses %s with 400', (target) => {
    expect(checkRequestTarget(target)?.status).toBe(400);
  });
});

describe('decodeToFixedPoint', () => {
  it('decodes round after round until nothing changes', () => {
    expect(decodeToFixedPoint('/a/%25252e')).toEqual(['/a/%25252e', '/a/%252e', '/a/%2e', '/a/.']);
    expect(decodeToFixedPoint('/plain')).toEqual(['/plain']);
    expect(decodeToFixedPoint('/%E2%9C%93')).toEqual(['/%E2%9C%93', '/✓']);
  });

  it('keeps a lone % after the first round, and in an already decoded value', () => {
    expect(decodeToFixedPoint('/100%25')).toEqual(['/100%25', '/100%']);
    expect(decodeToFixedPoint('100%', { decodedOnce: true })).toEqual(['100%']);
  });

  it('refuses invalid UTF-8 at any depth, lone % in a raw value, and deep nesting', () => {
    expect(decodeToFixedPoint('%c0%ae')).toBeUndefined();
    expect(decodeToFixedPoint('%25c0%25ae')).toBeUndefined();
    expect(decodeToFixedPoint('%zz')).toBeUndefined();
    expect(decodeToFixedPoint(`%${'25'.repeat(11)}2e`)).toBeUndefined();
    expect(decodeToFixedPoint(`%${'25'.repeat(9)}2e`)?.at(-1)).toBe('.');
  });
});

describe('checkProxyTarget', () => {
  const ok = (method: string, target: string) => {
    const result = checkProxyTarget(method, target);
    return 'endpoint' in result ? result.endpoint : undefined;
  };
  const refused = (method: string, target: string) => {
    const result = checkProxyTarget(method, target);
    return 'rejection' in result ? result.rejection : undefined;
  };

  it.each([
    ['POST', '/api/2.0/mlflow/experiments/search'],
    ['GET', '/api/2.0/mlflow/registered-models/search?max_results=1'],
    ['GET', '/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval?run_ids=a&metric_key=k'],
    ['POST', '/ajax-api/2.0/mlflow/runs/search'],
    ['GET', '/api/2.0/mlflow-artifacts/artifacts/1/run/artifacts/a%20b.png'],
    ['GET', '/get-artifact?path=plots/loss.png&run_uuid=abc'],
    ['GET', '/model-versions/get-artifact?name=m&version=1&path=MLmodel'],
    ['GET', '/api/2.0/mlflow/logged-models/m-0123abcd'],
    [
      'GET',
      '/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=model/MLmodel',
    ],
    ['DELETE', '/api/2.0/mlflow/registered-models/alias'],
    ['PATCH', '/api/2.0/mlflow/model-versions/update'],
    ['GET', '/api/2.0/mlflow/runs/%67et?run_id=a'], // MLflow routes on the decoded path
  ])('forwards %s %s', (method, target) => {
    expect(ok(method, target)).toBeDefined();
  });

  it.each([
    ['GET', '/api/2.0/preview/scim/v2/Me'],
    ['GET', '/api/2.1/unity-catalog/models'],
    ['GET', '/api/2.0/mlflow'],
    ['GET', '/api/2.0/mlflow/'],
    ['GET', '/api/2.0/mlflow/x'],
    ['GET', '/api/4.0/mlflow/x'],
    ['POST', '/api/2.0/mlflow/users/create'],
    ['PATCH', '/api/2.0/mlflow/users/update-admin'],
    ['DELETE', '/api/2.0/mlflow/users/delete'],
    ['GET', '/api/2.0/mlflow/users/get?username=admin'],
    ['POST', '/ajax-api/2.0/mlflow/upload-artifact?run_uuid=r&path=x'],
    ['POST', '/api/2.0/mlflow/runs/log-batch'],
    ['POST', '/api/2.0/mlflow/runs/create'],
    ['GET', '/ajax-api/2.0/mlflow/gateway-proxy'],
    ['POST', '/ajax-api/2.0/mlflow/gateway-proxy/x'],
    ['GET', '/api/3.0/mlflow/traces/search'],
    ['GET', '/ajax-api/3.0/mlflow/server-info'],
    ['GET', '/ajax-api/2.0/mlflow/metrics/get-history-bulk'],
    ['GET', '/api/2.0/mlflow/logged-models/m-1/artifacts/files'], // that route is /ajax-api only
    ['GET', '/api/2.0/mlflow/logged-models/m;1'],
    ['GET', '/api/2.0/mlflow/runs/get;x'],
    ['GET', '/api/2.0/mlflow/runs/%2567et'], // decodes to runs/get only on a second round
    ['GET', '/get-artifact/x'],
    ['GET', '/graphql'],
    ['POST', '/api/2.0/mlflow/unity-catalog/model-versions/generate-temporary-credentials'],
    // UC is reached only by mapping a workspace call (server/uc-registry.ts), never directly.
    ['GET', '/api/2.0/mlflow/unity-catalog/registered-models/search?max_results=1'],
  ])('answers 404 to %s %s', (method, target) => {
    expect(refused(method, target)).toMatchObject({ status: 404, errorCode: 'ENDPOINT_NOT_FOUND' });
  });

  it.each([
    ['PUT', '/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/x', 'GET'],
    ['DELETE', '/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/x', 'GET'],
    ['GET', '/api/2.0/mlflow/runs/search', 'POST'],
    ['POST', '/api/2.0/mlflow/runs/get', 'GET'],
    ['DELETE', '/api/2.0/mlflow/logged-models/m-1', 'GET'],
    ['PUT', '/api/2.0/mlflow/registered-models/alias', 'GET, POST, DELETE'],
  ])('answers 404 to %s %s, naming %s as what is forwarded', (method, target, allow) => {
    const rejection = refused(method, target);
    expect(rejection).toMatchObject({ status: 404, errorCode: 'ENDPOINT_NOT_FOUND' });
    expect(rejection?.message).toContain(`(only ${allow}).`);
  });

  it.each([
    ['GET', '/api/2.0/mlflow/runs%2Fget'],
    ['GET', '/api/2.0/mlflow/runs%252Fget'],
    ['GET', '/api/2.0/mlflow//runs/get'],
    ['GET', '/get-artifact?path=../../etc/passwd&run_uuid=r'],
    ['GET', '/get-artifact?path=a/..&run_uuid=r'],
    ['GET', '/get-artifact?path=a%5C..%5Cb&run_uuid=r'],
    ['GET', '/get-artifact?path=%252e%252e/x&run_uuid=r'],
    ['GET', '/get-artifact?path=%c0%ae%c0%ae/x&run_uuid=r'],
    ['GET', '/get-artifact?path=/etc/passwd&run_uuid=r'],
    ['GET', '/get-artifact?path=s3://bucket/x&run_uuid=r'],
    ['GET', '/get-artifact?run_uuid=r&path=ok&path=../x'],
    ['GET', '/get-artifact?run_uuid=r&p%61th=../x'],
    ['GET', '/api/2.0/mlflow/artifacts/list?run_id=r&path=a%00'],
    ['GET', '/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=../x'],
  ])('refuses %s %s with 400', (method, target) => {
    expect(refused(method, target)?.status).toBe(400);
  });
});

describe('checkPathParams', () => {
  it('checks only artifact-path parameters, and accepts the root and ordinary names', () => {
    expect(checkPathParams('')).toBeUndefined();
    expect(checkPathParams('run_id=..&filter=%2e%2e')).toBeUndefined();
    expect(checkPathParams('path=')).toBeUndefined();
    expect(checkPathParams('path=dir+with+space/a%20b.txt')).toBeUndefined();
    expect(checkPathParams('path=100%25.txt')).toBeUndefined();
    expect(checkPathParams('path=..')).toContain('".."');
  });
});
