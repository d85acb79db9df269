// The compare page's scatter: one point per run, any param or metric on either axis. Params are
// text in MLflow; a param is plotted where its text is a plain decimal (paramNumber), so `0.01`
// and `1e-3` place and `adam` does not. Non-finite metric values (NaN, ±Infinity) have no place on
// a linear axis either. Runs left out are counted, per reason, so the chart can say so.
import { paramNumber } from './diff-model';

export type ScatterAxisKind = 'params' | 'metrics';

export interface ScatterAxis {
  kind: ScatterAxisKind;
  key: string;
}

export interface ScatterRunInput {
  runId: string;
  name: string;
  params: ReadonlyMap<string, string>;
  metrics: ReadonlyMap<string, { value: number }>;
}

export interface ScatterPoint {
  runId: string;
  name: string;
  x: number;
  y: number;
}

export interface ScatterPoints {
  points: ScatterPoint[];
  /** Runs without a value on an axis. */
  missing: number;
  /** Runs whose value is text (a param) or not finite (a metric). */
  notNumeric: number;
}

/** `params.lr`, `metrics.val_loss`: the spelling of an axis in the URL and the picker. */
export function axisId(axis: ScatterAxis): string {
  return `${axis.kind}.${axis.key}`;
}

/** The axis an id names; the key is everything after the first dot, so keys may hold dots. */
export function parseAxisId(id: string | null | undefined): ScatterAxis | undefined {
  const dot = id?.indexOf('.') ?? -1;
  if (!id || dot < 0) return undefined;
  const kind = id.slice(0, dot);
  const key = id.slice(dot + 1);
  return (kind === 'params' || kind === 'metrics') && key ? { kind, key } : undefined;
}

type Read = { value: number } | 'missing' | 'not-numeric';

function read(run: ScatterRunInput, axis: ScatterAxis): Read {
  if (axis.kind === 'metrics') {
    const m = run.metrics.get(axis.key);
    if (!m) return 'missing';
    return Number.isFinite(m.value) ? { value: m.value } : 'not-numeric';
  }
  const text = run.params.get(axis.key);
  if (text === undefined) return 'missing';
  const n = paramNumber(text);
  return n === undefined ? 'not-numeric' : { value: n };
}

export function scatterPoints(
  runs: readonly ScatterRunInput[],
  x: ScatterAxis,
  y: ScatterAxis,
): ScatterPoints {
  const out: ScatterPoints = { points: [], missing: 0, notNumeric: 0 };
  for (const run of runs) {
    const a = read(run, x);
    const b = read(run, y);
    if (a === 'missing' || b === 'missing') out.missing++;
    else if (a === 'not-numeric' || b === 'not-numeric') out.notNumeric++;
    else out.points.push({ runId: run.runId, name: run.name, x: a.value, y: b.value });
  }
  return out;
}
