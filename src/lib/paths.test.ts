import { describe, expect, it } from 'vitest';
import { paths } from './paths';

describe('paths', () => {
  it('encodes ids so a slash or space in a name cannot change the route', () => {
    expect(paths.experiment.href('12')).toBe('/experiments/12');
    expect(paths.model.href('churn/model v2')).toBe('/models/churn%2Fmodel%20v2');
  });

  it('puts compared run ids in one comma-separated parameter', () => {
    expect(paths.compare.href(['a1', 'b2'])).toBe('/compare?runs=a1,b2');
  });

  it('builds a run href under its experiment', () => {
    expect(paths.run.href('3', 'abc')).toBe('/experiments/3/runs/abc');
  });

  it('keeps the promotion view in its query: candidate, then what it is compared with', () => {
    expect(paths.promote.href('churn/model v2')).toBe('/models/churn%2Fmodel%20v2/promote');
    expect(paths.promote.href('m', '4', 'alias:champion')).toBe(
      '/models/m/promote?candidate=4&against=alias%3Achampion',
    );
  });

  it('opens a logged model in its experiment’s Models view, or by id alone', () => {
    expect(paths.experimentModels.href('3')).toBe('/experiments/3?view=models');
    expect(paths.experimentModels.href('3', 'm-1a')).toBe('/experiments/3?view=models&model=m-1a');
    expect(paths.loggedModel.href('m-1a')).toBe('/logged-models/m-1a');
  });
});
