import type { IndexedReduced } from './downsample';
import type { PickMiss } from './metric-at-step';

/** A value JSON cannot carry as a number. */
export type WireValue = number | 'NaN' | 'Infinity' | '-Infinity';

/**
 * The JSON body of `GET /parallax/api/metric-series`: parallel arrays, no object per point, so the
 * body stays small and compresses well. Band entries are null where the band is NaN (a non-finite
 * point, or a bucket with no finite value).
 */
export interface MetricSeriesWire {
  run_id: string;
  key: string;
  /** Points in the whole history (one per step: see `logged_count`). */
  raw_count: number;
  /** Raw points inside [start_step, end_step]. */
  window_count: number;
  /** The window answered (null = whole history). */
  start_step: number | null;
  end_step: number | null;
  /** Every raw point of the window is in `step`. */
  exact: boolean;
  /** The run is still RUNNING (the client refreshes). */
  running: boolean;
  step: number[];
  value: WireValue[];
  timestamp: number[];
  band_min: (number | null)[];
  band_max: (number | null)[];
  /** Entries MLflow holds; more than `raw_count` when some step was logged more than once. */
  logged_count?: number;
  /** Non-finite raw points inside the window, by kind (each is also drawn: see src/lib/downsample). */
  nan_count?: number;
  pos_inf_count?: number;
  neg_inf_count?: number;
  /** 'exact', 'minmaxlttb' or 'm4'. */
  method?: string;
}

export function encodeValue(v: number): WireValue {
  if (v === v && v !== Infinity && v !== -Infinity) return v;
  return v !== v ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

export function decodeValue(v: WireValue | null | undefined): number {
  if (typeof v === 'number') return v;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return NaN;
}

/** Why `POST /parallax/api/metrics-at-step` has no value for a (run, key). */
export type MetricAtStepMiss =
  | PickMiss
  /** MLflow refused the run (it does not exist, or this credential cannot see it): see error_code. */
  | 'missing';

/** The body of `POST /parallax/api/metrics-at-step`. */
export interface MetricsAtStepRequestWire {
  /** At most 200; with `keys`, at most 2,000 pairs. */
  run_ids: string[];
  /** At most 100. */
  keys: string[];
  /** 'latest', 'min', 'max', 'step:<step>' or 'best:<metric>' (the compare page's URL spelling). */
  at: string;
  /** Which way the reference metric improves: required with 'best:'. */
  reference_direction?: 'min' | 'max';
}

/** One (run, key) of the answer. `asked_step` is the step looked for ('step:' and 'best:'). */
export type MetricAtStepWire =
  | {
      run_id: string;
      key: string;
      found: true;
      step: number;
      value: WireValue;
      /** False when `asked_step` was not logged and this is the last point before it. */
      exact: boolean;
      asked_step?: number;
    }
  | {
      run_id: string;
      key: string;
      found: false;
      why: MetricAtStepMiss;
      asked_step?: number;
      /** With 'missing': MLflow's error for the run. */
      error_code?: string;
      message?: string;
    };

/** The answer of `POST /parallax/api/metrics-at-step`: each distinct (run, key), run-major. */
export interface MetricsAtStepWire {
  values: MetricAtStepWire[];
}

/** The wire arrays of a reduction; `timestamps` are the raw series' (indexed by `reduced.index`). */
export function encodeReducedPoints(
  reduced: IndexedReduced,
  timestamps: Float64Array,
  offset = 0,
): Pick<MetricSeriesWire, 'step' | 'value' | 'timestamp' | 'band_min' | 'band_max'> {
  const k = reduced.x.length;
  const step = new Array<number>(k);
  const value = new Array<WireValue>(k);
  const timestamp = new Array<number>(k);
  const bandMin = new Array<number | null>(k);
  const bandMax = new Array<number | null>(k);
  for (let i = 0; i < k; i++) {
    step[i] = reduced.x[i] as number;
    value[i] = encodeValue(reduced.y[i] as number);
    timestamp[i] = timestamps[offset + (reduced.index[i] as number)] as number;
    const lo = reduced.bandMin[i] as number;
    const hi = reduced.bandMax[i] as number;
    bandMin[i] = lo === lo ? lo : null;
    bandMax[i] = hi === hi ? hi : null;
  }
  return { step, value, timestamp, band_min: bandMin, band_max: bandMax };
}

export function decodeMetricSeries(wire: MetricSeriesWire): {
  x: Float64Array;
  y: Float64Array;
  t: Float64Array;
  bandMin: Float64Array;
  bandMax: Float64Array;
} {
  const k = wire.step.length;
  const x = Float64Array.from(wire.step);
  const y = new Float64Array(k);
  const t = new Float64Array(k);
  const bandMin = new Float64Array(k);
  const bandMax = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    y[i] = decodeValue(wire.value[i]);
    t[i] = wire.timestamp[i] ?? NaN;
    bandMin[i] = wire.band_min[i] ?? NaN;
    bandMax[i] = wire.band_max[i] ?? NaN;
  }
  return { x, y, t, bandMin, bandMax };
}
