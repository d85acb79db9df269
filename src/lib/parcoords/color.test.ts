import { describe, expect, it } from 'vitest';
import { finiteRange, parseColor, sequentialPalette, shadeIndices } from './color';

describe('parseColor', () => {
  it('reads hex and rgb spellings', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor(' #4C5AD4 ')).toEqual([76, 90, 212]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseColor('rgb(1 2 3 / 50%)')).toEqual([1, 2, 3]);
  });

  it('refuses anything else', () => {
    for (const t of ['', 'red', '#ff', '#gggggg', 'rgb(256, 0, 0)', 'hsl(1, 2%, 3%)'])
      expect(parseColor(t), t).toBeUndefined();
  });
});

describe('sequentialPalette', () => {
  it('runs evenly through the stops', () => {
    expect(
      sequentialPalette(
        [
          [0, 0, 0],
          [100, 200, 250],
        ],
        3,
      ),
    ).toEqual(['rgb(0 0 0)', 'rgb(50 100 125)', 'rgb(100 200 250)']);
    expect(
      sequentialPalette(
        [
          [0, 0, 0],
          [10, 10, 10],
          [30, 30, 30],
        ],
        5,
      ),
    ).toEqual(['rgb(0 0 0)', 'rgb(5 5 5)', 'rgb(10 10 10)', 'rgb(20 20 20)', 'rgb(30 30 30)']);
    expect(sequentialPalette([[7, 8, 9]], 2)).toEqual(['rgb(7 8 9)', 'rgb(7 8 9)']);
    expect(sequentialPalette([], 4)).toEqual([]);
  });
});

describe('shadeIndices', () => {
  it('spreads the finite range over the shades, others −1', () => {
    expect([...shadeIndices([0.33, 0.61, 0.37, NaN, Infinity], 5)]).toEqual([0, 4, 1, -1, -1]);
    expect(finiteRange([NaN, 2, -Infinity, 1])).toEqual({ min: 1, max: 2 });
  });

  it('gives one value the middle shade, and nothing finite no shade', () => {
    expect([...shadeIndices([3, 3], 32)]).toEqual([15, 15]);
    expect([...shadeIndices([NaN], 32)]).toEqual([-1]);
    expect(finiteRange([])).toBeUndefined();
  });
});
