// Axes from runs: one per chosen param or metric, numeric (linear or log) or categorical (ordinal),
// each with a "missing" slot drawn below it for the runs that have no value there.
//
// Decisions:
// - An axis is numeric when every value present is a number: a metric, or a param whose text is a
//   plain decimal (`0.01`, `1e-3`; see paramNumber). Any other text makes it categorical, its
//   categories in natural order (compareKeys: `layer2` before `layer10`).
// - The missing slot holds the runs without the field, and on a numeric axis also those whose value
//   is NaN or ±Infinity (real metric values in MLflow, but with no place on a finite scale).
// - A log axis needs every finite value > 0; asked for otherwise, it is drawn linear.
// - The domain is the values' own extent, so the ends are the extreme runs. A single value gets a
//   padded domain and sits in the middle.
// - Positions run 0 (bottom) … 1 (top); NaN is the missing slot.
import { paramNumber } from '../run-diff/diff-model';
import { flattenParams } from '../run-diff/param-literal';
import { compareByVariation, variationOf } from '../run-diff/rank';
import type { RankCell } from '../run-diff/rank';
import { compareKeys } from '../run-fields';
import { linearTicks, logTicks } from './ticks';
import { axisKey, parseAxisKey } from './types';
import type { AxisKey, AxisScale, AxisSource, AxisSpec, AxisValue, ParcoordsRun } from './types';

interface AxisBase {
  key: AxisKey;
  source: AxisSource;
  /** The field's own key (`lr`, `val/loss`). */
  field: string;
  /** Runs on the missing slot. */
  missing: number;
}

export interface NumericAxis extends AxisBase {
  kind: 'numeric';
  /** As drawn: 'log' only when asked for and allowed. */
  scale: AxisScale;
  /** Every finite value is > 0 (and there is one). */
  logAllowed: boolean;
  /** Bottom and top, lo < hi. */
  domain: readonly [number, number];
  ticks: readonly number[];
}

export interface CategoricalAxis extends AxisBase {
  kind: 'categorical';
  /** Bottom to top. */
  categories: readonly string[];
}

export type Axis = NumericAxis | CategoricalAxis;

/** The number a value is: a metric's number, or a param's decimal text; undefined otherwise. */
export function numberOf(value: AxisValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return paramNumber(value);
  return undefined;
}

function paddedDomain(lo: number, hi: number, log: boolean): [number, number] {
  if (lo < hi) return [lo, hi];
  if (log) return [lo / Math.sqrt(10), lo * Math.sqrt(10)];
  if (lo === 0) return [-1, 1];
  const half = Math.abs(lo) / 2;
  return [lo - half, lo + half];
}

/** The axis of one chosen field over the runs. */
export function buildAxis(spec: AxisSpec, runs: readonly ParcoordsRun[]): Axis {
  const parsed = parseAxisKey(spec.key) ?? { source: 'param' as const, key: spec.key };
  const base = { key: spec.key, source: parsed.source, field: parsed.key };
  let numeric = true;
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  const texts = new Set<string>();
  for (const run of runs) {
    const value = run.values.get(spec.key);
    if (value === undefined) {
      missing++;
      continue;
    }
    if (typeof value === 'string') texts.add(value);
    const n = numberOf(value);
    if (n === undefined) numeric = false;
    else if (Number.isFinite(n)) {
      if (n < min) min = n;
      if (n > max) max = n;
    }
  }
  if (!numeric) {
    // Numbers among text (a metric never is; a param always is text) read as their spelling.
    for (const run of runs) {
      const value = run.values.get(spec.key);
      if (typeof value === 'number') texts.add(String(value));
    }
    return { ...base, kind: 'categorical', categories: [...texts].sort(compareKeys), missing };
  }
  const finite = min <= max;
  if (!finite) {
    for (const run of runs) if (run.values.get(spec.key) !== undefined) missing++;
  } else {
    for (const run of runs) {
      const n = numberOf(run.values.get(spec.key));
      if (n !== undefined && !Number.isFinite(n)) missing++;
    }
  }
  const logAllowed = finite && min > 0;
  const scale: AxisScale = spec.scale === 'log' && logAllowed ? 'log' : 'linear';
  const domain = finite ? paddedDomain(min, max, scale === 'log') : ([0, 1] as [number, number]);
  const ticks = !finite
    ? []
    : scale === 'log'
      ? logTicks(domain[0], domain[1])
      : linearTicks(domain[0], domain[1], 4);
  return { ...base, kind: 'numeric', scale, logAllowed, domain, ticks, missing };
}

export function buildAxes(specs: readonly AxisSpec[], runs: readonly ParcoordsRun[]): Axis[] {
  return specs.map((spec) => buildAxis(spec, runs));
}

/**
 * One number per run for an axis: the finite value (numeric) or the category's index
 * (categorical); NaN for the missing slot. Brushes test these, positions are made of them.
 */
export function axisColumn(axis: Axis, runs: readonly ParcoordsRun[]): Float64Array {
  const out = new Float64Array(runs.length);
  if (axis.kind === 'categorical') {
    const index = new Map(axis.categories.map((c, i) => [c, i]));
    runs.forEach((run, r) => {
      const value = run.values.get(axis.key);
      const i = value === undefined ? undefined : index.get(String(value));
      out[r] = i ?? NaN;
    });
    return out;
  }
  runs.forEach((run, r) => {
    const n = numberOf(run.values.get(axis.key));
    out[r] = n !== undefined && Number.isFinite(n) ? n : NaN;
  });
  return out;
}

/** Where a column value sits: 0 (bottom) … 1 (top), NaN on the missing slot. */
export function positionOf(axis: Axis, v: number): number {
  if (Number.isNaN(v)) return NaN;
  if (axis.kind === 'categorical') {
    const n = axis.categories.length;
    return n <= 1 ? 0.5 : v / (n - 1);
  }
  const [lo, hi] = axis.domain;
  if (axis.scale === 'log')
    return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
  return (v - lo) / (hi - lo);
}

/** The value at a position of a numeric axis (positionOf's inverse). */
export function valueAt(axis: NumericAxis, p: number): number {
  const [lo, hi] = axis.domain;
  if (axis.scale === 'log') return 10 ** (Math.log10(lo) + p * (Math.log10(hi) - Math.log10(lo)));
  return lo + p * (hi - lo);
}

/** The axis keys the runs have values for: params, then metrics, each in natural order. */
export function fieldsOf(runs: readonly ParcoordsRun[]): { params: AxisKey[]; metrics: AxisKey[] } {
  const keys = new Set<AxisKey>();
  for (const run of runs) for (const [key, v] of run.values) if (v !== undefined) keys.add(key);
  const params: AxisKey[] = [];
  const metrics: AxisKey[] = [];
  for (const key of keys) {
    const source = parseAxisKey(key)?.source;
    if (source === 'param') params.push(key);
    else if (source === 'metric') metrics.push(key);
  }
  const byField = (a: AxisKey, b: AxisKey) => compareKeys(a.slice(2), b.slice(2));
  return { params: params.sort(byField), metrics: metrics.sort(byField) };
}

function rankCell(value: AxisValue): RankCell | null {
  if (value === undefined) return null;
  if (typeof value === 'number') return { text: String(value), num: value };
  return { text: value, num: paramNumber(value) };
}

/**
 * The params that vary across the runs, as the diff table decides it (a run without the param
 * differs from any value; see rank.ts), each with how: most varying first, as the diff orders rows.
 */
export function varyingParams(
  runs: readonly ParcoordsRun[],
  params: readonly AxisKey[],
): { key: AxisKey; numeric: boolean }[] {
  return params
    .map((key) => {
      const cells = runs.map((run) => rankCell(run.values.get(key)));
      const numeric = cells.every((c) => c === null || c.num !== undefined);
      return { key, numeric, variation: variationOf(cells) };
    })
    .filter((p) => p.variation.distinct > 1)
    .sort(compareByVariation)
    .map(({ key, numeric }) => ({ key, numeric }));
}

/** Axes a default view shows at most: beyond a dozen, lines are too close to follow. */
export const DEFAULT_AXIS_LIMIT = 12;
/** Of which metrics get at least this many, when there are that many. */
const MIN_DEFAULT_METRICS = 4;

/**
 * The default axes: the params that vary across the runs (numeric ones first, then categorical,
 * each most varying first), followed by the metrics in natural order; at most `limit`, of which at
 * least 4 metrics when there are 4. Params every run shares get no axis: a flat line says nothing.
 */
export function defaultAxisKeys(
  runs: readonly ParcoordsRun[],
  limit = DEFAULT_AXIS_LIMIT,
): AxisKey[] {
  const fields = fieldsOf(runs);
  return defaultAxisKeysOf(fields.metrics, varyingParams(runs, fields.params), limit);
}

/** defaultAxisKeys from what a caller already has: the metrics (fieldsOf) and varyingParams. */
export function defaultAxisKeysOf(
  metrics: readonly AxisKey[],
  varying: readonly { key: AxisKey; numeric: boolean }[],
  limit = DEFAULT_AXIS_LIMIT,
): AxisKey[] {
  const ordered = [...varying.filter((p) => p.numeric), ...varying.filter((p) => !p.numeric)];
  const metricCount = Math.min(
    metrics.length,
    Math.max(Math.min(MIN_DEFAULT_METRICS, limit), limit - ordered.length),
  );
  const paramCount = Math.min(ordered.length, limit - metricCount);
  return [...ordered.slice(0, paramCount).map((p) => p.key), ...metrics.slice(0, metricCount)];
}

/** The list with the item at `from` moved to index `to` (clamped); a copy, even when unchanged. */
export function moveAxis<T>(axes: readonly T[], from: number, to: number): T[] {
  const out = [...axes];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as T);
  return out;
}

/** What toParcoordsRun reads of a run (RunView and the diff's inputs have it). */
export interface RunFields {
  runId: string;
  name: string;
  params: ReadonlyMap<string, string>;
  metrics: ReadonlyMap<string, { value: number }>;
}

/**
 * A run as the plot reads it: each param's text under `p:<key>`, each metric under `m:<key>`. A param
 * holding a dict or list is one axis per leaf (`p:model_config.params.C`), as in the diff table: its
 * raw text would be one category per distinct blob, which says nothing.
 */
export function toParcoordsRun(run: RunFields): ParcoordsRun {
  const values = new Map<AxisKey, AxisValue>();
  for (const { key, value } of flattenParams(run.params)) values.set(axisKey('param', key), value);
  for (const [key, metric] of run.metrics) values.set(axisKey('metric', key), metric.value);
  return { id: run.runId, name: run.name, values };
}
