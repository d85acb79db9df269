// One value per run from a metric's full history: the latest, the value at a chosen step, the min,
// the max, or the value at the step where another metric of the run was best.
//
// Decisions:
// - Works on any order of points, so it needs no sort and allocates nothing but the result; the
//   series cache's histories (sorted, one point per step) are simply the easy case.
// - Latest is MLflow's latest_metrics rule: the highest step; at equal steps the later timestamp,
//   then the larger value (NaN below any number). Without timestamps, the later point in the arrays.
//   (The series cache keeps one point per step, the last by timestamp; the two differ only for two
//   points logged at the same step in the same millisecond.)
// - The value at step N is the point at N, chosen as above when N was logged more than once. When
//   the run did not log N, it is the last point before N, flagged `exact: false` so the UI says so:
//   never an interpolation, which would show a number the run never logged. Nothing at or before N
//   is a miss ('before-first'), not the next point after it.
// - Min and max use finite values only (a NaN or a diverged +/-Infinity is not a best), and tie to
//   the earliest step: the first time the run reached that value, as early stopping would keep it.
// - "At the best step of a metric" finds that metric's best (its min or max as above) and
//   then reads this metric at that step, with the same exact / last-before rule.
// - Points whose step is NaN are ignored: they have no place on the step axis.

import type { Direction } from './metric-direction/types';

/** A metric's history as parallel arrays (typed arrays from the series cache, or plain arrays). */
export interface HistoryArrays {
  step: ArrayLike<number>;
  value: ArrayLike<number>;
  timestamp?: ArrayLike<number> | undefined;
}

/** The series cache's MetricHistory ({ x: steps, y: values, t: timestamps }) as HistoryArrays. */
export function historyArrays(h: {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  t?: ArrayLike<number> | undefined;
}): HistoryArrays {
  return { step: h.x, value: h.y, timestamp: h.t };
}

function length(h: HistoryArrays): number {
  return Math.min(h.step.length, h.value.length);
}

/** Of two points at the same step, does `i` (later in the arrays than `j`) replace `j`? */
function replaces(h: HistoryArrays, i: number, j: number): boolean {
  const t = h.timestamp;
  if (!t) return true;
  const dt = (t[i] as number) - (t[j] as number);
  if (dt !== 0) return dt > 0;
  const a = h.value[i] as number;
  const b = h.value[j] as number;
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  if (aNaN || bNaN) return bNaN; // NaN ranks below any number; NaN after NaN: the later one
  return a >= b;
}

/** The latest point's index, or -1 when there is none. */
export function latestIndex(h: HistoryArrays): number {
  return indexAtOrBefore(h, Infinity);
}

/** The index of the point that counts at the greatest logged step <= `step`, or -1. */
export function indexAtOrBefore(h: HistoryArrays, step: number): number {
  const steps = h.step;
  const n = length(h);
  let best = -1;
  for (let i = 0; i < n; i++) {
    const s = steps[i] as number;
    if (!(s <= step)) continue; // also skips a NaN step, and everything when `step` is NaN
    if (best < 0) {
      best = i;
      continue;
    }
    const bestStep = steps[best] as number;
    if (s > bestStep || (s === bestStep && replaces(h, i, best))) best = i;
  }
  return best;
}

/** The index of the lowest ('min') or highest ('max') finite value, earliest step on ties; or -1. */
export function bestIndex(h: HistoryArrays, direction: Direction): number {
  const steps = h.step;
  const values = h.value;
  const n = length(h);
  const sign = direction === 'min' ? 1 : -1;
  let best = -1;
  let bestSigned = Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const s = steps[i] as number;
    if (!Number.isFinite(v) || Number.isNaN(s)) continue;
    const signed = sign * v;
    if (best < 0 || signed < bestSigned) {
      best = i;
      bestSigned = signed;
      continue;
    }
    if (signed !== bestSigned) continue;
    const bestStep = steps[best] as number;
    if (s < bestStep || (s === bestStep && replaces(h, i, best))) best = i;
  }
  return best;
}

export type StepChoice =
  | { kind: 'latest' }
  | { kind: 'step'; step: number }
  | { kind: 'min' }
  | { kind: 'max' }
  /**
   * The value at the step where `metric` (passed as `reference`, with its direction) is best in
   * the same run. The same shape as the compare page's URL state, so it passes straight through.
   */
  | { kind: 'best'; metric: string };

export type PickMiss =
  /** The metric has no points. */
  | 'empty'
  /** Nothing was logged at or before the asked step. */
  | 'before-first'
  /** Min or max of a history without a finite value. */
  | 'no-finite'
  /** 'best': that metric has no history or no finite value in this run. */
  | 'no-reference';

export type MetricPick =
  | {
      found: true;
      index: number;
      step: number;
      value: number;
      /** False when the asked step was not logged and this is the last point before it. */
      exact: boolean;
      /** The step that was asked for ('step' and 'best' choices). */
      askedStep?: number;
    }
  | { found: false; why: PickMiss; askedStep?: number };

function at(h: HistoryArrays, index: number, askedStep?: number): MetricPick {
  const step = h.step[index] as number;
  const value = h.value[index] as number;
  if (askedStep === undefined) return { found: true, index, step, value, exact: true };
  return { found: true, index, step, value, exact: step === askedStep, askedStep };
}

function atStep(h: HistoryArrays, askedStep: number): MetricPick {
  const i = indexAtOrBefore(h, askedStep);
  return i < 0 ? { found: false, why: 'before-first', askedStep } : at(h, i, askedStep);
}

/** One run's value of a metric for the table's step choice. */
export function pickMetric(
  h: HistoryArrays,
  choice: StepChoice,
  /** For 'best': that metric's history in the same run, and which way it improves. */
  reference?: { history: HistoryArrays; direction: Direction },
): MetricPick {
  if (length(h) === 0) return { found: false, why: 'empty' };
  switch (choice.kind) {
    case 'latest': {
      const i = latestIndex(h);
      return i < 0 ? { found: false, why: 'empty' } : at(h, i);
    }
    case 'step':
      return atStep(h, choice.step);
    case 'min':
    case 'max': {
      const i = bestIndex(h, choice.kind);
      return i < 0 ? { found: false, why: 'no-finite' } : at(h, i);
    }
    case 'best': {
      const r = reference ? bestIndex(reference.history, reference.direction) : -1;
      if (r < 0 || !reference) return { found: false, why: 'no-reference' };
      return atStep(h, reference.history.step[r] as number);
    }
  }
}
