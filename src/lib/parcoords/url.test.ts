import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_URL_AXES,
  escapePart,
  formatAxes,
  formatBrushes,
  formatColorBy,
  readAxes,
  readBrushes,
  readColorBy,
  unescapePart,
} from './url';
import type { AxisSpec, Brush, Brushes } from './types';

describe('axes', () => {
  it('reads a list of axes, log where asked', () => {
    expect(readAxes('p:lr,p:max_depth:log,m:val_loss')).toEqual([
      { key: 'p:lr', scale: 'linear' },
      { key: 'p:max_depth', scale: 'log' },
      { key: 'm:val_loss', scale: 'linear' },
    ]);
  });

  it('reads escaped keys: colons, commas and percent signs in them', () => {
    expect(readAxes('m:a%3Ab%2Cc%25d,p:x%7Cy')).toEqual([
      { key: 'm:a:b,c%d', scale: 'linear' },
      { key: 'p:x|y', scale: 'linear' },
    ]);
    expect(formatAxes([{ key: 'm:a:b,c%d', scale: 'log' }])).toBe('m:a%3Ab%2Cc%25d:log');
  });

  it('drops what it cannot read, duplicates too; nothing readable is the default', () => {
    expect(readAxes('x:lr,p:,p:lr:lin,p:lr,p:lr:log,m:a:log:x, p:b%20 ')).toEqual([
      { key: 'p:lr', scale: 'linear' },
      { key: 'p:b ', scale: 'linear' },
    ]);
    expect(readAxes(null)).toBeUndefined();
    expect(readAxes('garbage,,')).toBeUndefined();
    expect(readAxes('')).toEqual([]);
    const many = Array.from({ length: 100 }, (_, i) => `p:k${i}`).join(',');
    expect(readAxes(many)).toHaveLength(MAX_URL_AXES);
  });

  it('writes the default as nothing and no axes as an empty list', () => {
    expect(formatAxes(undefined)).toBeNull();
    expect(formatAxes([])).toBe('');
    expect(formatAxes([{ key: 'bogus', scale: 'linear' }])).toBe('');
  });
});

describe('brushes', () => {
  it('reads ranges, sets and the missing slot', () => {
    expect(
      readBrushes('p:lr:0.05:0.1;p:opt:=adam|sgd;m:loss:0.3:0.5:missing;m:acc:missing'),
    ).toEqual(
      new Map<string, Brush>([
        ['p:lr', { kind: 'range', lo: 0.05, hi: 0.1, missing: false }],
        ['p:opt', { kind: 'set', values: ['adam', 'sgd'], missing: false }],
        ['m:loss', { kind: 'range', lo: 0.3, hi: 0.5, missing: true }],
        ['m:acc', { kind: 'missing' }],
      ]),
    );
  });

  it('reads escaped categories, and swaps a range written backwards', () => {
    expect(readBrushes('p:c:=a%3Ab|%7C|x%2Cy:missing;m:x:5:-1e-3')).toEqual(
      new Map<string, Brush>([
        ['p:c', { kind: 'set', values: ['a:b', '|', 'x,y'], missing: true }],
        ['m:x', { kind: 'range', lo: -0.001, hi: 5, missing: false }],
      ]),
    );
  });

  it('drops garbage entries and keeps the rest', () => {
    const junk = [
      'p:lr:a:b',
      'p:lr:1',
      'p:lr:1:2:3',
      'p:lr:Infinity:1',
      'p:lr:0x1:2',
      'q:lr:1:2',
      'p::1:2',
      'p:y:1:2:missing:missing',
      '',
      'm:ok:1:2',
      'm:ok:3:4',
    ].join(';');
    expect(readBrushes(junk)).toEqual(
      new Map([['m:ok', { kind: 'range', lo: 1, hi: 2, missing: false }]]),
    );
    expect(readBrushes(null).size).toBe(0);
    // `=` alone is the empty category: a param may be logged as ''.
    expect(readBrushes('p:x:=:missing')).toEqual(
      new Map([['p:x', { kind: 'set', values: [''], missing: true }]]),
    );
  });

  it('writes them back as it reads them', () => {
    const text = 'p:lr:0.05:0.1;p:opt:=adam|s%3Ag;m:loss:0.3:0.5:missing;m:acc:missing';
    expect(formatBrushes(readBrushes(text))).toBe(text);
    expect(formatBrushes(new Map())).toBeNull();
    expect(
      formatBrushes(
        new Map<string, Brush>([
          ['p:a', { kind: 'set', values: [], missing: false }],
          ['p:b', { kind: 'range', lo: NaN, hi: 1, missing: false }],
          ['p:c', { kind: 'set', values: [], missing: true }],
        ]),
      ),
    ).toBe('p:c:missing');
  });
});

describe('colour metric', () => {
  it('reads a metric, nothing else', () => {
    expect(readColorBy('m:val_loss')).toBe('m:val_loss');
    expect(readColorBy('m:a%3Ab')).toBe('m:a:b');
    expect(readColorBy('p:lr')).toBeUndefined();
    expect(readColorBy('m:')).toBeUndefined();
    expect(readColorBy('m:a:b')).toBeUndefined();
    expect(readColorBy(null)).toBeUndefined();
    expect(formatColorBy('m:a:b')).toBe('m:a%3Ab');
    expect(formatColorBy('p:lr')).toBeNull();
    expect(formatColorBy(undefined)).toBeNull();
  });
});

describe('round trips (property)', () => {
  const field = fc.string({ minLength: 1, maxLength: 12 });
  const key = fc.tuple(fc.constantFrom('p:', 'm:'), field).map(([p, k]) => p + k);

  it('escapes and unescapes any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(unescapePart(escapePart(s))).toBe(s);
      }),
    );
    expect(escapePart('a b,c')).toBe('a%20b%2Cc');
    expect(unescapePart('100%')).toBe('100%');
    expect(unescapePart('%E2%82')).toBe('%E2%82');
  });

  it('reads back the axes it writes', () => {
    const axes = fc.uniqueArray(
      fc.record({ key, scale: fc.constantFrom('linear' as const, 'log' as const) }),
      { selector: (a) => a.key, minLength: 1, maxLength: 10 },
    );
    fc.assert(
      fc.property(axes, (list: AxisSpec[]) => {
        expect(readAxes(formatAxes(list))).toEqual(list);
      }),
    );
  });

  it('reads back the brushes it writes', () => {
    const num = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n || 0);
    const brush: fc.Arbitrary<Brush> = fc.oneof(
      fc.constant({ kind: 'missing' as const }),
      fc.tuple(num, num, fc.boolean()).map(([a, b, missing]) => ({
        kind: 'range' as const,
        lo: Math.min(a, b),
        hi: Math.max(a, b),
        missing,
      })),
      fc
        .tuple(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 5 }), fc.boolean())
        .map(([values, missing]) => ({ kind: 'set' as const, values, missing })),
    );
    const brushes = fc
      .uniqueArray(fc.tuple(key, brush), { selector: ([k]) => k, maxLength: 6 })
      .map((entries): Brushes => new Map(entries));
    fc.assert(
      fc.property(brushes, (b) => {
        expect(readBrushes(formatBrushes(b))).toEqual(b);
      }),
    );
  });
});
