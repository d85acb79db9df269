import { describe, expect, it } from 'vitest';
import { groupRuns, metricStats, parseGroupBy } from './run-groups';

const run = (params: Record<string, string>, metrics: Record<string, number>, tags = {}) => ({
  params: new Map(Object.entries(params)),
  tags: new Map(Object.entries(tags)) as Map<string, string>,
  metrics: new Map(Object.entries(metrics).map(([k, value]) => [k, { value }])),
});

describe('parseGroupBy', () => {
  it.each([
    ['params.lr', { kind: 'params', key: 'lr' }],
    ['tags.mlflow.user', { kind: 'tags', key: 'mlflow.user' }],
    ['metrics.acc', undefined],
    ['params.', undefined],
    ['', undefined],
    [null, undefined],
  ])('%s → %j', (id, expected) => {
    expect(parseGroupBy(id)).toEqual(expected);
  });
});

describe('groupRuns', () => {
  const runs = [
    run({ lr: '0.1' }, { acc: 0.5 }),
    run({ lr: '0.01' }, { acc: 0.7 }),
    run({}, { acc: 0.1 }),
    run({ lr: '0.1' }, { acc: 0.9, loss: 1 }),
    run({ lr: '0.01' }, { acc: Number.NaN }),
  ];

  it('groups in natural value order with the runs missing the value last', () => {
    const groups = groupRuns(runs, { kind: 'params', key: 'lr' }, ['acc']);
    expect(groups.map((g) => [g.value, g.runs.length])).toEqual([
      ['0.01', 2],
      ['0.1', 2],
      [undefined, 1],
    ]);
  });

  it('computes min / max / mean over finite values per group', () => {
    const [small, big] = groupRuns(runs, { kind: 'params', key: 'lr' }, ['acc', 'loss']);
    expect(small?.stats.get('acc')).toEqual({ min: 0.7, max: 0.7, mean: 0.7, count: 1 });
    expect(big?.stats.get('acc')?.mean).toBeCloseTo(0.7);
    expect(big?.stats.get('acc')).toMatchObject({ min: 0.5, max: 0.9, count: 2 });
    expect(big?.stats.get('loss')).toEqual({ min: 1, max: 1, mean: 1, count: 1 });
    expect(small?.stats.has('loss')).toBe(false);
  });

  it('groups by tags too', () => {
    const groups = groupRuns(
      [run({}, {}, { team: 'b' }), run({}, {}, { team: 'a' })],
      { kind: 'tags', key: 'team' },
      [],
    );
    expect(groups.map((g) => g.value)).toEqual(['a', 'b']);
  });
});

describe('metricStats', () => {
  it('leaves out metrics no run has', () => {
    expect(metricStats([run({}, { a: 1 })], ['b']).size).toBe(0);
  });
});
