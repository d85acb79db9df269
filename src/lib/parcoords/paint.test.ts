import { describe, expect, it } from 'vitest';
import { SHADES } from './color';
import { paintRuns } from './paint';
import { runsOf } from './test-runs';

const colors = { faint: '#999999', accent: '#0000ff', scale: ['#000000', '#ffffff'] };

describe('paintRuns', () => {
  it('gives each run its own colour, one palette entry per distinct colour, drawn in run order', () => {
    const runs = runsOf([{}, {}, {}]);
    const own = new Map([
      ['r0', '#ff0000'],
      ['r2', '#ff0000'],
    ]);
    const paint = paintRuns(runs, undefined, own, colors);
    expect(paint.palette).toEqual(['#ff0000', '#0000ff']);
    expect([...paint.colorOf]).toEqual([0, 1, 0]);
    expect([...paint.order]).toEqual([0, 2, 1]);
    expect(paint.range).toBeUndefined();
  });

  it('colours by a metric low to high, runs without it grey and drawn first', () => {
    const runs = runsOf([{ 'm:loss': 3 }, {}, { 'm:loss': 1 }, { 'm:loss': Number.NaN }]);
    const paint = paintRuns(runs, 'm:loss', undefined, colors);
    expect(paint.range).toEqual({ min: 1, max: 3 });
    expect(paint.palette).toHaveLength(SHADES + 1);
    expect(paint.palette[SHADES]).toBe('#999999');
    expect(paint.colorOf[1]).toBe(SHADES);
    expect(paint.colorOf[3]).toBe(SHADES);
    expect(paint.colorOf[2]).toBe(0);
    expect(paint.colorOf[0]).toBe(SHADES - 1);
    expect([...paint.order]).toEqual([1, 3, 2, 0]);
  });
});
