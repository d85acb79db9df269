import { describe, expect, it } from 'vitest';
import {
  buildRunDiff,
  datasetsFromInputs,
  filterRunDiff,
  makeRow,
  paramNumber,
} from './diff-model';
import type { DiffRunInput, RunDiff, SectionId } from './diff-model';

function run(id: string, over: Partial<DiffRunInput> = {}): DiffRunInput {
  return {
    runId: id,
    experimentId: '1',
    status: 'FINISHED',
    startTime: undefined,
    durationMs: undefined,
    user: undefined,
    params: new Map(),
    metrics: new Map(),
    tags: new Map(),
    ...over,
  };
}

const params = (o: Record<string, string>) => new Map(Object.entries(o));
const metrics = (o: Record<string, number>) =>
  new Map(Object.entries(o).map(([k, value]) => [k, { value }]));

const section = (diff: RunDiff, id: SectionId) =>
  diff.sections.find((s) => s.id === id)?.rows ?? [];
const texts = (diff: RunDiff, id: SectionId) =>
  Object.fromEntries(section(diff, id).map((r) => [r.key, r.cells.map((c) => c?.text ?? null)]));

describe('buildRunDiff', () => {
  it('has the five sections in order, with one cell per run in the given order', () => {
    const diff = buildRunDiff([
      run('b', { params: params({ lr: '0.1' }) }),
      run('a', { params: params({ lr: '0.2' }) }),
    ]);
    expect(diff.runIds).toEqual(['b', 'a']);
    expect(diff.sections.map((s) => s.id)).toEqual([
      'params',
      'metrics',
      'tags',
      'attributes',
      'datasets',
    ]);
    expect(texts(diff, 'params')).toEqual({ lr: ['0.1', '0.2'] });
  });

  it('marks equal rows, and a key some runs lack as different', () => {
    const diff = buildRunDiff([
      run('a', { params: params({ same: '1', diff: 'x', some: 'y' }) }),
      run('b', { params: params({ same: '1', diff: 'z' }) }),
    ]);
    const byKey = Object.fromEntries(section(diff, 'params').map((r) => [r.key, r.equal]));
    expect(byKey).toEqual({ same: true, diff: false, some: false });
    expect(texts(diff, 'params').some).toEqual(['y', null]);
  });

  it('compares params as text: 1 and 1.0 differ', () => {
    const diff = buildRunDiff([
      run('a', { params: params({ n: '1' }) }),
      run('b', { params: params({ n: '1.0' }) }),
    ]);
    const [row] = section(diff, 'params');
    expect(row?.equal).toBe(false);
    expect(row?.spread).toEqual({ min: 1, max: 1 });
  });

  it('gives numeric rows their spread over finite values, and none to text rows', () => {
    const diff = buildRunDiff([
      run('a', { params: params({ lr: '0.1', opt: 'adam' }), metrics: metrics({ loss: 0.5 }) }),
      run('b', { params: params({ lr: '1e-3', opt: '2' }), metrics: metrics({ loss: NaN }) }),
      run('c', { params: params({ lr: '-2' }), metrics: metrics({ loss: 0.25 }) }),
    ]);
    const lr = section(diff, 'params').find((r) => r.key === 'lr');
    expect(lr).toMatchObject({ numeric: true, spread: { min: -2, max: 0.1 } });
    const opt = section(diff, 'params').find((r) => r.key === 'opt');
    expect(opt).toMatchObject({ numeric: false, spread: undefined });
    const [loss] = section(diff, 'metrics');
    expect(loss).toMatchObject({ numeric: true, spread: { min: 0.25, max: 0.5 }, equal: false });
    expect(loss?.cells.map((c) => c?.text)).toEqual(['0.5', 'NaN', '0.25']);
  });

  it('reads NaN logged by every run as equal', () => {
    const diff = buildRunDiff([
      run('a', { metrics: metrics({ m: NaN, z: -0 }) }),
      run('b', { metrics: metrics({ m: NaN, z: 0 }) }),
    ]);
    expect(section(diff, 'metrics').map((r) => [r.key, r.equal, r.spread])).toEqual([
      ['m', true, undefined],
      ['z', true, { min: -0, max: 0 }],
    ]);
  });

  it('ranks params by variation by default, by key on request; other sections by key', () => {
    const runs = [
      run('a', {
        params: params({ a_same: '1', seed: '1', lr: '0.1' }),
        metrics: metrics({ b: 1, a: 2 }),
      }),
      run('b', {
        params: params({ a_same: '1', seed: '2', lr: '0.1' }),
        metrics: metrics({ b: 1, a: 2 }),
      }),
      run('c', {
        params: params({ a_same: '1', seed: '3', lr: '0.01' }),
        metrics: metrics({ b: 1 }),
      }),
    ];
    expect(section(buildRunDiff(runs), 'params').map((r) => r.key)).toEqual([
      'seed',
      'lr',
      'a_same',
    ]);
    expect(section(buildRunDiff(runs, { paramOrder: 'key' }), 'params').map((r) => r.key)).toEqual([
      'a_same',
      'lr',
      'seed',
    ]);
    expect(section(buildRunDiff(runs), 'metrics').map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('flattens dict and list params into dotted keys that remember their param', () => {
    const diff = buildRunDiff(
      [
        run('a', { params: params({ optimizer: "{'lr': 0.1, 'betas': (0.9, 0.99)}" }) }),
        run('b', { params: params({ optimizer: '{"lr": 0.01, "betas": [0.9, 0.99]}' }) }),
        run('c', { params: params({ optimizer: 'sgd' }) }),
      ],
      { paramOrder: 'key' },
    );
    expect(texts(diff, 'params')).toEqual({
      optimizer: [null, null, 'sgd'],
      'optimizer.betas.0': ['0.9', '0.9', null],
      'optimizer.betas.1': ['0.99', '0.99', null],
      'optimizer.lr': ['0.1', '0.01', null],
    });
    const lr = section(diff, 'params').find((r) => r.key === 'optimizer.lr');
    expect(lr?.origin).toBe('optimizer');
    expect(lr?.spread).toEqual({ min: 0.01, max: 0.1 });
    expect(section(diff, 'params').find((r) => r.key === 'optimizer')?.origin).toBeUndefined();
  });

  it('keeps a param logged under a dotted name over the same name flattened out of another', () => {
    const diff = buildRunDiff([
      run('a', { params: params({ 'opt.lr': '0.5', opt: "{'lr': 0.1, 'm': 0.9}" }) }),
    ]);
    expect(texts(diff, 'params')).toMatchObject({ 'opt.lr': ['0.5'], 'opt.m': ['0.9'] });
    expect(section(diff, 'params').find((r) => r.key === 'opt.lr')?.origin).toBeUndefined();
  });

  it('leaves param values whole when flattening is off', () => {
    const diff = buildRunDiff([run('a', { params: params({ o: '{"a": 1}' }) })], {
      flattenParams: false,
    });
    expect(texts(diff, 'params')).toEqual({ o: ['{"a": 1}'] });
  });

  it('keeps keys that look like object internals as plain keys', () => {
    const hostile = new Map([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['toString', '{"__proto__": {"polluted": 1}}'],
    ]);
    const rows = section(
      buildRunDiff([run('a', { params: hostile })], { paramOrder: 'key' }),
      'params',
    );
    expect(rows.map((r) => [r.key, r.cells[0]?.text])).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['toString.__proto__.polluted', '1'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves mlflow.* tags out by default and shows them on request', () => {
    const tags = new Map([
      ['team', 'vision'],
      ['mlflow.user', 'ana'],
      ['mlflow.log-model.history', '[{"big": "json"}]'],
    ]);
    expect(texts(buildRunDiff([run('a', { tags })]), 'tags')).toEqual({ team: ['vision'] });
    expect(
      Object.keys(texts(buildRunDiff([run('a', { tags })], { systemTags: true }), 'tags')),
    ).toEqual(['mlflow.log-model.history', 'mlflow.user', 'team']);
  });

  it('shows attributes in a fixed order, leaving out those no run has', () => {
    const start = Date.UTC(2024, 0, 2, 3, 4, 5, 6);
    const tags = new Map([
      ['mlflow.source.name', 'train.py'],
      ['mlflow.source.git.commit', 'abc123'],
    ]);
    const diff = buildRunDiff([
      run('a', { startTime: start, durationMs: 60_000, user: 'ana', tags }),
      run('b', { status: 'FAILED', experimentId: '2' }),
    ]);
    expect(texts(diff, 'attributes')).toEqual({
      status: ['FINISHED', 'FAILED'],
      start_time: ['2024-01-02T03:04:05.006Z', null],
      duration_ms: ['60000', null],
      user: ['ana', null],
      source: ['train.py', null],
      git_commit: ['abc123', null],
      experiment_id: ['1', '2'],
    });
    expect(section(diff, 'attributes').map((r) => r.key)).toEqual([
      'status',
      'start_time',
      'duration_ms',
      'user',
      'source',
      'git_commit',
      'experiment_id',
    ]);
    expect(section(diff, 'attributes').find((r) => r.key === 'start_time')?.spread).toEqual({
      min: start,
      max: start,
    });
  });

  it('shows datasets by name and context, with their digests', () => {
    const diff = buildRunDiff([
      run('a', {
        datasets: [
          { name: 'iris', digest: 'd1', context: 'training' },
          { name: 'iris', digest: 'd9', context: 'eval' },
          { name: 'extra', digest: 'e2', context: undefined },
          { name: 'extra', digest: 'e1', context: undefined },
        ],
      }),
      run('b', { datasets: [{ name: 'iris', digest: 'd2', context: 'training' }] }),
    ]);
    expect(texts(diff, 'datasets')).toEqual({
      extra: ['e1, e2', null],
      'iris (eval)': ['d9', null],
      'iris (training)': ['d1', 'd2'],
    });
  });

  it('gives no rows for no runs, and equal rows for one run', () => {
    expect(buildRunDiff([]).sections.every((s) => s.rows.length === 0)).toBe(true);
    const one = buildRunDiff([run('a', { params: params({ p: '1' }) })]);
    expect(section(one, 'params')[0]?.equal).toBe(true);
  });
});

describe('makeRow', () => {
  it('calls a row of only missing cells unequal', () => {
    expect(makeRow('params', 'k', [null, null]).equal).toBe(false);
    expect(makeRow('params', 'k', []).equal).toBe(false);
  });
});

describe('paramNumber', () => {
  it('reads plain decimals only', () => {
    expect(['1', '-2.5', '.5', '1e-3', '+3', '10.'].map(paramNumber)).toEqual([
      1, -2.5, 0.5, 0.001, 3, 10,
    ]);
    for (const t of ['', ' 1', '0x10', 'Infinity', 'NaN', '1e999', '1,000', 'True']) {
      expect(paramNumber(t), t).toBeUndefined();
    }
  });
});

describe('filterRunDiff', () => {
  const diff = buildRunDiff(
    [
      run('a', {
        params: params({ lr: '0.1', LR_decay: '0.9', seed: '1' }),
        metrics: metrics({ loss: 1 }),
      }),
      run('b', {
        params: params({ lr: '0.2', LR_decay: '0.9', seed: '1' }),
        metrics: metrics({ loss: 1 }),
      }),
    ],
    { paramOrder: 'key' },
  );
  const view = (differencesOnly: boolean, search: string) =>
    Object.fromEntries(
      filterRunDiff(diff, { differencesOnly, search }).map((s) => [
        s.id,
        {
          keys: s.rows.map((r) => r.key),
          hidden: s.hiddenEqual,
          matching: s.matching,
          total: s.total,
        },
      ]),
    );

  it('hides equal rows and counts them per section', () => {
    const v = view(true, '');
    expect(v.params).toEqual({ keys: ['lr'], hidden: 2, matching: 3, total: 3 });
    expect(v.metrics).toEqual({ keys: [], hidden: 1, matching: 1, total: 1 });
    // The status attribute is equal; the experiment too.
    expect(v.attributes).toEqual({ keys: [], hidden: 2, matching: 2, total: 2 });
  });

  it('shows every row with differences-only off', () => {
    expect(view(false, '').params).toEqual({
      keys: ['lr', 'LR_decay', 'seed'],
      hidden: 0,
      matching: 3,
      total: 3,
    });
  });

  it('searches keys case-insensitively, trimmed, and counts hidden rows among the matches', () => {
    expect(view(true, '  lr ').params).toEqual({ keys: ['lr'], hidden: 1, matching: 2, total: 3 });
    expect(view(false, 'Lr_D').params?.keys).toEqual(['LR_decay']);
    expect(view(false, 'nothing').params).toEqual({ keys: [], hidden: 0, matching: 0, total: 3 });
    // The search reads the key, not the value.
    expect(view(false, '0.9').params?.keys).toEqual([]);
  });
});

describe('datasetsFromInputs', () => {
  it('reads name, digest and the context tag, skipping nameless inputs', () => {
    expect(
      datasetsFromInputs({
        dataset_inputs: [
          {
            tags: [{ key: 'mlflow.data.context', value: 'training' }],
            dataset: { name: 'iris', digest: 'abc' },
          },
          { dataset: { name: 'raw' } },
          { dataset: { digest: 'x' } },
          {},
        ],
      }),
    ).toEqual([
      { name: 'iris', digest: 'abc', context: 'training' },
      { name: 'raw', digest: undefined, context: undefined },
    ]);
    expect(datasetsFromInputs(undefined)).toEqual([]);
  });
});
