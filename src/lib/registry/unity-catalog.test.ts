import { describe, expect, it } from 'vitest';
import { inUcScope, ucNameParts, ucNameProblem } from './unity-catalog';

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
});

describe('ucNameParts', () => {
  it('splits a full name into its levels', () => {
    expect(ucNameParts('main.ml.churn')).toEqual({ catalog: 'main', schema: 'ml', model: 'churn' });
  });

  it('has no levels for any other name', () => {
    expect(ucNameParts('churn')).toBeUndefined();
    expect(ucNameParts('a.b.c.d')).toBeUndefined();
    expect(ucNameParts('a..c')).toBeUndefined();
  });
});

describe('inUcScope', () => {
  it('matches a catalog or a catalog.schema level by level, ignoring case', () => {
    expect(inUcScope('main.ml.churn', 'main')).toBe(true);
    expect(inUcScope('main.ml.churn', 'main.ml')).toBe(true);
    expect(inUcScope('main.ml.churn', 'Main.ML.')).toBe(true);
    expect(inUcScope('main.mlops.churn', 'main.ml')).toBe(false);
    expect(inUcScope('mainline.ml.churn', 'main')).toBe(false);
    expect(inUcScope('dev.ml.churn', 'main')).toBe(false);
  });

  it('holds every name when empty', () => {
    expect(inUcScope('main.ml.churn', '')).toBe(true);
    expect(inUcScope('main.ml.churn', '  ')).toBe(true);
  });
});
