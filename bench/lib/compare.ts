// The compare suite's pure parts (W4): the pages' URLs, the saved view that gives MLflow's chart
// view its parallel-coordinates card, the brush's pointer path, frame-time figures and the goals.
import { quantile, round, snapToVsync } from './stats.ts';

type Ui = 'parallax' | 'mlflow';

/**
 * The most runs Parallax's compare page loads (MAX_COMPARE_RUNS in src/lib/run-diff/compare-url.ts):
 * its parallel coordinates live on that page, so they plot at most this many of W4's 1,000 runs.
 */
export const PARALLAX_COMPARE_MAX_RUNS = 200;

/** The run diff of `runIds` in each UI: Parallax's /compare, MLflow's compare-runs page. */
export function compareUrls(
  srv: { parallaxUrl: string; mlflowUrl: string },
  experimentId: string,
  runIds: readonly string[],
): Record<Ui, string> {
  return {
    parallax: `${srv.parallaxUrl}/compare?runs=${runIds.join(',')}&experiments=${experimentId}`,
    // Spelled as MLflow's own Routes.getCompareRunPageRoute spells it: JSON lists.
    mlflow: `${srv.mlflowUrl}/#/compare-runs?runs=${JSON.stringify(runIds)}&experiments=${JSON.stringify([experimentId])}`,
  };
}

/**
 * Parallel coordinates in each UI. Parallax: `template` ({exp} and {runs} are replaced), by default
 * the compare page over the first PARALLAX_COMPARE_MAX_RUNS runs; MLflow: the experiment's chart
 * view (the card comes from the saved view, mlflowParcoordsView).
 */
export function parcoordsUrls(
  srv: { parallaxUrl: string; mlflowUrl: string },
  experimentId: string,
  runIds: readonly string[],
  template = '/compare?runs={runs}&experiments={exp}',
): Record<Ui, string> {
  const runs = runIds.slice(0, PARALLAX_COMPARE_MAX_RUNS).join(',');
  return {
    parallax: srv.parallaxUrl + template.replace('{exp}', experimentId).replace('{runs}', runs),
    mlflow: `${srv.mlflowUrl}/#/experiments/${experimentId}/runs?compareRunsMode=CHART`,
  };
}

export const MLFLOW_PARCOORDS_CARD = 'bench-parcoords-card';

/**
 * The experiment page's saved view in MLflow 3.17's local storage, holding one parallel-coordinates
 * card over every param and metric, set to "Show all runs" (what a user who added that card leaves
 * behind: MLflow stores its experiment page's UI state under this key and reads it on every visit).
 * The key and the card's fields are MLflow's own (LocalStorageUtils' scope
 * `MLflowLocalStorage-1.1-ExperimentPage-<JSON of the sorted experiment ids>`, and the
 * RunsChartsParallelCardConfig class); the metrics' bar charts MLflow adds by itself on load.
 */
export function mlflowParcoordsView(
  experimentId: string,
  params: readonly string[],
  metrics: readonly string[],
): { key: string; value: string } {
  const section = (uuid: string, name: string) => ({
    uuid,
    name,
    display: true,
    isReordered: false,
    deleted: false,
    isGenerated: true,
  });
  const state = {
    compareRunCharts: [
      {
        uuid: MLFLOW_PARCOORDS_CARD,
        type: 'PARALLEL',
        runsCountToCompare: 10,
        metricSectionId: 'bench-section-model',
        deleted: false,
        isGenerated: false,
        selectedParams: [...params],
        selectedMetrics: [...metrics],
        showAllRuns: true,
      },
    ],
    compareRunSections: [
      section('bench-section-model', 'Model metrics'),
      section('bench-section-system', 'System metrics'),
    ],
    isAccordionReordered: false,
  };
  return {
    key: `MLflowLocalStorage-1.1-ExperimentPage-${JSON.stringify([experimentId])}-ReactComponentState`,
    value: JSON.stringify(state),
  };
}

/**
 * The pointer's path for a brush: down at `from` (a fraction of the axis strip's height from its
 * top), then `steps` moves to `to`, one per animation frame.
 */
export function brushPath(
  box: { x: number; y: number; w: number; h: number },
  steps: number,
  from = 0.15,
  to = 0.65,
): { x: number; y: number }[] {
  const x = box.x + box.w / 2;
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i <= steps; i++)
    out.push({ x, y: round(box.y + box.h * (from + ((to - from) * i) / Math.max(1, steps)), 2) });
  return out;
}

export interface FrameFigures {
  frames: number;
  /** Raw p95 of the rAF deltas. */
  p95_ms: number | null;
  /** p95 with each delta snapped to whole display intervals (snapToVsync). */
  p95_vsync_ms: number | null;
  /** The display interval: the median rAF delta of the same page standing still. */
  interval_ms: number | null;
  /** Raw p95 of the still page: the floor of p95_ms on this machine. */
  idle_p95_ms: number | null;
  /** Frames over two display intervals (33.4 ms at 60 Hz). */
  dropped: number;
}

/** Frame-time figures of `deltas`, against the still page's `idle` deltas (as the scroll probe). */
export function frameFigures(deltas: readonly number[], idle: readonly number[]): FrameFigures {
  const sorted = [...idle].filter(Number.isFinite).sort((a, b) => a - b);
  const mid = sorted.length ? (sorted[Math.floor(sorted.length / 2)] as number) : null;
  const interval = mid ?? 1000 / 60;
  const p95 = quantile(deltas, 0.95);
  const snapped = quantile(snapToVsync(deltas, interval), 0.95);
  const idleP95 = quantile(idle, 0.95);
  return {
    frames: deltas.length,
    p95_ms: p95 === null ? null : round(p95),
    p95_vsync_ms: snapped === null ? null : round(snapped),
    interval_ms: mid === null ? null : round(mid, 2),
    idle_p95_ms: idleP95 === null ? null : round(idleP95),
    dropped: deltas.filter((d) => d > 33.4).length,
  };
}

/** Consecutive differences of frame timestamps from `from` to `to` (page ms), inclusive ends. */
export function deltasBetween(frames: readonly number[], from: number, to: number): number[] {
  const inside = frames.filter((t) => t >= from && t <= to);
  const out: number[] = [];
  for (let i = 1; i < inside.length; i++)
    out.push((inside[i] as number) - (inside[i - 1] as number));
  return out;
}

export const COMPARE_GOALS = {
  compare_table: 0.3,
  parcoords: 0.5,
  brush_p95_ms: 16.7,
  longtasks_over_50ms: 0,
} as const;

/** The sum of counts, or null when any is unknown. */
export function sumKnown(xs: readonly (number | null)[]): number | null {
  return xs.every((x): x is number => x !== null) ? xs.reduce((a, b) => a + b, 0) : null;
}

/** Each goal met, or null when its figure is unknown (the reason is in the results' errors). */
export function compareGoalsMet(f: {
  compare_table: number | null;
  parcoords: number | null;
  brush_p95_vsync_ms: number | null;
  longtasks_over_50ms: number | null;
}): Record<keyof typeof COMPARE_GOALS, boolean | null> {
  const atMost = (x: number | null, g: number) => (x === null ? null : x <= g);
  return {
    compare_table: atMost(f.compare_table, COMPARE_GOALS.compare_table),
    parcoords: atMost(f.parcoords, COMPARE_GOALS.parcoords),
    brush_p95_ms: atMost(f.brush_p95_vsync_ms, COMPARE_GOALS.brush_p95_ms),
    longtasks_over_50ms: atMost(f.longtasks_over_50ms, COMPARE_GOALS.longtasks_over_50ms),
  };
}
