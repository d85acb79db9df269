// Drawing the parallel coordinates' lines on a 2D canvas, on the main thread or in the drawing
// worker (src/workers/parcoords-draw.worker.ts): the same code for an HTMLCanvasElement's context
// and an OffscreenCanvas's. No React here.
import { fillBrushMask } from './brush';
import type { Axis } from './axes';
import type { Brushes } from './types';

/** What the canvas draws; every array is computed when runs, axes or size change, not per frame. */
export interface ParcoordsScene {
  width: number;
  height: number;
  axes: readonly Axis[];
  /** The axes' axisColumn arrays: what a brush is tested against. */
  columns: readonly Float64Array[];
  /** Each run's y on each axis, run-major (projectRuns). */
  ys: Float32Array;
  /** The axes' x. */
  xs: readonly number[];
  runs: number;
  /** Each run's index into `palette`. */
  colorOf: Uint16Array;
  palette: readonly string[];
  /** Run indices ordered by colour, so each colour is one path. */
  order: Uint32Array;
  brushes: Brushes;
  /** The run drawn on top, thicker; -1 for none. */
  highlighted: number;
}

/** Theme colours the canvas needs, read from CSS variables (global.css, parcoords.css). */
export interface ParcoordsColors {
  faint: string;
  accent: string;
  /** The sequential scale's stops, low to high. */
  scale: readonly string[];
}

/** Brushed-out lines: thin and faint, whatever their colour. */
const OUT_ALPHA = 0.28;

function strongAlpha(runs: number): number {
  return Math.max(0.3, Math.min(0.9, 14 / Math.sqrt(Math.max(1, runs))));
}

function traceRun(ctx: Context2D, s: ParcoordsScene, r: number) {
  const n = s.axes.length;
  const base = r * n;
  const x0 = s.xs[0] as number;
  const y0 = s.ys[base] as number;
  if (n === 1) {
    ctx.moveTo(x0 - 10, y0);
    ctx.lineTo(x0 + 10, y0);
    return;
  }
  ctx.moveTo(x0, y0);
  for (let a = 1; a < n; a++) ctx.lineTo(s.xs[a] as number, s.ys[base + a] as number);
}

function draw(
  ctx: Context2D,
  s: ParcoordsScene,
  mask: Uint8Array,
  inside: number,
  colors: ParcoordsColors,
  dpr: number,
) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, s.width, s.height);
  if (s.axes.length === 0 || s.runs === 0) return;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';

  if (inside < s.runs) {
    ctx.globalAlpha = OUT_ALPHA;
    ctx.strokeStyle = colors.faint;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let r = 0; r < s.runs; r++) if (mask[r] === 0) traceRun(ctx, s, r);
    ctx.stroke();
  }

  ctx.globalAlpha = strongAlpha(inside);
  ctx.lineWidth = inside > 200 ? 1 : 1.75;
  let current = -1;
  for (let k = 0; k < s.order.length; k++) {
    const r = s.order[k] as number;
    if (mask[r] === 0) continue;
    const c = s.colorOf[r] as number;
    if (c !== current) {
      if (current >= 0) ctx.stroke();
      ctx.beginPath();
      ctx.strokeStyle = s.palette[c] ?? colors.accent;
      current = c;
    }
    traceRun(ctx, s, r);
  }
  if (current >= 0) ctx.stroke();

  const h = s.highlighted;
  if (h >= 0 && h < s.runs) {
    ctx.globalAlpha = 1;
    ctx.lineWidth = 3;
    ctx.strokeStyle = s.palette[s.colorOf[h] as number] ?? colors.accent;
    ctx.beginPath();
    traceRun(ctx, s, h);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** A 2D context of either kind of canvas. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Sizes the canvas for the scene and draws it: the inside/outside mask is recomputed into `mask`
 * (kept across frames by the caller, reallocated here when the run count changed and returned).
 */
export function paintScene(
  canvas: { width: number; height: number },
  ctx: Context2D,
  scene: ParcoordsScene,
  colors: ParcoordsColors,
  dpr: number,
  mask: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> {
  const w = Math.max(1, Math.round(scene.width * dpr));
  const h = Math.max(1, Math.round(scene.height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const out = mask.length === scene.runs ? mask : new Uint8Array(scene.runs);
  const inside = fillBrushMask(scene.axes, scene.columns, scene.brushes, out);
  draw(ctx, scene, out, inside, colors, dpr);
  return out;
}

/** What the main thread sends the drawing worker: the canvas once, then each scene to draw. */
export type DrawMessage =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  | { type: 'paint'; scene: ParcoordsScene; colors: ParcoordsColors; dpr: number };
