// Keyboard zoom and pan of a chart's step window. Steps are integers and a window is inclusive on
// both ends, so the smallest window is one step wide (start === end) and none is ever empty.

import type { StepWindowLike } from './chart-axes';
import { lastIndexAtOrBefore } from './chart-axes';

/** Share of the window an arrow key moves it by. */
export const PAN_FRACTION = 0.25;

export type WindowKeyAction = 'in' | 'out' | 'left' | 'right' | 'reset';

/** The action a key asks for, or null when the chart leaves the key alone. */
export function windowKeyAction(key: string): WindowKeyAction | null {
  switch (key) {
    case '+':
    case '=':
      return 'in';
    case '-':
    case '_':
      return 'out';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case '0':
    case 'Escape':
      return 'reset';
    default:
      return null;
  }
}

/** The integer window inside `bounds`: shifted in whole when it fits, cut to the bounds when not. */
export function clampWindow(w: StepWindowLike, bounds: StepWindowLike): StepWindowLike {
  const lo = Math.ceil(Math.min(bounds.startStep, bounds.endStep));
  const hi = Math.floor(Math.max(bounds.startStep, bounds.endStep));
  let start = Math.round(Math.min(w.startStep, w.endStep));
  let end = Math.round(Math.max(w.startStep, w.endStep));
  if (end - start >= hi - lo) return { startStep: lo, endStep: Math.max(lo, hi) };
  if (start < lo) {
    end += lo - start;
    start = lo;
  }
  if (end > hi) {
    start -= end - hi;
    end = hi;
  }
  return { startStep: start, endStep: end };
}

/** The middle half of the window (at least one step; a one-step window stays as it is). */
export function zoomIn(w: StepWindowLike): StepWindowLike {
  const start = Math.round(w.startStep);
  const end = Math.round(w.endStep);
  const span = end - start;
  if (span <= 0) return { startStep: start, endStep: end };
  const half = Math.floor(span / 2);
  const from = start + Math.ceil((span - half) / 2);
  return { startStep: from, endStep: from + half };
}

/** Twice the window around its middle, kept inside `bounds`. */
export function zoomOut(w: StepWindowLike, bounds: StepWindowLike): StepWindowLike {
  const start = Math.round(w.startStep);
  const end = Math.round(w.endStep);
  const span = Math.max(1, end - start);
  const grow = Math.ceil(span / 2);
  return clampWindow({ startStep: start - grow, endStep: end + grow }, bounds);
}

/** The window moved by a quarter of its width (at least one step), kept inside `bounds`. */
export function pan(w: StepWindowLike, direction: -1 | 1, bounds: StepWindowLike): StepWindowLike {
  const start = Math.round(w.startStep);
  const end = Math.round(w.endStep);
  const by = direction * Math.max(1, Math.round((end - start) * PAN_FRACTION));
  return clampWindow({ startStep: start + by, endStep: end + by }, bounds);
}

/** Whether the window shows all of `bounds`, i.e. is no zoom at all. */
export function coversBounds(w: StepWindowLike, bounds: StepWindowLike): boolean {
  return w.startStep <= bounds.startStep && w.endStep >= bounds.endStep;
}

/** What of a window is on screen: its overlap with the run, or the nearest window inside it. */
function visiblePart(w: StepWindowLike, bounds: StepWindowLike): StepWindowLike {
  const start = Math.max(w.startStep, bounds.startStep);
  const end = Math.min(w.endStep, bounds.endStep);
  return clampWindow(start <= end ? { startStep: start, endStep: end } : w, bounds);
}

/**
 * The next window after a key, or undefined for "no zoom" (the whole run). `current` is the zoom
 * in effect (undefined: none); `bounds` is the step range of the runs drawn.
 */
export function nextWindow(
  action: WindowKeyAction,
  current: StepWindowLike | undefined,
  bounds: StepWindowLike,
): StepWindowLike | undefined {
  if (action === 'reset') return undefined;
  const w = current ? visiblePart(current, bounds) : bounds;
  if (action === 'in') {
    const next = zoomIn(w);
    // A one-step window is as far in as it goes.
    return next.startStep === w.startStep && next.endStep === w.endStep ? current : next;
  }
  const next = action === 'out' ? zoomOut(w, bounds) : pan(w, action === 'left' ? -1 : 1, bounds);
  return coversBounds(next, bounds) ? undefined : next;
}

/** Whether any of the sorted steps falls inside the window: zooming in never lands on nothing. */
export function windowHasStep(steps: ArrayLike<number>, w: StepWindowLike): boolean {
  const i = lastIndexAtOrBefore(steps, w.endStep);
  return i >= 0 && (steps[i] as number) >= w.startStep;
}

/** The step range of several sorted step arrays (first to last), or null when all are empty. */
export function stepBounds(stepArrays: readonly ArrayLike<number>[]): StepWindowLike | null {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const steps of stepArrays) {
    if (steps.length === 0) continue;
    start = Math.min(start, steps[0] as number);
    end = Math.max(end, steps[steps.length - 1] as number);
  }
  return start <= end ? { startStep: start, endStep: end } : null;
}
