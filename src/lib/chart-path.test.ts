import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandPath, linePath, projector, sparklinePath } from './chart-path';
import { extent, niceLinearTicks, paddedDomain } from './chart-points';
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

describe('hostile values never reach the path text', () => {
  // Every number in a path must be a plain decimal: the browser rejects "NaN" or "Infinity" in `d`
  // and drops the whole line (with a console error).
  const PATH = /^(?:[ML]-?\d+(?:\.\d)?,-?\d+(?:\.\d)?|Z)*$/;
  const hostile = [
    Number.NaN,
    Infinity,
    -Infinity,
    1e308,
    -1e308,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    5e-324,
    -5e-324,
    0,
  ];

  /** The chart's own pipeline from values to a scale (useDrawnRuns, ChartPlot). */
  function chartScale(xs: number[], ys: number[], yScale: 'linear' | 'log'): PlotScale {
    const padded = paddedDomain(extent([ys], yScale), yScale);
    const yDomain = yScale === 'log' ? padded : niceLinearTicks(padded).domain;
    return { xDomain: extent([xs]) ?? [0, 1], yDomain, yScale, width: 600, height: 200 };
  }

  it('draws the finite points of a series holding NaN, ±Infinity and ±1e308', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7];
    const ys = [0.5, Number.NaN, 0.4, Infinity, 0.3, -Infinity, 1e308, -1e308];
    for (const yScale of ['linear', 'log'] as const) {
      const d = linePath(xs, ys, chartScale(xs, ys, yScale));
      expect(d).toMatch(PATH);
      // The three finite, in-range points, each its own stroke (the others lift the pen).
      expect(strokes(d).map((s) => s.length)).toEqual([1, 1, 1]);
      expect(
        strokes(d)
          .flat()
          .map(([x]) => x),
      ).toEqual([0, 171.4, 342.9]);
    }
  });

  it('holds for any doubles (property)', () => {
    const value = fc.oneof(
      fc.constantFrom(...hostile),
      fc.double(),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), value, value, value), {
          maxLength: 40,
        }),
        fc.constantFrom('linear' as const, 'log' as const),
        (points, yScale) => {
          const xs = points.map((p) => p[0]).sort((a, b) => a - b);
          const ys = points.map((p) => p[1]);
          const scale = chartScale(xs, ys, yScale);
          expect(linePath(xs, ys, scale)).toMatch(PATH);
          const lo = points.map((p) => Math.min(p[2], p[3]));
          const hi = points.map((p) => Math.max(p[2], p[3]));
          expect(bandPath(xs, lo, hi, scale)).toMatch(PATH);
          expect(sparklinePath(xs, ys, 94, 18)).toMatch(PATH);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('survives domains that are themselves broken', () => {
    for (const yDomain of [
      [Number.NaN, 1],
      [-1e308, 1e308],
      [2, 2],
      [-Infinity, Infinity],
    ] as [number, number][]) {
      const d = linePath([0, 1], [1, 2], { ...box, yDomain });
      expect(d, `${yDomain}`).toMatch(PATH);
      expect(strokes(d)[0], `${yDomain}`).toHaveLength(2);
    }
  });
});

describe('sparklinePath', () => {
  it('fills the box with the drawable points, a flat series through the middle', () => {
    expect(sparklinePath([0, 5, 10], [1, 3, 2], 100, 20)).toBe('M0,20L50,0L100,10');
    expect(sparklinePath([0, 10], [4, 4], 100, 20)).toBe('M0,10L100,10');
    expect(sparklinePath([0, 1, 2], [1e308, Number.NaN, 2], 100, 20)).toBe('M100,10');
  });
});
