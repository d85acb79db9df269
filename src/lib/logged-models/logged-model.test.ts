import { describe, expect, test } from 'vitest';
import {
  isEndpointMissing,
  latestMetrics,
  loggedModelIdOf,
  loggedModelStatusLabel,
  registrationsOf,
  sourceRunFilter,
} from './logged-model';
import type { ModelMetricPoint } from './logged-model';

const point = (
  key: string,
  value: number,
  step: number,
  timestamp: number,
  datasetName?: string,
): ModelMetricPoint => ({ key, value, step, timestamp, datasetName });

describe('latestMetrics', () => {
  test('keeps the highest step of each key, whatever the order MLflow lists them in', () => {
    const latest = latestMetrics([point('acc', 0.9, 2, 20), point('acc', 0.8, 1, 30)]);
    expect(latest.map((m) => [m.label, m.value])).toEqual([['acc', 0.9]]);
  });

  test('at one step, the later timestamp wins', () => {
    const latest = latestMetrics([point('acc', 0.5, 3, 10), point('acc', 0.6, 3, 11)]);
    expect(latest.map((m) => m.value)).toEqual([0.6]);
  });

  test('one key on two datasets is two metrics, each labelled with its dataset', () => {
    const latest = latestMetrics([
      point('loss', 0.3, 1, 1, 'train'),
      point('loss', 0.5, 1, 1, 'eval'),
      point('loss', 0.4, 1, 1),
    ]);
    expect(latest.map((m) => [m.label, m.value])).toEqual([
      ['loss', 0.4],
      ['loss (eval)', 0.5],
      ['loss (train)', 0.3],
    ]);
  });

  test('keys in natural order, NaN kept as a value', () => {
    const latest = latestMetrics([point('layer10', NaN, 0, 0), point('layer2', 1, 0, 0)]);
    expect(latest.map((m) => m.key)).toEqual(['layer2', 'layer10']);
    expect(latest[1]?.value).toBeNaN();
  });

  test('no metrics, no rows', () => {
    expect(latestMetrics([])).toEqual([]);
  });
});

describe('registrationsOf', () => {
  test('reads the tag MLflow writes, a number and a string for one version counting once', () => {
    const tag = '[{"name": "reg2", "version": 1}, {"name": "reg2", "version": "1"}]';
    expect(registrationsOf(undefined, tag)).toEqual([{ name: 'reg2', version: '1' }]);
  });

  test('adds the registrations field, and sorts by model then version number', () => {
    const tag = '[{"name": "b", "version": 10}, {"name": "b", "version": 9}]';
    expect(registrationsOf([{ name: 'a', version: '3' }], tag)).toEqual([
      { name: 'a', version: '3' },
      { name: 'b', version: '9' },
      { name: 'b', version: '10' },
    ]);
  });

  test('a tag that is not MLflow’s JSON, or entries without a name, are skipped', () => {
    expect(registrationsOf([{ name: 'a', version: '1' }], 'not json')).toEqual([
      { name: 'a', version: '1' },
    ]);
    expect(registrationsOf(undefined, '{"name": "a"}')).toEqual([]);
    expect(registrationsOf(undefined, '[null, 3, {"version": 1}, {"name": "x"}]')).toEqual([]);
  });
});

describe('loggedModelStatusLabel', () => {
  test('names each status MLflow has', () => {
    expect(loggedModelStatusLabel('LOGGED_MODEL_READY')).toBe('Ready');
    expect(loggedModelStatusLabel('LOGGED_MODEL_PENDING')).toBe('Pending');
    expect(loggedModelStatusLabel('LOGGED_MODEL_UPLOAD_FAILED')).toBe('Upload failed');
    expect(loggedModelStatusLabel(undefined)).toBe('Unknown');
    expect(loggedModelStatusLabel('LOGGED_MODEL_NEW')).toBe('LOGGED_MODEL_NEW');
  });
});

describe('loggedModelIdOf', () => {
  test('the version’s model_id where the server sends one', () => {
    expect(loggedModelIdOf({ model_id: 'm-1', source: 'models:/m-2' })).toBe('m-1');
  });

  test('else the id in a models:/<id> source, as MLflow 3’s own server answers', () => {
    expect(loggedModelIdOf({ source: 'models:/m-3fd4568d79244b2f' })).toBe('m-3fd4568d79244b2f');
  });

  test('a registry URI or an artifact path is no logged model', () => {
    expect(loggedModelIdOf({ source: 'models:/churn/3' })).toBeUndefined();
    expect(loggedModelIdOf({ source: 'models:/churn@champion' })).toBeUndefined();
    expect(loggedModelIdOf({ source: 'mlflow-artifacts:/1/abc/artifacts/model' })).toBeUndefined();
    expect(loggedModelIdOf({})).toBeUndefined();
  });
});

describe('sourceRunFilter', () => {
  test('filters on the source run id, quoted', () => {
    expect(sourceRunFilter('aac0e0f5')).toBe("source_run_id = 'aac0e0f5'");
  });
});

describe('isEndpointMissing', () => {
  test('MLflow 2.x: 404 with an HTML page (no error_code of its own)', () => {
    expect(isEndpointMissing({ status: 404, errorCode: 'NOT_FOUND' })).toBe(true);
  });

  test('Databricks or Parallax’s gate: ENDPOINT_NOT_FOUND; or 501 not implemented', () => {
    expect(isEndpointMissing({ status: 404, errorCode: 'ENDPOINT_NOT_FOUND' })).toBe(true);
    expect(isEndpointMissing({ status: 400, errorCode: 'ENDPOINT_NOT_FOUND' })).toBe(true);
    expect(isEndpointMissing({ status: 501, errorCode: 'NOT_IMPLEMENTED' })).toBe(true);
  });

  test('a missing model, a bad filter, a server error or MLflow down are failures, not absence', () => {
    expect(isEndpointMissing({ status: 404, errorCode: 'RESOURCE_DOES_NOT_EXIST' })).toBe(false);
    expect(isEndpointMissing({ status: 400, errorCode: 'INVALID_PARAMETER_VALUE' })).toBe(false);
    expect(isEndpointMissing({ status: 500, errorCode: 'INTERNAL_ERROR' })).toBe(false);
    expect(isEndpointMissing({ status: 502, errorCode: 'MLFLOW_UNAVAILABLE' })).toBe(false);
  });
});
