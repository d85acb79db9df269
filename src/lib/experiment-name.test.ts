import { describe, expect, it } from 'vitest';
import { experimentLeafName, splitExperimentName, validateExperimentName } from './experiment-name';

describe('splitExperimentName', () => {
  it.each([
    ['/Shared/churn_prediction', '/Shared/', 'churn_prediction'],
    ['/Users/ana@example.com/etl/quality', '/Users/ana@example.com/etl/', 'quality'],
    ['Default', '', 'Default'],
    ['folder/', '', 'folder/'],
    ['/', '', '/'],
    ['', '', ''],
  ])('splits %j into prefix %j and leaf %j', (name, prefix, leaf) => {
    expect(splitExperimentName(name)).toEqual({ prefix, leaf });
  });

  it('never changes the name: prefix + leaf is the name', () => {
    for (const name of ['a/b/c', '<img src=x onerror="1">/x', '//double', 'a b/ c ']) {
      const { prefix, leaf } = splitExperimentName(name);
      expect(prefix + leaf).toBe(name);
    }
  });

  it('gives the leaf as the short name', () => {
    expect(experimentLeafName('/Shared/churn_prediction')).toBe('churn_prediction');
  });
});

describe('validateExperimentName', () => {
  it('refuses an empty or blank name', () => {
    expect(validateExperimentName('')).toMatch(/Enter a name/);
    expect(validateExperimentName('   ')).toMatch(/Enter a name/);
  });

  it('refuses more than 500 characters and says how many there are', () => {
    expect(validateExperimentName('x'.repeat(500))).toBeUndefined();
    expect(validateExperimentName('x'.repeat(501))).toMatch(/at most 500 .*501/);
  });

  it('accepts names with paths, quotes and markup', () => {
    expect(validateExperimentName('/Shared/it\'s "fine" <b>')).toBeUndefined();
  });
});
