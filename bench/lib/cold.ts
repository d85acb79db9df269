// The charts suite's cold measurement as pure decisions: the order of the UIs per iteration, when
// "every drawn run" was reached from a page's line-count timeline, the line target, the request
// timeline and the cold ratios and goals. No I/O here (bench/lib/cold.test.ts).
import type { Ui } from '../probes/runs-table.ts';
import { median, ratio, round } from './stats.ts';

/**
 * Which UI loads first in cold iteration `i`: Parallax first on even iterations, MLflow first on odd
 * ones, so that whatever a fresh start leaves behind (the OS's file cache of the db, a busier
 * machine right after a start) falls on each UI equally often.
 */
export function coldOrder(i: number): [Ui, Ui] {
  return i % 2 === 0 ? ['parallax', 'mlflow'] : ['mlflow', 'parallax'];
}

/**
 * [page time in ms, number of drawn lines, 1 when the chart is at full fidelity] each time either
 * changed, in time order (the third is absent or 0 for a UI with no such state).
 */
export type LineTimeline = readonly (readonly [number, number, ...number[]])[];

/**
 * The first moment at least `target` lines were drawn, and how many there were then; null when the
 * page never drew that many. A line drawn and then removed (a UI remounting its chart) does not
 * undo the moment: the user had seen them all.
 */
export function timeToLines(
  timeline: LineTimeline,
  target: number,
): { t: number; lines: number } | null {
  for (const [t, n] of timeline) if (n >= target) return { t, lines: n };
  return null;
}

/**
 * The first moment at least `target` lines were drawn with the chart at full fidelity: a chart
 * that says "full" while it draws fewer runs than the target has not shown every run in full.
 */
export function timeToFullLines(timeline: LineTimeline, target: number): number | null {
  for (const [t, n, full] of timeline) if (n >= target && full === 1) return t;
  return null;
}

/** The number of lines drawn at the first moment any line was (0 lines: null). */
export function linesAtFirst(timeline: LineTimeline): number | null {
  return timeToLines(timeline, 1)?.lines ?? null;
}

export interface LinesTarget {
  count: number;
  /** How the count was chosen, for the JSON. */
  source: string;
}

/**
 * How many lines "every drawn run" means. W2 has one run. On W3 it is the number of lines MLflow's
 * chart view draws once it has settled, taken as the most common settled count over its samples
 * (a tie goes to the larger count, the stricter target); with no MLflow sample drawn, the first
 * 10 runs its chart view shows by default.
 */
export function linesTarget(
  workloadRuns: number,
  mlflowSettled: readonly (number | null)[],
): LinesTarget {
  if (workloadRuns <= 1) return { count: 1, source: 'the workload has one run' };
  const counts = new Map<number, number>();
  for (const n of mlflowSettled) if (n !== null && n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: [number, number] | null = null;
  for (const [n, c] of counts)
    if (!best || c > best[1] || (c === best[1] && n > best[0])) best = [n, c];
  if (!best)
    return {
      count: Math.min(10, workloadRuns),
      source: "no MLflow sample drew a line: MLflow's default of the first 10 runs",
    };
  return {
    count: best[0],
    source: `lines MLflow's chart view drew once settled (most common over ${best[1]} of ${mlflowSettled.length} samples)`,
  };
}

/** One request as Playwright times it: `startTime` in epoch ms, the rest in ms after it (-1: none). */
export interface TimedRequest {
  url: string;
  startTime: number;
  responseStart: number;
  responseEnd: number;
  status: number | null;
  failed: boolean;
  /** The answer's Server-Timing header (Parallax's says whether a series came from its cache). */
  serverTiming?: string | null;
}

export interface TimelineEntry {
  kind: 'metric-series' | 'bulk-interval' | 'get-history';
  /** Run ids the request names, and the first one's first 8 characters (enough to tell them apart). */
  runs: number;
  run: string;
  points: number | null;
  /** The step window asked for; a missing bound stays null (JSON has no Infinity). */
  window: [number | null, number | null] | null;
  /** ms from navigation start: sent, first byte of the answer, answer complete (null: never). */
  start_ms: number;
  response_ms: number | null;
  end_ms: number | null;
  status: number | null;
  server_timing: string | null;
}

function kindOf(pathname: string): TimelineEntry['kind'] | null {
  if (pathname.endsWith('/parallax/api/metric-series')) return 'metric-series';
  if (pathname.endsWith('/metrics/get-history-bulk-interval')) return 'bulk-interval';
  if (pathname.endsWith('/metrics/get-history')) return 'get-history';
  return null;
}

/**
 * The page's series requests on the page's clock (ms from navigation: `timeOrigin` is the page's
 * performance.timeOrigin, epoch ms), in the order they were sent. Other requests are left out.
 */
export function seriesTimeline(
  requests: readonly TimedRequest[],
  timeOrigin: number,
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const r of requests) {
    const url = new URL(r.url);
    const kind = kindOf(url.pathname);
    if (!kind) continue;
    const q = url.searchParams;
    const ids = [...q.getAll('run_ids'), ...q.getAll('run_id')];
    const num = (k: string) => (q.get(k) === null ? null : Number(q.get(k)));
    const s = num('start_step');
    const e = num('end_step');
    const start = r.startTime - timeOrigin;
    // Playwright reports -1 for a phase that did not happen (no answer, or a failed request).
    const after = (d: number) => (d >= 0 ? round(start + d) : null);
    out.push({
      kind,
      runs: ids.length,
      run: (ids[0] ?? '').slice(0, 8),
      points: num('points') ?? num('max_results'),
      window: s !== null || e !== null ? [s, e] : null,
      start_ms: round(start),
      response_ms: after(r.responseStart),
      end_ms: r.failed ? null : after(r.responseEnd),
      status: r.status,
      server_timing: r.serverTiming ?? null,
    });
  }
  return out.sort((a, b) => a.start_ms - b.start_ms);
}

export interface WorkloadCold {
  parallax: {
    T_chart_all: number | null;
    T_chart_first: number | null;
    T_full_fidelity: number | null;
    T_zoom: number | null;
  };
  mlflow: { T_chart_all: number | null; T_chart_first: number | null; T_zoom: number | null };
  /** Median floor time (sequential get-history pages on a fresh MLflow), ms. */
  floor_ms: number | null;
}

/** One workload's cold ratios: chart_first is judged with every drawn run (T_chart_all). */
export function coldRatios(w: WorkloadCold) {
  return {
    chart_first: ratio(w.parallax.T_chart_all, w.mlflow.T_chart_all),
    /** Context: to the first line only, as the warm ratio is. */
    chart_first_line: ratio(w.parallax.T_chart_first, w.mlflow.T_chart_first),
    zoom: ratio(w.parallax.T_zoom, w.mlflow.T_zoom),
    full_fidelity_vs_floor: ratio(w.parallax.T_full_fidelity, w.floor_ms),
  };
}

/**
 * The worse (larger) of two workloads' ratios; null when either is unknown: a workload that could
 * not be measured may be the worse one, so the other's ratio alone would flatter.
 */
export function worse(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : round(Math.max(a, b), 3);
}

/** Issue 11's cold goals: ratios are Parallax ÷ MLflow (≤ goal is met); long tasks are counted. */
export const coldGoals = {
  chart_first: 0.7,
  zoom: 1.0,
  full_fidelity_vs_floor: 1.0,
  longtasks_over_50ms: 0,
} as const;

/**
 * The cold goals met, or null when a workload could not be measured: a goal over both workloads
 * is judged only when both are known (a missing W3 must not read as met). `longtasksOver50` are
 * Parallax's counts (each load and each zoom of both workloads); one unknown count leaves it null.
 */
export function coldGoalsMet(
  w2: ReturnType<typeof coldRatios>,
  w3: ReturnType<typeof coldRatios>,
  longtasksOver50: readonly (number | null)[],
) {
  const both = (k: 'chart_first' | 'zoom' | 'full_fidelity_vs_floor') => {
    const a = w2[k];
    const b = w3[k];
    return a === null || b === null ? null : a <= coldGoals[k] && b <= coldGoals[k];
  };
  return {
    chart_first: both('chart_first'),
    zoom: both('zoom'),
    full_fidelity_vs_floor: both('full_fidelity_vs_floor'),
    longtasks_over_50ms: longtasksOver50.every((n) => n !== null)
      ? longtasksOver50.every((n) => n === coldGoals.longtasks_over_50ms)
      : null,
  };
}

/**
 * The index of the value nearest the median (the earlier one on a tie), or null when none is
 * known: the suite shows one real iteration's request timeline, the one that is most typical.
 */
export function closestToMedian(xs: readonly (number | null)[]): number | null {
  const m = median(xs);
  if (m === null) return null;
  let best: number | null = null;
  let bestDist = Infinity;
  for (const [i, x] of xs.entries()) {
    if (x === null || !Number.isFinite(x)) continue;
    if (Math.abs(x - m) < bestDist) [best, bestDist] = [i, Math.abs(x - m)];
  }
  return best;
}

/**
 * The median of times where a missing one (null: the page never got there before the probe gave
 * up) counts as slower than every measured one, and how many were missing. The median is null
 * when it falls on a missing one. Used for Parallax's cold times: dropping its failed loads would
 * report the median of its good ones only, a figure that flatters it.
 */
export function medianNeverAsSlowest(xs: readonly (number | null)[]): {
  median: number | null;
  missing: number;
} {
  // stats.median leaves non-finite values out, which is what this must not do: sorted here.
  const v = xs.map((x) => (x === null || !Number.isFinite(x) ? Infinity : x)).sort((a, b) => a - b);
  const missing = v.filter((x) => x === Infinity).length;
  if (v.length === 0) return { median: null, missing };
  const mid = Math.floor(v.length / 2);
  const hi = v[mid] ?? Infinity;
  const m = v.length % 2 ? hi : ((v[mid - 1] ?? Infinity) + hi) / 2;
  return { median: Number.isFinite(m) ? round(m) : null, missing };
}

/** Median of the floor repetitions' times (failed ones are null and left out). */
export function floorMedian(samples: readonly { ms: number | null }[]): number | null {
  const m = median(samples.map((s) => s.ms));
  return m === null ? null : round(m);
}
