import { describe, expect, it } from 'vitest';
import {
  hasStages,
  modelSearchQuery,
  registryPaths,
  renameRequest,
  ucNameProblem,
  ucPath,
  versionSearchQuery,
  versionsFilter,
} from './flavor';

describe('registryPaths', () => {
  it('uses MLflow’s unity-catalog endpoints for Unity Catalog', () => {
    expect(registryPaths('workspace')).toEqual({
      models: '/api/2.0/mlflow/registered-models',
      versions: '/api/2.0/mlflow/model-versions',
    });
    expect(registryPaths('unity-catalog')).toEqual({
      models: '/api/2.0/mlflow/unity-catalog/registered-models',
      versions: '/api/2.0/mlflow/unity-catalog/model-versions',
    });
  });
});

describe('modelSearchQuery', () => {
  const search = {
    filter: "name ILIKE '%churn%'",
    orderBy: ['name ASC'],
    maxResults: 5000,
    pageToken: 'tok',
  };

  it('sends filter and order to the workspace registry, the page capped at 1,000', () => {
    expect(modelSearchQuery('workspace', search)).toEqual({
      query: {
        filter: "name ILIKE '%churn%'",
        order_by: ['name ASC'],
        max_results: 1000,
        page_token: 'tok',
      },
      filteredHere: false,
    });
  });

  it('leaves filter and order out for Unity Catalog, and says the answer is unfiltered', () => {
    expect(modelSearchQuery('unity-catalog', search)).toEqual({
      query: { max_results: 1000, page_token: 'tok' },
      filteredHere: true,
    });
    expect(modelSearchQuery('unity-catalog', {}).filteredHere).toBe(false);
  });

  it('sends no empty filter or token', () => {
    expect(modelSearchQuery('workspace', { filter: '', pageToken: '' }).query).toEqual({
      filter: undefined,
      order_by: undefined,
      max_results: 100,
      page_token: undefined,
    });
  });
});

describe('versionSearchQuery', () => {
  it('orders newest first in the workspace registry only', () => {
    expect(versionSearchQuery('workspace', 'churn', undefined)).toEqual({
      filter: "name = 'churn'",
      max_results: 1000,
      order_by: ['version_number DESC'],
      page_token: undefined,
    });
    expect(versionSearchQuery('unity-catalog', 'main.ml.churn', 'p2')).toEqual({
      filter: "name = 'main.ml.churn'",
      max_results: 1000,
      page_token: 'p2',
    });
  });

  it('quotes a name with a single quote in double quotes, and falls back to LIKE with both', () => {
    expect(versionsFilter('workspace', "Ada's model")).toBe(`name = "Ada's model"`);
    expect(versionsFilter('workspace', `a'b"c_d`)).toBe("name LIKE 'a_b_c_d'");
  });
});

describe('renameRequest', () => {
  it('renames through the rename endpoint, or through update on Unity Catalog', () => {
    expect(renameRequest('workspace', 'a', 'b')).toEqual({
      method: 'POST',
      path: '/api/2.0/mlflow/registered-models/rename',
      body: { name: 'a', new_name: 'b' },
    });
    expect(renameRequest('unity-catalog', 'c.s.a', 'c.s.b')).toEqual({
      method: 'PATCH',
      path: '/api/2.0/mlflow/unity-catalog/registered-models/update',
      body: { name: 'c.s.a', new_name: 'c.s.b' },
    });
  });
});

describe('Unity Catalog names', () => {
  it('accepts catalog.schema.model and nothing else', () => {
    expect(ucNameProblem('main.ml.churn_classifier')).toBeUndefined();
    expect(ucNameProblem('churn')).toMatch(/three parts.*has 1/);
    expect(ucNameProblem('a.b.c.d')).toMatch(/has 4/);
    expect(ucNameProblem('main..churn')).toMatch(/non-empty/);
    expect(ucNameProblem('main.ml.my model')).toMatch(/"my model"/);
    expect(ucNameProblem("main.ml.o'brien")).toMatch(/quotes/);
    expect(ucNameProblem('main.ml.a\u0001b')).toMatch(/control/);
  });

  it('splits a full name into its path', () => {
    expect(ucPath('main.ml.churn')).toEqual({ catalog: 'main', schema: 'ml', model: 'churn' });
    expect(ucPath('churn')).toBeUndefined();
    expect(ucPath('a.b.c.d')).toBeUndefined();
  });

  it('has stages only in the workspace registry', () => {
    expect(hasStages('workspace')).toBe(true);
    expect(hasStages('unity-catalog')).toBe(false);
  });
});
