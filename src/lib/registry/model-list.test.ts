import { describe, expect, test } from 'vitest';
import {
  modelListFilter,
  modelOrderBy,
  readModelListState,
  writeModelListState,
} from './model-list';

describe('model list state', () => {
  test('defaults: name order, models, no search', () => {
    expect(readModelListState(new URLSearchParams(''))).toEqual({
      q: '',
      sort: 'name',
      kind: 'models',
    });
    expect(readModelListState(new URLSearchParams('sort=bogus&kind=x'))).toEqual({
      q: '',
      sort: 'name',
      kind: 'models',
    });
  });

  test('round-trips through the URL, leaving defaults out', () => {
    const url = writeModelListState(new URLSearchParams('other=1'), {
      q: 'churn',
      sort: 'updated',
      kind: 'prompts',
    });
    expect(url.toString()).toBe('other=1&q=churn&sort=updated&kind=prompts');
    expect(readModelListState(url)).toEqual({ q: 'churn', sort: 'updated', kind: 'prompts' });
    const back = writeModelListState(url, { q: '', sort: 'name', kind: 'models' });
    expect(back.toString()).toBe('other=1');
  });
});

describe('modelListFilter', () => {
  test('models leave prompts out, prompts keep only them', () => {
    expect(modelListFilter({ q: '', kind: 'models' })).toBe(
      "tag.`mlflow.prompt.is_prompt` != 'true'",
    );
    expect(modelListFilter({ q: ' ', kind: 'prompts' })).toBe(
      "tag.`mlflow.prompt.is_prompt` = 'true'",
    );
  });

  test('with a search, both clauses', () => {
    expect(modelListFilter({ q: 'churn', kind: 'models' })).toBe(
      "name ILIKE '%churn%' AND tag.`mlflow.prompt.is_prompt` != 'true'",
    );
  });

  test("a filter in MLflow's grammar is sent as written, with the prompt clause ANDed on", () => {
    expect(
      modelListFilter({ q: " tags.team = 'growth' AND name LIKE 'c%' ", kind: 'prompts' }),
    ).toBe("tags.team = 'growth' AND name LIKE 'c%' AND tag.`mlflow.prompt.is_prompt` = 'true'");
    expect(modelListFilter({ q: 'churn model', kind: 'models' })).toBe(
      "name ILIKE '%churn model%' AND tag.`mlflow.prompt.is_prompt` != 'true'",
    );
  });
});

describe('modelOrderBy', () => {
  test('name, or newest change first with ties by name', () => {
    expect(modelOrderBy('name')).toEqual(['name ASC']);
    expect(modelOrderBy('updated')).toEqual(['last_updated_timestamp DESC', 'name ASC']);
  });
});
