import { describe, expect, it } from 'vitest';
import {
  axisColumn,
  buildAxis,
  defaultAxisKeys,
  fieldsOf,
  moveAxis,
  positionOf,
  toParcoordsRun,
  valueAt,
  varyingParams,
} from './axes';
import type { CategoricalAxis, NumericAxis } from './axes';
import { runsOf } from './test-runs';

const linear = (key: string) => ({ key, scale: 'linear' as const });
const log = (key: string) => ({ key, scale: 'log' as const });

// The compare fixture's live runs (scripts/seed_compare.py): base, lr, deep.
const cmp = runsOf([
  { 'p:lr': '0.01', 'p:max_depth': '4', 'p:seed': '7', 'p:optimizer': 'adam', 'm:val_loss': 0.37 },
  { 'p:lr': '0.1', 'p:max_depth': '4', 'p:seed': '7', 'p:optimizer': 'adam', 'm:val_loss': 0.61 },
  { 'p:lr': '0.01', 'p:max_depth': '8', 'p:seed': '7', 'p:optimizer': 'adam', 'm:val_loss': 0.33 },
]);

describe('buildAxis', () => {
  it('makes a numeric axis of decimal params, over their extent', () => {
    const axis = buildAxis(linear('p:lr'), cmp) as NumericAxis;
    expect(axis).toMatchObject({
      kind: 'numeric',
      source: 'param',
      field: 'lr',
      scale: 'linear',
      logAllowed: true,
      domain: [0.01, 0.1],
      missing: 0,
    });
    expect(axis.ticks).toEqual([0.02, 0.04, 0.06, 0.08, 0.1]);
  });

  it('draws log only when every value is > 0, with power-of-ten ticks', () => {
    const axis = buildAxis(log('p:lr'), cmp) as NumericAxis;
    expect(axis.scale).toBe('log');
    expect(axis.ticks).toEqual([0.01, 0.1]);
    const withZero = runsOf([{ 'm:x': 0 }, { 'm:x': 5 }]);
    expect(buildAxis(log('m:x'), withZero)).toMatchObject({ scale: 'linear', logAllowed: false });
  });

  it('makes text params categorical, in natural order, numbers among them by their spelling', () => {
    const runs = runsOf([
      { 'p:layer': 'layer10' },
      { 'p:layer': 'layer2' },
      { 'p:layer': 'Layer1' },
      { 'p:layer': 'layer2' },
      { 'p:layer': '3' },
      {},
    ]);
    const axis = buildAxis(linear('p:layer'), runs) as CategoricalAxis;
    expect(axis.kind).toBe('categorical');
    expect(axis.categories).toEqual(['3', 'Layer1', 'layer2', 'layer10']);
    expect(axis.missing).toBe(1);
    expect([...axisColumn(axis, runs)]).toEqual([3, 2, 1, 2, 0, NaN]);
  });

  it('puts absent, NaN and infinite values on the missing slot of a numeric axis', () => {
    const runs = runsOf([{ 'm:x': 1 }, { 'm:x': NaN }, { 'm:x': Infinity }, {}, { 'm:x': 3 }]);
    const axis = buildAxis(linear('m:x'), runs) as NumericAxis;
    expect(axis).toMatchObject({ kind: 'numeric', domain: [1, 3], missing: 3 });
    expect([...axisColumn(axis, runs)]).toEqual([1, NaN, NaN, NaN, 3]);
  });

  it('pads the domain of a single value so it sits in the middle', () => {
    const one = buildAxis(linear('m:x'), runsOf([{ 'm:x': 4 }, { 'm:x': 4 }])) as NumericAxis;
    expect(one.domain).toEqual([2, 6]);
    expect(positionOf(one, 4)).toBe(0.5);
    const zero = buildAxis(linear('m:x'), runsOf([{ 'm:x': 0 }])) as NumericAxis;
    expect(zero.domain).toEqual([-1, 1]);
    const logOne = buildAxis(log('m:x'), runsOf([{ 'm:x': 10 }])) as NumericAxis;
    expect(positionOf(logOne, 10)).toBeCloseTo(0.5);
  });

  it('gives an axis nobody has every run on the missing slot', () => {
    const runs = runsOf([{}, { 'm:x': NaN }]);
    const axis = buildAxis(linear('m:x'), runs) as NumericAxis;
    expect(axis).toMatchObject({ kind: 'numeric', missing: 2, ticks: [] });
  });
});

describe('positionOf and valueAt', () => {
  it('run 0 at the bottom to 1 at the top, linear or log', () => {
    const lin = buildAxis(linear('p:lr'), cmp) as NumericAxis;
    expect(positionOf(lin, 0.01)).toBe(0);
    expect(positionOf(lin, 0.1)).toBe(1);
    expect(positionOf(lin, 0.055)).toBeCloseTo(0.5);
    expect(positionOf(lin, NaN)).toBeNaN();
    const lg = buildAxis(log('p:lr'), runsOf([{ 'p:lr': '0.001' }, { 'p:lr': '0.1' }]));
    expect(positionOf(lg, 0.01)).toBeCloseTo(0.5);
    expect(valueAt(lg as NumericAxis, 0.5)).toBeCloseTo(0.01);
    expect(valueAt(lin, 0.5)).toBeCloseTo(0.055);
  });

  it('spreads categories evenly, a lone one in the middle', () => {
    const three = buildAxis(
      linear('p:o'),
      runsOf([{ 'p:o': 'a' }, { 'p:o': 'b' }, { 'p:o': 'c' }]),
    );
    expect([0, 1, 2].map((i) => positionOf(three, i))).toEqual([0, 0.5, 1]);
    const one = buildAxis(linear('p:o'), runsOf([{ 'p:o': 'a' }]));
    expect(positionOf(one, 0)).toBe(0.5);
  });
});

describe('fieldsOf', () => {
  it('lists params then metrics, naturally ordered, each once', () => {
    const runs = runsOf([
      { 'p:b10': '1', 'm:loss': 1, 'p:b2': 'x' },
      { 'p:b2': 'y', 'm:acc': 0.5, 'p:gone': undefined },
    ]);
    expect(fieldsOf(runs)).toEqual({ params: ['p:b2', 'p:b10'], metrics: ['m:acc', 'm:loss'] });
  });
});

describe('varyingParams', () => {
  it('keeps the params that vary, a run without one varying too', () => {
    const runs = runsOf([
      { 'p:same': '1', 'p:some': '1', 'p:text': 'a', 'p:num': '1' },
      { 'p:same': '1', 'p:text': 'b', 'p:num': '2' },
    ]);
    expect(varyingParams(runs, ['p:same', 'p:some', 'p:text', 'p:num'])).toEqual([
      { key: 'p:text', numeric: false },
      { key: 'p:num', numeric: true },
      { key: 'p:some', numeric: true },
    ]);
  });
});

describe('defaultAxisKeys', () => {
  it('shows the params that vary, numeric first, then the metrics; none every run shares', () => {
    const runs = runsOf([
      { ...Object.fromEntries(cmp[0]?.values ?? []), 'p:config': '{"a": 1}' },
      { ...Object.fromEntries(cmp[1]?.values ?? []), 'p:config': '{"a": 2}' },
      { ...Object.fromEntries(cmp[2]?.values ?? []), 'p:config': '{"a": 1}' },
    ]);
    // lr spreads 0.09/0.11, max_depth 4/12: lr first.
    expect(defaultAxisKeys(runs)).toEqual(['p:lr', 'p:max_depth', 'p:config', 'm:val_loss']);
  });

  it('caps the axes, keeping room for four metrics', () => {
    const row = (i: number) => {
      const values: Record<string, string | number> = {};
      for (let k = 0; k < 20; k++) values[`p:k${k}`] = String(i * (k + 1));
      for (let k = 0; k < 6; k++) values[`m:m${k}`] = i + k;
      return values;
    };
    const runs = runsOf([row(1), row(2)]);
    const keys = defaultAxisKeys(runs, 12);
    expect(keys).toHaveLength(12);
    expect(keys.filter((k) => k.startsWith('m:'))).toEqual(['m:m0', 'm:m1', 'm:m2', 'm:m3']);
    expect(defaultAxisKeys(runsOf([{ 'm:a': 1 }, { 'm:a': 2 }]))).toEqual(['m:a']);
    expect(defaultAxisKeys([])).toEqual([]);
  });
});

describe('moveAxis', () => {
  it('moves one item to another index', () => {
    expect(moveAxis(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveAxis(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveAxis(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(moveAxis(['a', 'b', 'c'], 1, -4)).toEqual(['b', 'a', 'c']);
    expect(moveAxis(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('toParcoordsRun', () => {
  it('keys params and metrics apart, a param and a metric of one name both kept', () => {
    const run = toParcoordsRun({
      runId: 'abc',
      name: 'my run',
      params: new Map([
        ['lr', '0.01'],
        ['__proto__', 'x'],
      ]),
      metrics: new Map([['lr', { value: 0.5 }]]),
    });
    expect(run).toEqual({
      id: 'abc',
      name: 'my run',
      values: new Map<string, string | number>([
        ['p:lr', '0.01'],
        ['p:__proto__', 'x'],
        ['m:lr', 0.5],
      ]),
    });
  });

  it('gives a dict param one axis per leaf, as the diff table rows do', () => {
    const run = toParcoordsRun({
      runId: 'abc',
      name: 'my run',
      params: new Map([
        ['model_config', '{"type": "gbm", "params": {"max_depth": 3}}'],
        ['model_config.type', 'logged-as-is'],
      ]),
      metrics: new Map(),
    });
    expect(run.values).toEqual(
      new Map<string, string | number>([
        ['p:model_config.type', 'logged-as-is'],
        ['p:model_config.params.max_depth', '3'],
      ]),
    );
  });
});
