// Line colours from a metric: a sequential scale over the metric's finite range, cut into a fixed
// number of shades so the canvas strokes one path per shade. Runs without a finite value (missing,
// NaN, ±Infinity) take no shade: the component draws them grey.

export type Rgb = readonly [number, number, number];

/** Shades of a sequential scale: enough to read as continuous, few enough to batch strokes. */
export const SHADES = 32;

/** `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgb(r g b)` as channels; undefined for anything else. */
export function parseColor(text: string): Rgb | undefined {
  const t = text.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(t);
  if (short) return [1, 2, 3].map((i) => parseInt(`${short[i]}${short[i]}`, 16)) as unknown as Rgb;
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(t);
  if (long) return [1, 2, 3].map((i) => parseInt(long[i] as string, 16)) as unknown as Rgb;
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(t);
  if (rgb) {
    const channels = [1, 2, 3].map((i) => Number(rgb[i]));
    if (channels.every((c) => c <= 255)) return channels as unknown as Rgb;
  }
  return undefined;
}

/** `count` colours evenly through the stops (at least two), as `rgb(r g b)`. */
export function sequentialPalette(stops: readonly Rgb[], count = SHADES): string[] {
  if (stops.length === 0) return [];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = count === 1 ? 0.5 : i / (count - 1);
    const x = t * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(x));
    const a = stops[Math.max(0, k)] as Rgb;
    const b = stops[Math.max(0, k) + 1] ?? a;
    const f = stops.length === 1 ? 0 : x - Math.max(0, k);
    const channel = (c: 0 | 1 | 2) => Math.round(a[c] + (b[c] - a[c]) * f);
    out.push(`rgb(${channel(0)} ${channel(1)} ${channel(2)})`);
  }
  return out;
}

/** The finite range of the values; undefined when none is finite. */
export function finiteRange(values: ArrayLike<number>): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : undefined;
}

/**
 * Each value's shade, 0 (the range's low end) … shades − 1 (its high end), or −1 without a finite
 * value. When every finite value is the same, they all take the middle shade.
 */
export function shadeIndices(values: ArrayLike<number>, shades = SHADES): Int16Array {
  const out = new Int16Array(values.length);
  const range = finiteRange(values);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!range || !Number.isFinite(v)) out[i] = -1;
    else if (range.max === range.min) out[i] = Math.floor((shades - 1) / 2);
    else out[i] = Math.round(((v - range.min) / (range.max - range.min)) * (shades - 1));
  }
  return out;
}
