import { describe, expect, it } from 'vitest';
import { checkProxyTarget, checkRequestTarget } from './paths.ts';

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
  ])('refuses %s with 400', (target) => {
    expect(checkRequestTarget(target)?.status).toBe(400);
  });
});

describe('checkProxyTarget', () => {
  it.each([
    '/api/2.0/mlflow/experiments/search',
    '/api/2.0/mlflow/unity-catalog/registered-models/search?max_results=1',
    '/ajax-api/2.0/mlflow/metrics/get-history-bulk?run_id=a&run_id=b',
    '/api/3.0/mlflow/traces/tr-1',
    '/ajax-api/3.0/mlflow/server-info',
    '/api/2.0/mlflow-artifacts/artifacts/1/run/artifacts/a%20b.png',
    '/get-artifact?path=plots/loss.png&run_uuid=abc',
    '/model-versions/get-artifact?name=m&version=1&path=MLmodel',
  ])('forwards %s', (target) => {
    expect(checkProxyTarget(target)).toBeUndefined();
  });

  it.each([
    '/api/2.0/preview/scim/v2/Me',
    '/api/2.1/unity-catalog/models',
    '/api/2.0/mlflow',
    '/api/2.0/mlflow/',
    '/api/4.0/mlflow/x',
    '/ajax-api/2.0/mlflow-artifacts/artifacts/x',
    '/ajax-api/2.0/mlflow/gateway-proxy',
    '/ajax-api/2.0/mlflow/gateway-proxy/x',
    '/get-artifact/x',
    '/graphql',
  ])('answers 404 for %s', (target) => {
    expect(checkProxyTarget(target)).toMatchObject({
      status: 404,
      errorCode: 'ENDPOINT_NOT_FOUND',
    });
  });

  it.each([
    '/api/2.0/mlflow/runs%2Fget',
    '/api/2.0/mlflow//runs/get',
    '/get-artifact?path=../../etc/passwd&run_uuid=r',
    '/get-artifact?path=a/..&run_uuid=r',
    '/get-artifact?path=a%5C..%5Cb&run_uuid=r',
    '/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=../x',
  ])('refuses %s with 400', (target) => {
    expect(checkProxyTarget(target)?.status).toBe(400);
  });
});
