import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHART_RUNS,
  MAX_CHART_RUNS,
  chartedMetrics,
  lowerIsBetter,
  readChartMetrics,
  readChartRuns,
  topDescending,
  topRuns,
  writeChartMetrics,
  writeChartRuns,
} from './chart-choice';
import type { ChartRunsChoice } from './chart-choice';

const read = (query: string) => readChartRuns(new URLSearchParams(query));

describe('readChartRuns', () => {
  it('reads the default from an empty URL', () => {
    expect(read('')).toEqual(DEFAULT_CHART_RUNS);
    expect(DEFAULT_CHART_RUNS).toEqual({ source: 'auto', count: 10, by: undefined, order: 'auto' });
  });

  it('reads each source with what it uses', () => {
    expect(read('runs=selected&n=5&by=acc')).toEqual({ ...DEFAULT_CHART_RUNS, source: 'selected' });
    expect(read('runs=rows&n=25')).toEqual({ ...DEFAULT_CHART_RUNS, source: 'rows', count: 25 });
    expect(read('runs=top&by=val%2Fauc&n=100&order=asc')).toEqual({
      source: 'top',
      count: 100,
      by: 'val/auc',
      order: 'asc',
    });
  });

  it.each([
    ['runs=everything', DEFAULT_CHART_RUNS],
    // Top by nothing ranks nothing.
    ['runs=top&n=5', DEFAULT_CHART_RUNS],
    ['runs=top&by=&n=5', DEFAULT_CHART_RUNS],
    ['runs=rows&n=0', { ...DEFAULT_CHART_RUNS, source: 'rows' }],
    ['runs=rows&n=101', { ...DEFAULT_CHART_RUNS, source: 'rows' }],
    ['runs=rows&n=1e2', { ...DEFAULT_CHART_RUNS, source: 'rows' }],
    ['runs=rows&n=-3', { ...DEFAULT_CHART_RUNS, source: 'rows' }],
    ['runs=rows&n=ten', { ...DEFAULT_CHART_RUNS, source: 'rows' }],
    ['runs=top&by=acc&order=up', { ...DEFAULT_CHART_RUNS, source: 'top', by: 'acc' }],
    ['runs=rows&order=asc', { ...DEFAULT_CHART_RUNS, source: 'rows' }],
  ] as const)('reads the unreadable %j as the default', (query, expected) => {
    expect(read(query)).toEqual(expected);
  });
});

describe('writeChartRuns', () => {
  it('writes only what the source uses, defaults left out, other parameters kept', () => {
    const start = new URLSearchParams('view=charts&filter=x&runs=top&by=a&n=5&order=asc');
    const write = (c: Partial<ChartRunsChoice>) =>
      writeChartRuns(start, { ...DEFAULT_CHART_RUNS, ...c }).toString();
    expect(write({})).toBe('view=charts&filter=x');
    expect(write({ source: 'selected', count: 40, by: 'a' })).toBe(
      'view=charts&filter=x&runs=selected',
    );
    expect(write({ source: 'rows', count: 10 })).toBe('view=charts&filter=x&runs=rows');
    expect(write({ source: 'rows', count: 30, order: 'asc' })).toBe(
      'view=charts&filter=x&runs=rows&n=30',
    );
    expect(write({ source: 'top', count: 3, by: 'val loss', order: 'desc' })).toBe(
      'view=charts&filter=x&runs=top&n=3&by=val+loss&order=desc',
    );
    expect(write({ source: 'top', by: undefined })).toBe('view=charts&filter=x');
  });

  it('writes a count out of range as the default', () => {
    const out = writeChartRuns(new URLSearchParams(), {
      ...DEFAULT_CHART_RUNS,
      source: 'rows',
      count: MAX_CHART_RUNS + 1,
    });
    expect(out.get('n')).toBeNull();
  });

  it('reads back every choice it writes', () => {
    const choice = fc.oneof(
      fc.constant<ChartRunsChoice>(DEFAULT_CHART_RUNS),
      fc.constant<ChartRunsChoice>({ ...DEFAULT_CHART_RUNS, source: 'selected' }),
      fc
        .integer({ min: 1, max: MAX_CHART_RUNS })
        .map((count): ChartRunsChoice => ({ ...DEFAULT_CHART_RUNS, source: 'rows', count })),
      fc
        .record({
          count: fc.integer({ min: 1, max: MAX_CHART_RUNS }),
          by: fc.string({ minLength: 1, maxLength: 20 }),
          order: fc.constantFrom('auto' as const, 'asc' as const, 'desc' as const),
        })
        .map((r): ChartRunsChoice => ({ ...r, source: 'top' })),
    );
    fc.assert(
      fc.property(choice, (c) => {
        const url = writeChartRuns(new URLSearchParams(), c).toString();
        expect(readChartRuns(new URLSearchParams(url))).toEqual(c);
      }),
    );
  });
});

describe('lowerIsBetter and topDescending', () => {
  it.each([
    ['loss', true],
    ['val_loss', true],
    ['train/loss', true],
    ['eval-rmse', true],
    ['test error', true],
    ['Perplexity', true],
    ['accuracy', false],
    ['val/auc', false],
    ['f1', false],
    ['lr', false],
    ['reward', false],
    // A word that only contains one of them is not one of them, nor are words run together.
    ['lossless_ratio', false],
    ['valloss', false],
    ['latency_ms', true],
  ])('%s: lower is better = %s', (key, lower) => {
    expect(lowerIsBetter(key)).toBe(lower);
  });

  it('ranks by the name unless the order is explicit', () => {
    expect(topDescending({ by: 'val_loss', order: 'auto' })).toBe(false);
    expect(topDescending({ by: 'accuracy', order: 'auto' })).toBe(true);
    expect(topDescending({ by: 'val_loss', order: 'desc' })).toBe(true);
    expect(topDescending({ by: 'accuracy', order: 'asc' })).toBe(false);
  });
});

describe('topRuns', () => {
  const run = (id: string, acc?: number) => ({
    id,
    metrics: new Map(acc === undefined ? [] : [['acc', { value: acc }]]),
  });

  it('keeps the order given and skips runs without the metric or with NaN', () => {
    const ordered = [run('a', 0.9), run('b', Number.NaN), run('c', 0.8), run('d'), run('e', 0.1)];
    expect(topRuns(ordered, 'acc', 2).map((r) => r.id)).toEqual(['a', 'c']);
    expect(topRuns(ordered, 'acc', 10).map((r) => r.id)).toEqual(['a', 'c', 'e']);
    expect(topRuns(ordered, 'loss', 10)).toEqual([]);
  });
});

describe('readChartMetrics and writeChartMetrics', () => {
  it('tells nothing asked for from every metric switched off', () => {
    expect(readChartMetrics(new URLSearchParams())).toBeUndefined();
    expect(readChartMetrics(new URLSearchParams('metrics='))).toEqual([]);
  });

  it('reads the older single metric', () => {
    expect(readChartMetrics(new URLSearchParams('metric=lr'))).toEqual(['lr']);
    expect(readChartMetrics(new URLSearchParams('metric=lr&metrics=loss'))).toEqual(['loss']);
  });

  it('escapes commas and percent signs in keys, and reads them back', () => {
    const out = writeChartMetrics(new URLSearchParams('metric=lr'), [
      'a,b',
      '100%',
      'loss',
      'loss',
    ]);
    expect(out.get('metric')).toBeNull();
    expect(out.get('metrics')).toBe('a%2Cb,100%25,loss');
    expect(readChartMetrics(out)).toEqual(['a,b', '100%', 'loss']);
    expect(writeChartMetrics(out, undefined).toString()).toBe('');
  });

  it('reads back every list it writes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 })), (keys) => {
        const url = writeChartMetrics(new URLSearchParams(), keys).toString();
        expect(readChartMetrics(new URLSearchParams(url))).toEqual(keys);
      }),
    );
  });
});

describe('chartedMetrics', () => {
  const available = ['acc', 'loss', 'lr'];

  it('charts the first metric when nothing is asked for', () => {
    expect(chartedMetrics(undefined, available)).toEqual(['acc']);
    expect(chartedMetrics(undefined, [])).toEqual([]);
  });

  it('charts what is asked for and logged, in the runs’ key order', () => {
    expect(chartedMetrics(['lr', 'gone', 'acc'], available)).toEqual(['acc', 'lr']);
    expect(chartedMetrics([], available)).toEqual([]);
  });

  it('falls back to the first metric when nothing asked for was logged', () => {
    expect(chartedMetrics(['gone'], available)).toEqual(['acc']);
  });
});
