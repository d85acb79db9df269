import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { paintScene } from '@/lib/parcoords/draw';
import type { DrawMessage, ParcoordsColors, ParcoordsScene } from '@/lib/parcoords/draw';

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

/** One drawing worker per canvas element; see useDrawingWorker. */
const drawers = new WeakMap<HTMLCanvasElement, { worker: Worker; users: number }>();

/**
 * The canvas's drawing worker, or null where the browser cannot draw off the main thread. A
 * software canvas (no GPU) spends 25–40 ms of the main thread per frame rasterizing 1,000 lines,
 * which made every frame of a brush drag a long task; in the worker the page keeps its frames. A
 * canvas can hand its control over only once, so the worker outlives a cleanup that is followed by
 * a new effect on the same element (React's StrictMode runs effects twice in development).
 */
function useDrawingWorker(
  canvasRef: RefObject<HTMLCanvasElement | null>,
): RefObject<Worker | null> {
  const worker = useRef<Worker | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || typeof canvas.transferControlToOffscreen !== 'function') return;
    let entry = drawers.get(canvas);
    if (!entry) {
      try {
        const offscreen = canvas.transferControlToOffscreen();
        const w = new Worker(new URL('../workers/parcoords-draw.worker.ts', import.meta.url), {
          type: 'module',
        });
        w.postMessage({ type: 'canvas', canvas: offscreen } satisfies DrawMessage, [offscreen]);
        entry = { worker: w, users: 0 };
        drawers.set(canvas, entry);
      } catch {
        return; // no worker here: the main thread draws
      }
    }
    const current = entry;
    current.users++;
    worker.current = current.worker;
    return () => {
      current.users--;
      worker.current = null;
      // Ended only once no effect took it back in the same commit.
      queueMicrotask(() => {
        if (current.users === 0) {
          current.worker.terminate();
          drawers.delete(canvas);
        }
      });
    };
  }, [canvasRef]);
  return worker;
}

/**
 * Draws the scene on the canvas, at most once per animation frame however often it changes (a
 * brush drag changes it at every pointer move): in the drawing worker where there is one, else here.
 */
export function useParcoordsCanvas(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  scene: ParcoordsScene,
  colors: ParcoordsColors,
  dpr: number,
): void {
  const worker = useDrawingWorker(canvasRef);
  const state = useRef({ scene, colors, dpr, frame: 0, mask: new Uint8Array(0) });

  useEffect(() => {
    const s = state.current;
    s.scene = scene;
    s.colors = colors;
    s.dpr = dpr;
    if (s.frame) return;
    s.frame = requestAnimationFrame(() => {
      s.frame = 0;
      const w = worker.current;
      if (w) {
        w.postMessage({
          type: 'paint',
          scene: s.scene,
          colors: s.colors,
          dpr: s.dpr,
        } satisfies DrawMessage);
        return;
      }
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      s.mask = paintScene(canvas, ctx, s.scene, s.colors, s.dpr, s.mask);
    });
  }, [canvasRef, scene, colors, dpr, worker]);

  useEffect(() => {
    const s = state.current;
    return () => {
      if (s.frame) cancelAnimationFrame(s.frame);
      s.frame = 0;
    };
  }, []);
}
