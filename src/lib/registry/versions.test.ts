import { describe, expect, test } from 'vitest';
import {
  aliasChange,
  aliasProblem,
  archivedBy,
  loadSnippet,
  newestFirst,
  withAliases,
} from './versions';

const v = (version: string, current_stage?: string) => ({ version, current_stage });

describe('newestFirst', () => {
  test('orders by number, not text', () => {
    expect(newestFirst([v('9'), v('10'), v('2')]).map((x) => x.version)).toEqual(['10', '9', '2']);
  });
});

describe('archivedBy', () => {
  const versions = [
    v('1', 'Production'),
    v('2', 'Archived'),
    v('3', 'Production'),
    v('4'),
    v('5', 'Staging'),
  ];

  test('every other version in the target stage, newest first', () => {
    expect(archivedBy(versions, '4', 'Production', true).map((x) => x.version)).toEqual(['3', '1']);
  });

  test('the version itself is never in the list', () => {
    expect(archivedBy(versions, '3', 'Production', true).map((x) => x.version)).toEqual(['1']);
  });

  test('nothing without the flag, or for None and Archived, where MLflow refuses it', () => {
    expect(archivedBy(versions, '4', 'Production', false)).toEqual([]);
    expect(archivedBy(versions, '5', 'Archived', true)).toEqual([]);
    expect(archivedBy(versions, '1', 'None', true)).toEqual([]);
  });

  test('a version with no stage counts as None', () => {
    expect(
      archivedBy([v('1'), v('2', 'Staging')], '3', 'Staging', true).map((x) => x.version),
    ).toEqual(['2']);
  });
});

describe('aliasChange', () => {
  test('new, moved or already there', () => {
    expect(aliasChange('champion', undefined, '3')).toEqual({
      kind: 'new',
      alias: 'champion',
      to: '3',
    });
    expect(aliasChange('champion', '2', '3')).toEqual({
      kind: 'move',
      alias: 'champion',
      from: '2',
      to: '3',
    });
    expect(aliasChange('champion', '3', '3')).toEqual({
      kind: 'unchanged',
      alias: 'champion',
      to: '3',
    });
  });
});

describe('aliasProblem', () => {
  test('accepts ordinary aliases', () => {
    for (const ok of ['champion', 'challenger-2', 'prod_eu', 'v2beta', 'version1'])
      expect(aliasProblem(ok)).toBeUndefined();
  });

  test('refuses what MLflow reserves or cannot hold', () => {
    expect(aliasProblem('')).toMatch(/enter/i);
    expect(aliasProblem('latest')).toMatch(/reserved/);
    expect(aliasProblem('LATEST')).toMatch(/reserved/);
    expect(aliasProblem('v3')).toMatch(/version 3/);
    expect(aliasProblem('V12')).toMatch(/reserved/);
    expect(aliasProblem('my alias')).toMatch(/spaces/);
    expect(aliasProblem('x'.repeat(256))).toMatch(/255/);
  });
});

describe('loadSnippet', () => {
  test('by alias or by version', () => {
    expect(loadSnippet('churn', { alias: 'champion' })).toBe(
      'import mlflow\n\nmodel = mlflow.pyfunc.load_model("models:/churn@champion")',
    );
    expect(loadSnippet('churn', { version: '4' })).toContain('load_model("models:/churn/4")');
  });

  test('a name with quotes and backslashes stays one Python string', () => {
    expect(loadSnippet('a"b\\c', { version: '1' })).toContain(
      String.raw`load_model("models:/a\"b\\c/1")`,
    );
  });
});

describe('withAliases', () => {
  test('each version gets the aliases the model lists for it, sorted; others none', () => {
    const out = withAliases(
      [{ version: '1', aliases: [] }, { version: '2' }, { version: '3', aliases: ['stale'] }],
      [
        { alias: 'shadow', version: '2' },
        { alias: 'champion', version: '2' },
        { alias: 'old', version: '1' },
      ],
    );
    expect(out.map((v) => v.aliases)).toEqual([['old'], ['champion', 'shadow'], []]);
  });
});
