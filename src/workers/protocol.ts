// Messages between the main thread and series.worker.ts. Arrays travel as transferred buffers.
import type { StepWindow } from '@/api/metrics';

export type SeriesSource = 'sampled' | 'full';

/** One run's metric as a chart draws it: parallel typed arrays sorted by step. */
export interface ChartSeries {
  runId: string;
  key: string;
  source: SeriesSource;
  /** Points the run logged in total; null when only MLflow's sample is known. */
  rawCount: number | null;
  /** Points logged inside the requested window; null when unknown. */
  windowCount: number | null;
  /** Every raw point in the window is here (nothing merged or skipped). */
  exact: boolean;
  running: boolean;
  step: Float64Array;
  value: Float64Array;
  timestamp: Float64Array;
  /** Per-point min and max of the raw points merged into it; null when nothing was merged. */
  bandMin: Float64Array | null;
  bandMax: Float64Array | null;
}

export interface FullRequest {
  type: 'full';
  runId: string;
  key: string;
  points: number;
  window?: StepWindow | undefined;
}

export interface SampledRequest {
  type: 'sampled';
  runIds: readonly string[];
  key: string;
  /** Points per run after re-reduction in the worker. */
  points: number;
  maxResults: number;
  window?: StepWindow | undefined;
}

export interface SmoothRequest {
  type: 'smooth';
  step: Float64Array;
  value: Float64Array;
  weight: number;
}

export type SeriesRequest = FullRequest | SampledRequest | SmoothRequest;

export interface SeriesResults {
  full: ChartSeries;
  sampled: ChartSeries[];
  smooth: Float64Array;
}

export type ToWorker = { id: number; request: SeriesRequest } | { id: number; cancel: true };

export type FromWorker =
  | { id: number; ok: true; result: ChartSeries | ChartSeries[] | Float64Array }
  | {
      id: number;
      ok: false;
      error: { name: string; message: string; status?: number; errorCode?: string };
    };

/** Buffers to transfer rather than copy. */
export function transferables(result: ChartSeries | ChartSeries[] | Float64Array): ArrayBuffer[] {
  if (result instanceof Float64Array) return [result.buffer as ArrayBuffer];
  const list = Array.isArray(result) ? result : [result];
  const out: ArrayBuffer[] = [];
  for (const s of list) {
    for (const a of [s.step, s.value, s.timestamp, s.bandMin, s.bandMax]) {
      if (a && !out.includes(a.buffer as ArrayBuffer)) out.push(a.buffer as ArrayBuffer);
    }
  }
  return out;
}
