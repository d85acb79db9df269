import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { fillBrushMask } from '@/lib/parcoords/brush';
import type { Axis } from '@/lib/parcoords/axes';
import type { Brushes } from '@/lib/parcoords/types';

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

const SCALE_STOPS = ['--pc-scale-0', '--pc-scale-1', '--pc-scale-2', '--pc-scale-3'];

function readColors(): ParcoordsColors {
  const style = getComputedStyle(document.documentElement);
  const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    faint: get('--text-faint', '#8b919d'),
    accent: get('--accent', '#4c5ad4'),
    scale: SCALE_STOPS.map((name) => get(name, '#888888')),
  };
}

/** The theme's colours, read again when `<html data-theme>` changes. */
export function useParcoordsColors(): ParcoordsColors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    const observer = new MutationObserver(() => setColors(readColors()));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    return () => observer.disconnect();
  }, []);
  return colors;
}

/** The device pixel ratio, followed as the window moves between screens or zooms. */
export function useDevicePixelRatio(): number {
  const [dpr, setDpr] = useState(() => window.devicePixelRatio || 1);
  useEffect(() => {
    const media = window.matchMedia(`(resolution: ${dpr}dppx)`);
    const onChange = () => setDpr(window.devicePixelRatio || 1);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [dpr]);
  return dpr;
}

/** Brushed-out lines: thin and faint, whatever their colour. */
const OUT_ALPHA = 0.28;

function strongAlpha(runs: number): number {
  return Math.max(0.3, Math.min(0.9, 14 / Math.sqrt(Math.max(1, runs))));
}

function traceRun(ctx: CanvasRenderingContext2D, s: ParcoordsScene, r: number) {
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
  ctx: CanvasRenderingContext2D,
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

/**
 * Draws the scene on the canvas, at most once per animation frame however often it changes (a
 * brush drag changes it at every pointer move). A frame recomputes the inside/outside mask, into
 * one array kept across frames, and strokes one path per colour.
 */
export function useParcoordsCanvas(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  scene: ParcoordsScene,
  colors: ParcoordsColors,
  dpr: number,
): void {
  const state = useRef({ scene, colors, dpr, frame: 0, mask: new Uint8Array(0) });

  useEffect(() => {
    const s = state.current;
    s.scene = scene;
    s.colors = colors;
    s.dpr = dpr;
    if (s.frame) return;
    s.frame = requestAnimationFrame(() => {
      s.frame = 0;
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const { scene: current } = s;
      const w = Math.max(1, Math.round(current.width * s.dpr));
      const h = Math.max(1, Math.round(current.height * s.dpr));
      if (canvas.width !== w) canvas.width = w;
      if (canvas.height !== h) canvas.height = h;
      if (s.mask.length !== current.runs) s.mask = new Uint8Array(current.runs);
      const inside = fillBrushMask(current.axes, current.columns, current.brushes, s.mask);
      draw(ctx, current, s.mask, inside, s.colors, s.dpr);
    });
  }, [canvasRef, scene, colors, dpr]);

  useEffect(() => {
    const s = state.current;
    return () => {
      if (s.frame) cancelAnimationFrame(s.frame);
      s.frame = 0;
    };
  }, []);
}
