// Brushes: which runs each keeps, the runs inside every brush, and brushes made from a drag or from
// the keyboard. A brush lives in value space (a range of numbers, or a set of categories) so that a
// link keeps meaning the same runs whatever the plot's size.
//
// Decisions:
// - A brush that does not fit its axis (a range on a categorical axis, a set on a numeric one: the
//   runs changed under a link) is ignored, as is a brush on an axis not shown.
// - A drag's ends are rounded outward to about four significant digits of the axis's span (of the
//   value itself on a log axis), so a link stays short and never leaves out a run the drag covered.
// - The keyboard moves and grows a brush in steps of a tenth of a numeric axis, or one category.
import { axisColumn, positionOf, valueAt } from './axes';
import type { Axis, NumericAxis } from './axes';
import type { AxisKey, Brush, Brushes, ParcoordsRun } from './types';

/** Whether a brush applies to an axis of this kind. */
export function brushFits(axis: Axis, brush: Brush): boolean {
  if (brush.kind === 'range') return axis.kind === 'numeric';
  if (brush.kind === 'set') return axis.kind === 'categorical';
  return true;
}

/** Whether a column value (see axisColumn: NaN on the missing slot) is inside a fitting brush. */
export function inBrush(axis: Axis, brush: Brush, v: number): boolean {
  if (Number.isNaN(v)) return brush.kind === 'missing' || brush.missing;
  if (brush.kind === 'range') return v >= brush.lo && v <= brush.hi;
  if (brush.kind === 'set' && axis.kind === 'categorical') {
    const category = axis.categories[v];
    return category !== undefined && brush.values.includes(category);
  }
  return false;
}

/** The brushes that apply: on a shown axis, and fitting it. */
export function activeBrushes(
  axes: readonly Axis[],
  brushes: Brushes,
): { index: number; axis: Axis; brush: Brush }[] {
  const out: { index: number; axis: Axis; brush: Brush }[] = [];
  axes.forEach((axis, index) => {
    const brush = brushes.get(axis.key);
    if (brush && brushFits(axis, brush)) out.push({ index, axis, brush });
  });
  return out;
}

/**
 * Marks in `out` (one byte per run: 1 inside every brush, 0 outside) and returns how many are
 * inside. `columns` are the axes' axisColumn arrays. Allocates nothing per run: a brush drag calls
 * it once a frame.
 */
export function fillBrushMask(
  axes: readonly Axis[],
  columns: readonly Float64Array[],
  brushes: Brushes,
  out: Uint8Array,
): number {
  out.fill(1);
  for (const { index, axis, brush } of activeBrushes(axes, brushes)) {
    const column = columns[index];
    if (!column) continue;
    let lo = -Infinity;
    let hi = Infinity;
    let keepMissing = true;
    let categories: Uint8Array | undefined;
    if (brush.kind === 'missing') {
      lo = Infinity;
      hi = -Infinity;
    } else {
      keepMissing = brush.missing;
      if (brush.kind === 'range') {
        lo = brush.lo;
        hi = brush.hi;
      } else if (axis.kind === 'categorical') {
        const chosen = new Set(brush.values);
        categories = Uint8Array.from(axis.categories, (c) => (chosen.has(c) ? 1 : 0));
      }
    }
    for (let r = 0; r < out.length; r++) {
      if (out[r] === 0) continue;
      const v = column[r] as number;
      const inside = Number.isNaN(v)
        ? keepMissing
        : categories
          ? categories[v] === 1
          : v >= lo && v <= hi;
      if (!inside) out[r] = 0;
    }
  }
  let count = 0;
  for (let r = 0; r < out.length; r++) count += out[r] as number;
  return count;
}

/** The runs inside every brush that applies; all runs when none does. */
export function brushedRuns<R extends ParcoordsRun>(
  runs: readonly R[],
  axes: readonly Axis[],
  brushes: Brushes,
): R[] {
  const active = activeBrushes(axes, brushes);
  if (active.length === 0) return [...runs];
  const columns = axes.map((axis) =>
    brushes.has(axis.key) ? axisColumn(axis, runs) : new Float64Array(0),
  );
  const mask = new Uint8Array(runs.length);
  fillBrushMask(axes, columns, brushes, mask);
  return runs.filter((_, r) => mask[r] === 1);
}

/** A copy of the brushes with one axis's brush set, or removed when `brush` is undefined. */
export function withBrush(brushes: Brushes, key: AxisKey, brush: Brush | undefined): Brushes {
  const next = new Map(brushes);
  if (brush) next.set(key, brush);
  else next.delete(key);
  return next;
}

/** v rounded to a multiple of 10^exponent, down or up, spelled without float artefacts. */
function roundTo(v: number, exponent: number, direction: 'down' | 'up'): number {
  const q = 10 ** exponent;
  const x = v / q;
  const near = Math.round(x);
  const k = Math.abs(x - near) < 1e-9 ? near : direction === 'down' ? Math.floor(x) : Math.ceil(x);
  const out = Number(`${k}e${exponent}`);
  return Number.isFinite(out) ? out : v;
}

function roundedEnd(axis: NumericAxis, v: number, direction: 'down' | 'up'): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const magnitude =
    axis.scale === 'log' ? Math.abs(v) : Math.abs(axis.domain[1] - axis.domain[0]) || Math.abs(v);
  return roundTo(v, Math.floor(Math.log10(magnitude)) - 3, direction);
}

// A category is covered when its position is inside the span, give or take rounding.
const EPSILON = 1e-9;

/**
 * The brush covering positions [p0, p1] of an axis (either order; 0 is the bottom, 1 the top;
 * below 0 is the gap above the missing slot) and, when `missing`, its missing slot. Undefined when
 * that covers nothing: no category, and not the missing slot.
 */
export function brushFromPositions(
  axis: Axis,
  p0: number,
  p1: number,
  missing: boolean,
): Brush | undefined {
  const lo = Math.max(0, Math.min(p0, p1));
  const hi = Math.min(1, Math.max(p0, p1));
  const onAxis = lo <= hi;
  if (axis.kind === 'numeric') {
    if (onAxis) {
      return {
        kind: 'range',
        lo: roundedEnd(axis, valueAt(axis, lo), 'down'),
        hi: roundedEnd(axis, valueAt(axis, hi), 'up'),
        missing,
      };
    }
  } else if (onAxis) {
    const values = axis.categories.filter((_, i) => {
      const p = positionOf(axis, i);
      return p >= lo - EPSILON && p <= hi + EPSILON;
    });
    if (values.length > 0) return { kind: 'set', values, missing };
  }
  return missing ? { kind: 'missing' } : undefined;
}

/** Where a brush is drawn: spans of positions (a set's contiguous categories each one span). */
export function brushSpans(
  axis: Axis,
  brush: Brush,
): { spans: [number, number][]; missing: boolean } {
  if (brush.kind === 'missing') return { spans: [], missing: true };
  const spans: [number, number][] = [];
  if (brush.kind === 'range' && axis.kind === 'numeric') {
    const a = Math.max(0, positionOf(axis, Math.max(brush.lo, axis.domain[0])));
    const b = Math.min(1, positionOf(axis, Math.min(brush.hi, axis.domain[1])));
    if (a <= b) spans.push([a, b]);
  } else if (brush.kind === 'set' && axis.kind === 'categorical') {
    const chosen = new Set(brush.values);
    let start = -1;
    axis.categories.forEach((c, i) => {
      if (chosen.has(c) && start < 0) start = i;
      if (start >= 0 && (!chosen.has(c) || i === axis.categories.length - 1)) {
        const end = chosen.has(c) ? i : i - 1;
        spans.push([positionOf(axis, start), positionOf(axis, end)]);
        start = -1;
      }
    });
  }
  return { spans, missing: brush.missing };
}

export type BrushKey = 'up' | 'down' | 'grow-up' | 'grow-down';

/** A keyboard step along an axis, in positions. */
export function keyStep(axis: Axis): number {
  if (axis.kind === 'numeric') return 0.1;
  return axis.categories.length > 1 ? 1 / (axis.categories.length - 1) : 1;
}

/**
 * The brush after a key: ↑/↓ move it a step, Shift+↑ grows its top and Shift+↓ its bottom. With no
 * brush on the values yet, ↑ and Shift+↑ start one at the bottom, ↓ and Shift+↓ one at the top (a
 * step of a numeric axis, or one category). The missing slot is kept as it was.
 */
export function keyboardBrush(
  axis: Axis,
  brush: Brush | undefined,
  key: BrushKey,
): Brush | undefined {
  const step = keyStep(axis);
  const first = axis.kind === 'numeric' ? step : 0;
  const spans = brush ? brushSpans(axis, brush).spans : [];
  const missing = brush !== undefined && (brush.kind === 'missing' || brush.missing);
  let lo: number;
  let hi: number;
  if (spans.length === 0) {
    if (key === 'up' || key === 'grow-up') [lo, hi] = [0, first];
    else [lo, hi] = [1 - first, 1];
  } else {
    lo = Math.min(...spans.map((s) => s[0]));
    hi = Math.max(...spans.map((s) => s[1]));
    if (key === 'up') {
      const shift = Math.min(step, 1 - hi);
      [lo, hi] = [lo + shift, hi + shift];
    } else if (key === 'down') {
      const shift = Math.min(step, lo);
      [lo, hi] = [lo - shift, hi - shift];
    } else if (key === 'grow-up') hi = Math.min(1, hi + step);
    else lo = Math.max(0, lo - step);
  }
  return brushFromPositions(axis, lo, hi, missing);
}
