import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COMPARE_VIEW,
  MAX_ARTIFACT_PATH_LENGTH,
  MAX_COMPARE_RUNS,
  MAX_REJECTED,
  compareHistoryMode,
  formatStepChoice,
  readCompareView,
  readStepChoice,
  writeCompareView,
} from './compare-url';
import type { CompareView, StepChoice } from './compare-url';
import type { AxisSpec, Brush } from '../parcoords/types';

const A = '0123456789abcdef0123456789abcdef';
const B = 'fedcba9876543210fedcba9876543210';
const C = 'c0ffee00c0ffee00c0ffee00c0ffee00';

const read = (query: string) => readCompareView(new URLSearchParams(query));
const viewOf = (query: string): CompareView => {
  const r = read(query);
  return {
    runs: r.runs,
    experiments: r.experiments,
    baseline: r.baseline,
    differencesOnly: r.differencesOnly,
    collapsed: r.collapsed,
    step: r.step,
    pcAxes: r.pcAxes,
    pcBrushes: r.pcBrushes,
    pcColor: r.pcColor,
    onlyBrushed: r.onlyBrushed,
    artifactLeft: r.artifactLeft,
    artifactRight: r.artifactRight,
    artifactPath: r.artifactPath,
  };
};

describe('readCompareView', () => {
  it('reads every default from an empty URL', () => {
    expect(read('')).toEqual({
      ...DEFAULT_COMPARE_VIEW,
      totalRuns: 0,
      truncated: false,
      rejected: [],
    });
  });

  it('reads a full link', () => {
    expect(
      read(
        `runs=${B},${A},${C}&experiments=1,2&baseline=${A}&diff=all&collapsed=tags,params&at=step:100`,
      ),
    ).toEqual({
      runs: [B, A, C],
      totalRuns: 3,
      truncated: false,
      rejected: [],
      experiments: ['1', '2'],
      baseline: A,
      differencesOnly: false,
      // In the page's section order, not the URL's.
      collapsed: ['params', 'tags'],
      step: { kind: 'step', step: 100 },
      pcAxes: undefined,
      pcBrushes: new Map(),
      pcColor: undefined,
      onlyBrushed: false,
    });
  });

  it('keeps the run order, drops duplicates and empty entries, trims spaces', () => {
    expect(read(`runs=${B},,${A}, ${B} ,${A}`).runs).toEqual([B, A]);
    // As URLSearchParams writes the comma.
    expect(read(`runs=${A}%2C${B}`).runs).toEqual([A, B]);
  });

  it('reports entries that cannot be run ids, and keeps the rest', () => {
    const r = read(`runs=${A},my run,'; DROP,${B},<script>`);
    expect(r.runs).toEqual([A, B]);
    expect(r.rejected).toEqual(['my run', "'; DROP", '<script>']);
    expect(read(`runs=${'x'.repeat(65)}`).rejected).toEqual(['x'.repeat(65)]);
  });

  it('caps what it reports of rejected entries', () => {
    const junk = Array.from({ length: 50 }, (_, i) => `bad id ${i}${'!'.repeat(200)}`).join(',');
    const { rejected } = read(`runs=${encodeURIComponent(junk)}`);
    expect(rejected).toHaveLength(MAX_REJECTED);
    expect(rejected.every((r) => r.length <= 80)).toBe(true);
  });

  it('keeps the first 200 distinct runs and says more were given', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `run${i}`);
    const r = read(`runs=${[...ids, ...ids].join(',')}`);
    expect(r.runs).toHaveLength(MAX_COMPARE_RUNS);
    expect(r.runs[0]).toBe('run0');
    expect(r.runs[199]).toBe('run199');
    expect(r.totalRuns).toBe(250);
    expect(r.truncated).toBe(true);
    const exact = read(`runs=${ids.slice(0, 200).join(',')},run0`);
    expect(exact.truncated).toBe(false);
    expect(exact.totalRuns).toBe(200);
  });

  it('reads MLflow’s JSON list spelling of runs and experiments', () => {
    const r = read(`runs=${encodeURIComponent(JSON.stringify([A, B, 42]))}&experiments=["7"]`);
    expect(r.runs).toEqual([A, B]);
    expect(r.experiments).toEqual(['7']);
    expect(read(`runs=[${A},${B}]`).runs).toEqual([]);
  });

  it('reads a baseline that is not a compared run as none', () => {
    expect(read(`runs=${A}&baseline=${B}`).baseline).toBeUndefined();
    const ids = Array.from({ length: 201 }, (_, i) => `r${i}`);
    expect(read(`runs=${ids.join(',')}&baseline=r200`).baseline).toBeUndefined();
    expect(read(`runs=${ids.join(',')}&baseline=r199`).baseline).toBe('r199');
  });

  it('reads unreadable values as defaults', () => {
    expect(
      viewOf(
        'runs=&experiments=a b,2&baseline=&diff=no&collapsed=everything,,PARAMS&at=step:x' +
          '&pc=lr,,x:y&pcb=p:lr:a:b;;&pcc=p:lr&only=yes',
      ),
    ).toEqual({ ...DEFAULT_COMPARE_VIEW, experiments: ['2'] });
  });

  it('reads the parallel coordinates’ axes, brushes, colour and filter', () => {
    const r = read(
      `runs=${A}&pc=p:lr:log,m:val_loss,junk&pcb=p:lr:0.05:0.1;p:opt:=adam|sgd:missing&pcc=m:val_loss&only=brushed`,
    );
    expect(r.pcAxes).toEqual([
      { key: 'p:lr', scale: 'log' },
      { key: 'm:val_loss', scale: 'linear' },
    ]);
    expect(r.pcBrushes).toEqual(
      new Map<string, Brush>([
        ['p:lr', { kind: 'range', lo: 0.05, hi: 0.1, missing: false }],
        ['p:opt', { kind: 'set', values: ['adam', 'sgd'], missing: true }],
      ]),
    );
    expect(r.pcColor).toBe('m:val_loss');
    expect(r.onlyBrushed).toBe(true);
  });
});

describe('readStepChoice', () => {
  it('reads each choice', () => {
    expect(readStepChoice(null)).toEqual({ kind: 'latest' });
    expect(readStepChoice('latest')).toEqual({ kind: 'latest' });
    expect(readStepChoice('min')).toEqual({ kind: 'min' });
    expect(readStepChoice('max')).toEqual({ kind: 'max' });
    expect(readStepChoice('step:0')).toEqual({ kind: 'step', step: 0 });
    expect(readStepChoice('step:-0')).toEqual({ kind: 'step', step: 0 });
    expect(readStepChoice('step:-5')).toEqual({ kind: 'step', step: -5 });
    expect(readStepChoice('best:val/loss: top,1')).toEqual({
      kind: 'best',
      metric: 'val/loss: top,1',
    });
  });

  it('reads malformed choices as the latest value', () => {
    for (const v of [
      '',
      'MIN',
      'step:',
      'step:1.5',
      'step:1e3',
      'step: 5',
      'step:0x10',
      'step:99999999999999999',
      'best:',
      'last',
    ]) {
      expect(readStepChoice(v), v).toEqual({ kind: 'latest' });
    }
  });

  it('writes the default as nothing', () => {
    expect(formatStepChoice({ kind: 'latest' })).toBeNull();
    expect(formatStepChoice({ kind: 'step', step: 2 ** 60 })).toBeNull();
    expect(formatStepChoice({ kind: 'best', metric: '' })).toBeNull();
  });
});

describe('writeCompareView', () => {
  it('writes a full view and reads it back', () => {
    const view: CompareView = {
      runs: [C, A, B],
      experiments: ['3', '1'],
      baseline: B,
      differencesOnly: false,
      collapsed: ['tags', 'datasets'],
      step: { kind: 'best', metric: 'val loss,a:b' },
      pcAxes: [
        { key: 'p:lr', scale: 'log' },
        { key: 'm:val loss,a:b', scale: 'linear' },
      ],
      pcBrushes: new Map([['p:lr', { kind: 'range', lo: 0.05, hi: 0.1, missing: false }]]),
      pcColor: 'm:val loss,a:b',
      onlyBrushed: true,
      artifactLeft: A,
      artifactRight: C,
      artifactPath: 'reports/a b,c:d.yaml',
    };
    const search = writeCompareView(new URLSearchParams(), view);
    expect(Object.fromEntries(search)).toEqual({
      runs: `${C},${A},${B}`,
      experiments: '3,1',
      baseline: B,
      diff: 'all',
      collapsed: 'tags,datasets',
      at: 'best:val loss,a:b',
      pc: 'p:lr:log,m:val%20loss%2Ca%3Ab',
      pcb: 'p:lr:0.05:0.1',
      pcc: 'm:val%20loss%2Ca%3Ab',
      only: 'brushed',
      al: A,
      ar: C,
      af: 'reports/a b,c:d.yaml',
    });
    expect(viewOf(search.toString())).toEqual(view);
  });

  it('leaves defaults out of the URL', () => {
    const search = writeCompareView(
      new URLSearchParams(
        'runs=a&diff=all&at=min&collapsed=tags&pc=p:x&pcb=p:x:1:2&pcc=m:y&only=brushed',
      ),
      {
        differencesOnly: true,
        step: { kind: 'latest' },
        collapsed: [],
        baseline: undefined,
        pcAxes: undefined,
        pcBrushes: new Map(),
        pcColor: undefined,
        onlyBrushed: false,
      },
    );
    expect(search.toString()).toBe('runs=a');
  });

  it('writes no axes as an empty list, which reads back as none rather than the default', () => {
    const search = writeCompareView(new URLSearchParams('runs=a'), { pcAxes: [] });
    expect(search.get('pc')).toBe('');
    expect(viewOf(search.toString()).pcAxes).toEqual([]);
  });

  it('keeps other parameters, and runs beyond the cap when it writes something else', () => {
    const ids = Array.from({ length: 201 }, (_, i) => `r${i}`).join(',');
    const before = new URLSearchParams(`runs=${ids}&x:loss=wall`);
    const after = writeCompareView(before, { differencesOnly: false });
    expect(after.get('runs')).toBe(ids);
    expect(after.get('x:loss')).toBe('wall');
    expect(after.get('diff')).toBe('all');
  });

  it('writes runs deduplicated, well-formed and capped', () => {
    const ids = Array.from({ length: 205 }, (_, i) => `r${i}`);
    const search = writeCompareView(new URLSearchParams(), { runs: [...ids, 'r0', 'bad id'] });
    expect(search.get('runs')?.split(',')).toEqual(ids.slice(0, 200));
  });

  it('drops the baseline when the runs written leave it out', () => {
    const start = new URLSearchParams(`runs=${A},${B}&baseline=${B}`);
    expect(writeCompareView(start, { runs: [A, C] }).get('baseline')).toBeNull();
    expect(writeCompareView(start, { runs: [B, C] }).get('baseline')).toBe(B);
    expect(writeCompareView(start, { runs: [] }).toString()).toBe('');
  });

  it('ignores fields it does not know', () => {
    const patch = { bogus: 'x' } as unknown as Partial<CompareView>;
    expect(writeCompareView(new URLSearchParams('a=1'), patch).toString()).toBe('a=1');
  });

  it('round-trips any view (property)', () => {
    const id = fc.stringMatching(/^[\w-]{1,64}$/);
    const step: fc.Arbitrary<StepChoice> = fc.oneof(
      fc.constant({ kind: 'latest' as const }),
      fc.constant({ kind: 'min' as const }),
      fc.constant({ kind: 'max' as const }),
      fc
        .integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
        .map((s) => ({ kind: 'step' as const, step: s })),
      fc.string({ minLength: 1 }).map((metric) => ({ kind: 'best' as const, metric })),
    );
    const metricKey = fc.string({ minLength: 1 }).map((k) => `m:${k}`);
    const axisKey = fc.oneof(
      metricKey,
      fc.string({ minLength: 1 }).map((k) => `p:${k}`),
    );
    const axes: fc.Arbitrary<AxisSpec[]> = fc.uniqueArray(
      fc.record({ key: axisKey, scale: fc.constantFrom('linear' as const, 'log' as const) }),
      { selector: (a) => a.key, maxLength: 6 },
    );
    const brush: fc.Arbitrary<Brush> = fc.oneof(
      fc.constant({ kind: 'missing' as const }),
      fc.tuple(fc.integer(), fc.nat(), fc.boolean()).map(([lo, width, missing]) => ({
        kind: 'range' as const,
        lo: lo / 100,
        hi: (lo + width) / 100,
        missing,
      })),
      fc
        .tuple(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 4 }), fc.boolean())
        .map(([values, missing]) => ({ kind: 'set' as const, values, missing })),
    );
    const brushes = fc
      .uniqueArray(fc.tuple(axisKey, brush), { selector: ([k]) => k, maxLength: 4 })
      .map((entries) => new Map(entries));
    const view = fc
      .record({
        runs: fc.uniqueArray(id, { maxLength: 30 }),
        experiments: fc.uniqueArray(id, { maxLength: 5 }),
        baselineIndex: fc.nat(),
        hasBaseline: fc.boolean(),
        differencesOnly: fc.boolean(),
        collapsed: fc.subarray(['params', 'metrics', 'tags', 'attributes', 'datasets'] as const),
        step,
        pcAxes: fc.option(axes, { nil: undefined }),
        pcBrushes: brushes,
        pcColor: fc.option(metricKey, { nil: undefined }),
        onlyBrushed: fc.boolean(),
        artifactLeft: fc.option(id, { nil: undefined }),
        artifactRight: fc.option(id, { nil: undefined }),
        artifactPath: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }),
      })
      .map(({ baselineIndex, hasBaseline, ...v }): CompareView => ({
        ...v,
        baseline: hasBaseline ? v.runs[baselineIndex % Math.max(1, v.runs.length)] : undefined,
      }));
    fc.assert(
      fc.property(view, (v) => {
        const search = writeCompareView(new URLSearchParams(), v);
        expect(viewOf(search.toString())).toEqual(v);
        // Writing what was read changes nothing.
        expect(writeCompareView(search, viewOf(search.toString())).toString()).toBe(
          search.toString(),
        );
      }),
    );
  });
});

describe('compareHistoryMode', () => {
  it('pushes new views and replaces toggles', () => {
    expect(compareHistoryMode('runs')).toBe('push');
    expect(compareHistoryMode('baseline')).toBe('push');
    expect(compareHistoryMode('step')).toBe('push');
    expect(compareHistoryMode('differencesOnly')).toBe('replace');
    expect(compareHistoryMode('collapsed')).toBe('replace');
    expect(compareHistoryMode('pcBrushes')).toBe('replace');
    expect(compareHistoryMode('pcAxes')).toBe('replace');
    expect(compareHistoryMode('pcColor')).toBe('replace');
    expect(compareHistoryMode('onlyBrushed')).toBe('replace');
    expect(compareHistoryMode('artifactPath')).toBe('replace');
    expect(compareHistoryMode('artifactLeft')).toBe('replace');
  });

  it('reads the artifact diff’s runs only as ids, and its path only within bounds', () => {
    const sides = (q: string) => {
      const v = viewOf(q);
      return [v.artifactLeft, v.artifactRight, v.artifactPath];
    };
    expect(sides(`runs=${A},${B}&al=${B}&ar=${A}&af=model/MLmodel`)).toEqual([
      B,
      A,
      'model/MLmodel',
    ]);
    expect(sides(`runs=${A},${B}&al=%22x%22&ar=a%20b&af=`)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(sides(`runs=${A}&af=${'x'.repeat(MAX_ARTIFACT_PATH_LENGTH + 1)}`)[2]).toBeUndefined();
    expect(sides(`runs=${A}&af=${'x'.repeat(MAX_ARTIFACT_PATH_LENGTH)}`)[2]).toHaveLength(
      MAX_ARTIFACT_PATH_LENGTH,
    );
  });
});
