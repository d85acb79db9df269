import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RUN_SORT,
  orderByClause,
  parseRunFieldId,
  readRunSort,
  runFieldId,
  compareRunsBy,
  runsSearchFromUrl,
  writeRunSort,
} from './run-sort';

describe('orderByClause', () => {
  it.each([
    [{ id: 'metrics.accuracy', desc: true }, 'metrics.`accuracy` DESC'],
    [{ id: 'metrics.accuracy', desc: false }, 'metrics.`accuracy` ASC'],
    [{ id: 'params.C', desc: false }, 'params.`C` ASC'],
    [{ id: 'metrics.val loss', desc: true }, 'metrics.`val loss` DESC'],
    [{ id: 'metrics.val-loss', desc: true }, 'metrics.`val-loss` DESC'],
    [{ id: 'metrics.val.loss', desc: true }, 'metrics.`val.loss` DESC'],
    [{ id: 'metrics.train/loss', desc: false }, 'metrics.`train/loss` ASC'],
    [{ id: 'params.batch size', desc: false }, 'params.`batch size` ASC'],
    [{ id: 'metrics.order', desc: true }, 'metrics.`order` DESC'],
    [{ id: 'tags.mlflow.user', desc: false }, 'tags.`mlflow.user` ASC'],
    [{ id: 'attributes.start_time', desc: true }, 'attributes.start_time DESC'],
    [{ id: 'attributes.run_name', desc: false }, 'attributes.run_name ASC'],
  ])('turns %j into %s', (sort, clause) => {
    expect(orderByClause(sort)).toBe(clause);
  });

  it.each([
    'attributes.duration',
    'attributes.bogus',
    'nonsense',
    'metrics.',
    '.accuracy',
    'columns.accuracy',
    'metrics.a`b',
    'params.a"b',
  ])('refuses %s, which MLflow could not order by', (id) => {
    expect(orderByClause({ id, desc: true })).toBeUndefined();
  });
});

describe('parseRunFieldId', () => {
  it('splits at the first dot so keys keep their own dots', () => {
    expect(parseRunFieldId('metrics.val.loss')).toEqual({ kind: 'metrics', key: 'val.loss' });
  });

  it.each([
    ['metric.acc', 'metrics'],
    ['param.lr', 'params'],
    ['parameters.lr', 'params'],
    ['tag.team', 'tags'],
    ['attr.status', 'attributes'],
    ['run.run_name', 'attributes'],
  ])('accepts the MLflow alias in %s as %s', (id, kind) => {
    expect(parseRunFieldId(id)?.kind).toBe(kind);
  });

  it('does not treat Object.prototype names as kinds', () => {
    expect(parseRunFieldId('constructor.x')).toBeUndefined();
    expect(parseRunFieldId('__proto__.x')).toBeUndefined();
  });

  it('round-trips with runFieldId', () => {
    expect(runFieldId('params', 'batch size')).toBe('params.batch size');
    expect(parseRunFieldId(runFieldId('params', 'batch size'))).toEqual({
      kind: 'params',
      key: 'batch size',
    });
  });
});

describe('readRunSort / writeRunSort', () => {
  it('reads ?sort=metrics.accuracy&dir=desc', () => {
    expect(readRunSort(new URLSearchParams('sort=metrics.accuracy&dir=desc'))).toEqual({
      id: 'metrics.accuracy',
      desc: true,
    });
  });

  it('reads dir=asc as ascending and a missing dir as descending', () => {
    expect(readRunSort(new URLSearchParams('sort=params.C&dir=asc')).desc).toBe(false);
    expect(readRunSort(new URLSearchParams('sort=params.C')).desc).toBe(true);
  });

  it('canonicalises aliases so the column id matches', () => {
    expect(readRunSort(new URLSearchParams('sort=metric.acc&dir=asc')).id).toBe('metrics.acc');
  });

  it('falls back to the default for a missing or unreadable sort', () => {
    expect(readRunSort(new URLSearchParams(''))).toEqual(DEFAULT_RUN_SORT);
    expect(readRunSort(new URLSearchParams('sort=attributes.nope'))).toEqual(DEFAULT_RUN_SORT);
  });

  it('writes the sort and keeps every other parameter', () => {
    const next = writeRunSort(new URLSearchParams('filter=x&sort=params.C'), {
      id: 'metrics.val loss',
      desc: false,
    });
    expect(next.get('filter')).toBe('x');
    expect(next.get('sort')).toBe('metrics.val loss');
    expect(next.get('dir')).toBe('asc');
    expect(readRunSort(next)).toEqual({ id: 'metrics.val loss', desc: false });
  });

  it('leaves the URL clean for the default order', () => {
    const next = writeRunSort(new URLSearchParams('sort=params.C&dir=asc&x=1'), DEFAULT_RUN_SORT);
    expect(next.toString()).toBe('x=1');
  });

  it('does not modify the params it was given', () => {
    const search = new URLSearchParams('sort=params.C');
    writeRunSort(search, { id: 'metrics.a', desc: true });
    expect(search.get('sort')).toBe('params.C');
  });
});

describe('runsSearchFromUrl', () => {
  it('asks for one experiment, pages of 1,000, ordered as the URL says', () => {
    expect(runsSearchFromUrl('7', new URLSearchParams('sort=metrics.val loss&dir=asc'))).toEqual({
      experimentIds: ['7'],
      orderBy: ['metrics.`val loss` ASC'],
      maxResults: 1000,
    });
  });

  it('carries the filter and a non-default lifecycle', () => {
    expect(
      runsSearchFromUrl('7', new URLSearchParams("filter=params.C+%3D+'1'&lifecycle=deleted")),
    ).toMatchObject({ filter: "params.C = '1'", runViewType: 'DELETED_ONLY' });
    expect(runsSearchFromUrl('7', new URLSearchParams('lifecycle=all')).runViewType).toBe('ALL');
    expect(runsSearchFromUrl('7', new URLSearchParams())).not.toHaveProperty('runViewType');
  });

  it("uses MLflow's default order when the URL has none", () => {
    expect(runsSearchFromUrl('7', new URLSearchParams()).orderBy).toEqual([
      'attributes.start_time DESC',
    ]);
  });
});

describe('compareRunsBy', () => {
  const mk = (runId: string, startTime: number, acc?: number, lr?: string) => ({
    runId,
    name: runId,
    status: 'FINISHED',
    startTime,
    endTime: undefined,
    user: undefined,
    artifactUri: undefined,
    metrics: new Map(acc === undefined ? [] : [['acc', { value: acc }]]),
    params: new Map(lr === undefined ? [] : [['lr', lr]]),
    tags: new Map<string, string>(),
  });
  const runs = [
    mk('a', 1, 0.5, '0.1'),
    mk('b', 2, undefined, '0.01'),
    mk('c', 3, 0.9),
    mk('d', 4, Number.NaN, '1'),
    mk('e', 5, 0.5, '0.1'),
  ];
  const order = (id: string, desc: boolean) =>
    [...runs].sort(compareRunsBy({ id, desc })).map((r) => r.runId);

  it('sorts metrics with NaN then missing values last in both directions', () => {
    expect(order('metrics.acc', true)).toEqual(['c', 'e', 'a', 'd', 'b']);
    expect(order('metrics.acc', false)).toEqual(['e', 'a', 'c', 'd', 'b']);
  });

  it('sorts params as strings, ties by newest start', () => {
    expect(order('params.lr', false)).toEqual(['b', 'e', 'a', 'd', 'c']);
  });

  it('sorts by start time with the run id as the tie-break', () => {
    expect(order('attributes.start_time', true)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});
