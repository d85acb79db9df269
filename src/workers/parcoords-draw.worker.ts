// The parallel coordinates' drawing worker: holds the plot's OffscreenCanvas and paints each scene
// it is sent, at most once a frame (the latest one wins). A shell over src/lib/parcoords/draw.ts.
import { paintScene, type Context2D, type DrawMessage } from '@/lib/parcoords/draw';

let canvas: OffscreenCanvas | undefined;
let ctx: Context2D | null = null;
let latest: Extract<DrawMessage, { type: 'paint' }> | undefined;
let scheduled = false;
let mask = new Uint8Array(0);

// A dedicated worker has requestAnimationFrame where it has OffscreenCanvas (Chromium, Firefox);
// elsewhere a 16 ms timer stands in.
const nextFrame: (cb: () => void) => void =
  typeof self.requestAnimationFrame === 'function'
    ? (cb) => self.requestAnimationFrame(cb)
    : (cb) => setTimeout(cb, 16);

function flush() {
  scheduled = false;
  if (!latest || !canvas || !ctx) return;
  const { scene, colors, dpr } = latest;
  latest = undefined;
  mask = paintScene(canvas, ctx, scene, colors, dpr, mask);
}

self.onmessage = (event: MessageEvent<DrawMessage>) => {
  const msg = event.data;
  if (msg.type === 'canvas') {
    canvas = msg.canvas;
    ctx = canvas.getContext('2d');
  } else latest = msg;
  if (!scheduled) {
    scheduled = true;
    nextFrame(flush);
  }
};
