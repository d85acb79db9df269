import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHART_VIEW,
  chartParam,
  historyModeOf,
  readChartView,
  readSmoothing,
  writeChartView,
} from './chart-view';
import type { ChartView } from './chart-view';

const RUN_A = '0123456789abcdef0123456789abcdef';
const RUN_B = 'fedcba9876543210fedcba9876543210';

describe('readChartView', () => {
  it('reads every default from an empty URL', () => {
    expect(readChartView(new URLSearchParams(), 'loss')).toEqual(DEFAULT_CHART_VIEW);
  });

  it('reads each setting from its own parameter, named after the metric key', () => {
    const search = new URLSearchParams(
      `x:loss=wall&y:loss=log&smooth:loss=0.6&hide:loss=${RUN_B},${RUN_A}&zoom:loss=10-500`,
    );
    expect(readChartView(search, 'loss')).toEqual({
      xMode: 'wall',
      yScale: 'log',
      smoothing: 0.6,
      hidden: [RUN_A, RUN_B],
      zoom: { startStep: 10, endStep: 500 },
    });
    // Another chart on the same page keeps its own defaults.
    expect(readChartView(search, 'lr')).toEqual(DEFAULT_CHART_VIEW);
  });

  it('reads keys with colons, slashes and spaces (the key is everything after the first colon)', () => {
    const search = new URLSearchParams();
    search.set('y:train/loss: val', 'log');
    expect(readChartView(search, 'train/loss: val').yScale).toBe('log');
    expect(readChartView(search, 'train/loss').yScale).toBe('linear');
  });

  it.each([
    ['x', 'time', 'xMode', 'step'],
    ['x', 'WALL', 'xMode', 'step'],
    ['x', 'relative', 'xMode', 'relative'],
    ['y', 'symlog', 'yScale', 'linear'],
    ['smooth', 'abc', 'smoothing', 0],
    ['smooth', '1', 'smoothing', 0],
    ['smooth', '1.5', 'smoothing', 0],
    ['smooth', '-0.5', 'smoothing', 0],
    ['smooth', '0x10', 'smoothing', 0],
    ['smooth', '1e-1', 'smoothing', 0],
    ['smooth', '', 'smoothing', 0],
    ['smooth', '0.999', 'smoothing', 0],
    ['smooth', '.5', 'smoothing', 0.5],
    ['smooth', '0.123', 'smoothing', 0.12],
    ['zoom', '500-10', 'zoom', null],
    ['zoom', 'a-b', 'zoom', null],
    ['hide', ',,', 'hidden', []],
    ['hide', `${RUN_A},<script>,${RUN_A}`, 'hidden', [RUN_A]],
  ] as const)('reads %s:loss=%j as %s %j', (prefix, value, setting, expected) => {
    const view = readChartView(new URLSearchParams({ [`${prefix}:loss`]: value }), 'loss');
    expect(view[setting]).toEqual(expected);
  });
});

describe('writeChartView', () => {
  it('writes short readable values and leaves defaults out', () => {
    const out = writeChartView(new URLSearchParams('view=charts'), 'loss', {
      xMode: 'relative',
      yScale: 'log',
      smoothing: 0.5,
      hidden: [RUN_B, RUN_A],
      zoom: { startStep: 3, endStep: 40 },
    });
    expect(Object.fromEntries(out)).toEqual({
      view: 'charts',
      'x:loss': 'relative',
      'y:loss': 'log',
      'smooth:loss': '0.5',
      'hide:loss': `${RUN_A},${RUN_B}`,
      'zoom:loss': '3-40',
    });
  });

  it('removes a setting set back to its default, and touches nothing else', () => {
    const start = new URLSearchParams(
      `x:loss=wall&y:loss=log&smooth:loss=0.6&hide:loss=${RUN_A}&zoom:loss=1-2&y:lr=log&filter=a`,
    );
    const out = writeChartView(start, 'loss', DEFAULT_CHART_VIEW);
    expect(out.toString()).toBe('y%3Alr=log&filter=a');
    // The input is not changed.
    expect(start.get('x:loss')).toBe('wall');
  });

  it('leaves settings it is not given as they are', () => {
    const out = writeChartView(new URLSearchParams('x:loss=wall'), 'loss', { yScale: 'log' });
    expect(out.get(chartParam('xMode', 'loss'))).toBe('wall');
    expect(out.get(chartParam('yScale', 'loss'))).toBe('log');
  });

  it('reads back every view it writes', () => {
    const view = fc.record<ChartView>({
      xMode: fc.constantFrom('step', 'wall', 'relative'),
      yScale: fc.constantFrom('linear', 'log'),
      smoothing: fc.integer({ min: 0, max: 99 }).map((n) => n / 100),
      hidden: fc
        .uniqueArray(fc.stringMatching(/^[0-9a-f]{32}$/), { maxLength: 5 })
        .map((ids) => ids.sort()),
      zoom: fc.option(
        fc
          .tuple(fc.integer({ min: -1000, max: 1e9 }), fc.nat({ max: 1e9 }))
          .map(([start, span]) => ({ startStep: start, endStep: start + span })),
      ),
    });
    fc.assert(
      fc.property(view, fc.string({ minLength: 1, maxLength: 20 }), (v, key) => {
        const url = writeChartView(new URLSearchParams(), key, v).toString();
        expect(readChartView(new URLSearchParams(url), key)).toEqual(v);
      }),
    );
  });
});

describe('readSmoothing', () => {
  it('keeps the slider’s two decimals', () => {
    expect(readSmoothing('0.99')).toBe(0.99);
    expect(readSmoothing('0.01')).toBe(0.01);
    expect(readSmoothing('0.004')).toBe(0);
  });
});

describe('historyModeOf', () => {
  it('pushes axis, scale and zoom changes, replaces legend toggles', () => {
    expect(historyModeOf('xMode', false)).toBe('push');
    expect(historyModeOf('yScale', true)).toBe('push');
    expect(historyModeOf('zoom', false)).toBe('push');
    expect(historyModeOf('hidden', false)).toBe('replace');
  });

  it('pushes the first step of a smoothing drag and replaces the ones right after it', () => {
    expect(historyModeOf('smoothing', false)).toBe('push');
    expect(historyModeOf('smoothing', true)).toBe('replace');
  });
});
