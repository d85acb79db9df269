// Spike retention as the bench defines it: a recorded spike counts when its exact value
// was drawn, or when the drawn line passes through the spike's pixel (its pixel column, its pixel
// row ± 1). Two spikes in one pixel column cannot both be vertices of a pixel-exact line, yet the
// smaller one is still on screen: the line's vertical run to the larger one crosses its row.

export interface Geometry {
  x: [number, number];
  y: [number, number];
  /** Plot area in CSS pixels. */
  width: number;
  height: number;
}

/** Whether the polyline through `steps`/`values` (sorted by step) covers (step, value)'s pixel. */
export function pixelCovered(
  steps: readonly number[],
  values: readonly number[],
  step: number,
  value: number,
  g: Geometry,
): boolean {
  const px = (s: number) => ((s - g.x[0]) / (g.x[1] - g.x[0])) * g.width;
  const py = (v: number) => ((g.y[1] - v) / (g.y[1] - g.y[0])) * g.height;
  const col = Math.floor(px(step));
  const row = py(value);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i + 1 < steps.length; i++) {
    const v0 = values[i] as number;
    const v1 = values[i + 1] as number;
    if (!Number.isFinite(v0) || !Number.isFinite(v1)) continue; // a gap in the line
    const x0 = px(steps[i] as number);
    const x1 = px(steps[i + 1] as number);
    if (x1 < col || x0 >= col + 1) continue;
    const y0 = py(v0);
    const y1 = py(v1);
    // The segment clipped to the column [col, col + 1).
    const at = (x: number) => (x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0));
    const a = at(Math.max(x0, col));
    const b = at(Math.min(x1, col + 1));
    lo = Math.min(lo, a, b);
    hi = Math.max(hi, a, b);
  }
  if (steps.length === 1 && Math.floor(px(steps[0] as number)) === col) {
    lo = hi = py(values[0] as number);
  }
  return row >= lo - 1 && row <= hi + 1;
}
