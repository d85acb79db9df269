import { describe, expect, it } from 'vitest';
import { bandPath, linePath, projector } from './chart-path';
import type { PlotScale } from './chart-path';

const box: PlotScale = {
  xDomain: [0, 10],
  yDomain: [0, 100],
  yScale: 'linear',
  width: 200,
  height: 100,
};

/** The vertices of a path, one array per pen-down stretch. */
function strokes(d: string): [number, number][][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((s) =>
      s
        .replace(/Z$/, '')
        .split('L')
        .map((p) => p.split(',').map(Number) as [number, number]),
    );
}

describe('linePath', () => {
  it('maps the domains onto the box, y growing downwards', () => {
    expect(strokes(linePath([0, 5, 10], [0, 50, 100], box))).toEqual([
      [
        [0, 100],
        [100, 50],
        [200, 0],
      ],
    ]);
  });

  it('keeps every vertex, so a one-point spike is drawn at its value', () => {
    const xs = Array.from({ length: 11 }, (_, i) => i);
    const ys = xs.map((x) => (x === 7 ? 100 : 10));
    const pts = strokes(linePath(xs, ys, box))[0] ?? [];
    expect(pts).toHaveLength(11);
    expect(pts[7]).toEqual([140, 0]);
  });

  it('lifts the pen at NaN and ±Infinity instead of bridging the gap', () => {
    const d = linePath([0, 1, 2, 3, 4], [10, Number.NaN, 20, Number.POSITIVE_INFINITY, 30], box);
    expect(strokes(d).map((s) => s.length)).toEqual([1, 1, 1]);
  });

  it('on a log scale, leaves out values ≤ 0 and spaces decades evenly', () => {
    const log: PlotScale = { ...box, yScale: 'log', yDomain: [1, 100] };
    const pts = strokes(linePath([0, 1, 2, 3], [1, 0, 10, 100], log));
    expect(pts).toEqual([
      [[0, 100]],
      [
        [40, 50],
        [60, 0],
      ],
    ]);
  });

  it('clamps far-off points (a zoomed window) instead of writing huge coordinates', () => {
    const d = linePath([-1e12, 5], [50, 1e15], box);
    for (const [x, y] of strokes(d).flat()) {
      expect(Math.abs(x)).toBeLessThanOrEqual(1e6);
      expect(Math.abs(y)).toBeLessThanOrEqual(1e6);
    }
  });

  it('is empty when nothing can be drawn, and copes with a zero-width domain', () => {
    expect(linePath([], [], box)).toBe('');
    expect(linePath([1, 2], [Number.NaN, Number.NaN], box)).toBe('');
    expect(linePath([3], [5], { ...box, xDomain: [3, 3] })).toBe('M0,95');
  });

  it('rounds to a tenth of a pixel', () => {
    expect(linePath([1 / 3], [1 / 3], box)).toBe('M6.7,99.7');
  });
});

describe('bandPath', () => {
  it('goes along the maxima and back along the minima, closed', () => {
    expect(bandPath([0, 10], [0, 20], [50, 100], box)).toBe('M0,50L200,0L200,80L0,100Z');
  });

  it('makes one shape per drawable stretch', () => {
    const d = bandPath([0, 1, 2, 3], [1, 1, Number.NaN, 1], [2, 2, 2, 2], box);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/Z/g)).toHaveLength(2);
  });
});

describe('projector', () => {
  it('maps a single point as the line and the band do', () => {
    const { px, py } = projector(box);
    expect([px(2.5), py(25)]).toEqual([50, 75]);
  });
});
