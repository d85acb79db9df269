/**
 * A reduced series. Every array has one entry per chosen point, in input order.
 *
 * Non-finite values (NaN, +Infinity, -Infinity) are never dropped silently: see `index.ts` for
 * exactly which ones are kept.
 */
export interface Reduced {
  /** Chosen points' x (step), strictly increasing when the input's x is. */
  x: Float64Array;
  /** Their values; NaN and ±Infinity are kept as points. */
  y: Float64Array;
  /** Per chosen point: min finite y of the raw points it stands for (= y when exact); NaN if none finite. */
  bandMin: Float64Array;
  /** Likewise max. */
  bandMax: Float64Array;
  /** True when every raw point of the input is in the output. */
  exact: boolean;
}

/** What our reducers return: also where each chosen point sits in the input (for timestamps, CSV). */
export interface IndexedReduced extends Reduced {
  index: Uint32Array;
}

export type ReduceMethod = 'minmaxlttb' | 'm4';

/** NaN, +Infinity and -Infinity; `v - v` is NaN exactly for those. */
export function isNonFinite(v: number): boolean {
  return v - v !== 0;
}

/** First index in [lo, hi) whose x is >= value (x sorted ascending); hi when there is none. */
export function lowerBound(x: Float64Array, value: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if ((x[mid] as number) < value) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** First index in [lo, hi) whose x is > value; hi when there is none. */
export function upperBound(x: Float64Array, value: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if ((x[mid] as number) <= value) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** Fixed-capacity output, filled in index order; `finish` trims to what was written. */
export class ReducedBuilder {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly bandMin: Float64Array;
  readonly bandMax: Float64Array;
  readonly index: Uint32Array;
  length = 0;

  constructor(
    private readonly srcX: Float64Array,
    private readonly srcY: Float64Array,
    capacity: number,
  ) {
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.bandMin = new Float64Array(capacity);
    this.bandMax = new Float64Array(capacity);
    this.index = new Uint32Array(capacity);
  }

  /** Appends raw point `i`; its band is (lo, hi), or NaN for a non-finite point. */
  push(i: number, lo: number, hi: number): void {
    const k = this.length++;
    const v = this.srcY[i] as number;
    this.x[k] = this.srcX[i] as number;
    this.y[k] = v;
    const finite = !isNonFinite(v);
    this.bandMin[k] = finite ? lo : NaN;
    this.bandMax[k] = finite ? hi : NaN;
    this.index[k] = i;
  }

  /** Appends raw point `i` standing for itself only. */
  pushSelf(i: number): void {
    const v = this.srcY[i] as number;
    this.push(i, v, v);
  }

  finish(rawLength: number): IndexedReduced {
    const k = this.length;
    return {
      x: this.x.slice(0, k),
      y: this.y.slice(0, k),
      bandMin: this.bandMin.slice(0, k),
      bandMax: this.bandMax.slice(0, k),
      index: this.index.slice(0, k),
      exact: k === rawLength,
    };
  }
}

/** Every point, each standing for itself. */
export function exactCopy(x: Float64Array, y: Float64Array, n: number): IndexedReduced {
  const out = new ReducedBuilder(x, y, n);
  for (let i = 0; i < n; i++) out.pushSelf(i);
  return out.finish(n);
}

export function emptyReduced(exact: boolean): IndexedReduced {
  const none = new Float64Array(0);
  return { x: none, y: none, bandMin: none, bandMax: none, index: new Uint32Array(0), exact };
}
