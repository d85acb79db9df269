import { describe, expect, it } from 'vitest';
import { ucNameProblem } from './unity-catalog';

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
