import { describe, expect, it } from 'vitest';
import { compareByVariation, variationOf } from './rank';
import type { RankCell } from './rank';

const num = (n: number): RankCell => ({ text: String(n), num: n });
const text = (t: string): RankCell => ({ text: t, num: undefined });

describe('variationOf', () => {
  it('counts distinct values, missing being one of them', () => {
    expect(variationOf([num(1), num(1), num(1)])).toEqual({ distinct: 1, spread: 0 });
    expect(variationOf([num(1), null, num(1)])).toEqual({ distinct: 2, spread: 0 });
    expect(variationOf([text('a'), text('b'), null])).toEqual({ distinct: 3, spread: 1 });
  });

  it('measures a numeric spread as range over magnitudes', () => {
    expect(variationOf([num(32), num(64)]).spread).toBeCloseTo(32 / 96);
    expect(variationOf([num(0.001), num(0.1)]).spread).toBeCloseTo(0.099 / 0.101);
    expect(variationOf([num(-1), num(1)]).spread).toBe(1);
    expect(variationOf([num(0), num(5)]).spread).toBe(1);
    // Missing cells do not enter the spread.
    expect(variationOf([num(10), null, num(30)]).spread).toBeCloseTo(20 / 40);
  });

  it('gives one number spelled two ways no spread, and any text value the whole spread', () => {
    expect(
      variationOf([
        { text: '1', num: 1 },
        { text: '1.0', num: 1 },
      ]),
    ).toEqual({
      distinct: 2,
      spread: 0,
    });
    expect(variationOf([num(0), { text: '0.0', num: 0 }]).spread).toBe(0);
    expect(variationOf([num(1), text('auto')]).spread).toBe(1);
    expect(variationOf([num(1), { text: 'NaN', num: NaN }]).spread).toBe(1);
  });
});

describe('compareByVariation', () => {
  const row = (key: string, cells: (RankCell | null)[]) => ({ key, variation: variationOf(cells) });

  it('orders varying rows first, then by distinct count, spread, and key', () => {
    const rows = [
      row('same', [num(1), num(1), num(1), num(1)]),
      row('batch', [num(32), num(64), num(32), num(64)]),
      row('lr', [num(0.001), num(0.1), num(0.001), num(0.1)]),
      row('seed', [num(1), num(2), num(3), num(4)]),
      row('opt', [text('adam'), text('sgd'), text('adam'), text('sgd')]),
      row('Alpha', [text('x'), text('y'), text('x'), text('y')]),
      row('resume', [null, null, null, text('ckpt')]),
      row('also_same', [text('z'), text('z'), text('z'), text('z')]),
    ];
    expect(rows.sort(compareByVariation).map((r) => r.key)).toEqual([
      'seed', // 4 distinct
      'Alpha', // 2 distinct, text: spread 1, then by key
      'opt',
      'lr', // 0.98
      'batch', // 0.33
      'resume', // 2 distinct by presence only: spread 0
      'also_same',
      'same',
    ]);
  });

  it('does not depend on the order rows come in', () => {
    const rows = [
      row('b', [num(1), num(2)]),
      row('a', [num(1), num(2)]),
      row('c', [num(1), num(1)]),
    ];
    const forward = [...rows].sort(compareByVariation).map((r) => r.key);
    const backward = [...rows]
      .reverse()
      .sort(compareByVariation)
      .map((r) => r.key);
    expect(forward).toEqual(['a', 'b', 'c']);
    expect(backward).toEqual(forward);
  });
});
