import { describe, expect, test } from 'vitest';
import { axisColumn, buildAxes } from './axes';
import type { Context2D, ParcoordsScene } from './draw';
import { paintScene } from './draw';
import { runsOf } from './test-runs';
import type { Brushes } from './types';

/** A context that records each stroked path: its style and the runs' first y it traced. */
function recorder() {
  const strokes: { style: string; alpha: number; width: number; starts: number[] }[] = [];
  let path: number[] = [];
  const ctx = {
    strokeStyle: '',
    globalAlpha: 1,
    lineWidth: 1,
    lineJoin: 'miter',
    lineCap: 'butt',
    setTransform: () => undefined,
    clearRect: () => undefined,
    beginPath: () => {
      path = [];
    },
    moveTo: (_x: number, y: number) => path.push(y),
    lineTo: () => undefined,
    stroke() {
      strokes.push({
        style: this.strokeStyle,
        alpha: this.globalAlpha,
        width: this.lineWidth,
        starts: path,
      });
    },
  };
  return { ctx: ctx as unknown as Context2D, strokes };
}

const runs = runsOf([{ 'p:lr': '0.1' }, { 'p:lr': '0.2' }, { 'p:lr': '0.3' }, { 'p:lr': '0.4' }]);
const axes = buildAxes(
  [
    { key: 'p:lr', scale: 'linear' },
    { key: 'p:lr', scale: 'linear' },
  ],
  runs,
);
const columns = axes.map((a) => axisColumn(a, runs));

function scene(brushes: Brushes, highlighted = -1): ParcoordsScene {
  return {
    width: 200,
    height: 100,
    axes,
    columns,
    // Each run's y is 10 × (its index + 1) on both axes: the recorder names runs by it.
    ys: Float32Array.from([10, 10, 20, 20, 30, 30, 40, 40]),
    xs: [0, 100],
    runs: 4,
    colorOf: Uint16Array.from([0, 1, 0, 1]),
    palette: ['red', 'blue'],
    order: Uint32Array.from([0, 2, 1, 3]),
    brushes,
    highlighted,
  };
}
const colors = { faint: 'grey', accent: 'black', scale: [] };

describe('paintScene', () => {
  test('sizes the canvas for the device pixel ratio', () => {
    const canvas = { width: 0, height: 0 };
    paintScene(canvas, recorder().ctx, scene(new Map()), colors, 2, new Uint8Array(0));
    expect(canvas).toEqual({ width: 400, height: 200 });
  });

  test('no brush: one path per colour, every run in its colour', () => {
    const { ctx, strokes } = recorder();
    paintScene({ width: 0, height: 0 }, ctx, scene(new Map()), colors, 1, new Uint8Array(0));
    expect(strokes.map((s) => [s.style, s.starts])).toEqual([
      ['red', [10, 30]],
      ['blue', [20, 40]],
    ]);
  });

  test('a brush: the runs outside are one faint path, those inside keep their colour', () => {
    const { ctx, strokes } = recorder();
    const brush: Brushes = new Map([
      ['p:lr', { kind: 'range', lo: 0.15, hi: 0.35, missing: false }],
    ]);
    const mask = paintScene(
      { width: 0, height: 0 },
      ctx,
      scene(brush),
      colors,
      1,
      new Uint8Array(0),
    );
    expect(Array.from(mask)).toEqual([0, 1, 1, 0]);
    expect(strokes.map((s) => [s.style, s.starts])).toEqual([
      ['grey', [10, 40]],
      ['red', [30]],
      ['blue', [20]],
    ]);
    expect(strokes[0]?.alpha).toBeLessThan(strokes[1]?.alpha ?? 0);
  });

  test('the highlighted run is drawn last, on top and thicker', () => {
    const { ctx, strokes } = recorder();
    paintScene({ width: 0, height: 0 }, ctx, scene(new Map(), 3), colors, 1, new Uint8Array(0));
    const last = strokes.at(-1);
    expect(last?.starts).toEqual([40]);
    expect(last?.style).toBe('blue');
    expect(last?.width).toBeGreaterThan(strokes[0]?.width ?? Infinity);
  });

  test('keeps the mask array across frames while the run count holds', () => {
    const mask = new Uint8Array(4);
    const out = paintScene(
      { width: 0, height: 0 },
      recorder().ctx,
      scene(new Map()),
      colors,
      1,
      mask,
    );
    expect(out).toBe(mask);
  });
});
