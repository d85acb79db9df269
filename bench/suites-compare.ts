// W4 (100 runs × 200 params × 30 metrics; 1,000 runs × 8 params × 3 metrics): compare.json.
import type { Browser } from '@playwright/test';
import path from 'node:path';
import {
  BRUSH_STEPS,
  PARCOORDS_VIEWPORT,
  compareTableOnce,
  linesCanvas,
  parcoordsOnce,
  type CompareTableSample,
  type ParcoordsSample,
} from './probes/compare.ts';
import type { Ui } from './probes/runs-table.ts';
import {
  COMPARE_GOALS,
  PARALLAX_COMPARE_MAX_RUNS,
  compareGoalsMet,
  compareUrls,
  mlflowParcoordsView,
  parcoordsUrls,
  sumKnown,
} from './lib/compare.ts';
import { environment } from './lib/env.ts';
import { startServers } from './lib/servers.ts';
import { medians, ratio } from './lib/stats.ts';
import { ensureWorkload } from './lib/workloads.ts';
import { alternate, writeResult, type Options } from './suites.ts';

/**
 * Parallax's parallel coordinates page ({exp}, {runs}, {metric}): the experiment's Charts view over
 * every run, as MLflow's is measured; `pcc` (the colour metric) in the link opens the plot, as a
 * shared link does. BENCH_PARALLAX_PARCOORDS_PATH='/compare?runs={runs}&experiments={exp}' measures
 * the compare page's plot instead (its first 200 runs).
 */
const parallaxParcoordsPath =
  process.env.BENCH_PARALLAX_PARCOORDS_PATH ?? '/experiments/{exp}?view=charts&pcc=m:{metric}';

const tableKeys = [
  'T_compare_table',
  'columns_rendered',
  'value_columns',
  'runs_loaded',
  'bytes',
  'longtasks_load',
  'longtasks_over_50ms',
  'longtask_max_ms',
] as const;

const parcoordsKeys = [
  'T_parcoords',
  'runs_loaded',
  'plot_width',
  'plot_height',
  'bytes',
  'longtasks_load',
  'longtasks_over_50ms',
  'longtask_max_ms',
] as const;

const brushKeys = [
  'p95_ms',
  'p95_vsync_ms',
  'interval_ms',
  'idle_p95_ms',
  'frames',
  'dropped',
  'longtasks_over_50ms',
] as const;

const PREDICATES = {
  T_compare_table: {
    parallax:
      '[role="table"][aria-label="Run differences"] with aria-colcount = runs + 1, and the first drawn row of the Metrics section (the first drawn row while the Metrics section is below the fold, as at 100 runs) has, for every drawn [role="columnheader"][data-run], a [role="cell"] of the same aria-colindex whose text is neither empty nor "—"; the Metrics row is then checked by scrolling the grid to it (metrics_row_ok)',
    mlflow:
      'the Parameters table (first table.mlflow-compare-run-table without a thead) has a first and a last row with `runs` non-empty td.data-value cells, and the Metrics grid (react-virtualized, beside the key column of a[title="Plot chart"] links) has a non-empty cell for every drawn column of its first row',
  },
  T_parcoords: {
    parallax: `${linesCanvas.parallax} (ParallelCoordinates) has a non-transparent pixel in one of three 1-px columns at 25/50/75 % of its width (the axes are SVG: the canvas holds only lines); the plot is scrolled into view once the canvas exists`,
    mlflow: `${linesCanvas.mlflow} (the parallel-coordinates card of the chart view, drawn by parcoord-es) passes the same pixel test`,
  },
  brush: `Parallax only: once the lines are drawn and the page stood still for 2 s, 120 still frames give the display interval; then the mouse goes down on the first axis's rect.parcoords-brush-area at 15 % of its height and moves to 65 % in ${BRUSH_STEPS} steps, one per animation frame, and up; frame times are the rAF deltas from mouse-down to two frames after mouse-up`,
};

const NOTES = [
  "Both UIs run on one `mlflow server --workers 2` over W4's database (ports 6164/6165), alternating P, M, P, M… after a discarded warm-up pair, each load in a new browser context with the HTTP cache disabled; figures are medians of --runs loads per UI, ratios Parallax ÷ MLflow.",
  "T_compare_table: ms from navigation to the first animation frame the predicate (predicates.T_compare_table) holds, on the diff of W4's `bench-compare` (100 runs). Parallax: /compare?runs=…&experiments=E (differences only, its default: 30 params, 30 metrics); MLflow: /#/compare-runs?runs=[…]&experiments=[…] (every param, its default; its page also draws a Plotly parallel-coordinates plot of the runs above the tables). Both grids draw only the columns in view (Parallax both ways; MLflow's Metrics grid); MLflow's Parameters table draws all 100 × 200 cells.",
  `T_parcoords: Parallax is measured on its experiment Charts view over every run of \`bench-parcoords\` (1,000 runs), the plot opened by its colour metric in the link (urls.parcoords). Until session 9 (compare.json of 9719185) Parallax was measured on its compare page over the first ${PARALLAX_COMPARE_MAX_RUNS} runs, the most that page loads; BENCH_PARALLAX_PARCOORDS_PATH='/compare?runs={runs}&experiments={exp}' measures that again. The Charts view also draws the experiment's metric charts, and their requests and long tasks count. MLflow is measured on its experiment chart view (compareRunsMode=CHART), whose parallel-coordinates card is parcoord-es on a canvas (not Plotly); the card comes from the saved view MLflow reads from local storage (mlflowParcoordsView in bench/lib/compare.ts: one card over the 8 params and 3 metrics, "Show all runs"), set by an init script before the page starts, as a returning user would have it. MLflow's chart view loads its first page of runs (100, newest first) and plots those: runs_loaded says how many runs each UI loaded, so the two plots do not hold the same number of lines.`,
  `brush (Parallax only): parallax.brush_p95_vsync_ms is the p95 of the drag's rAF deltas, each snapped to whole display intervals (bench/lib/stats.ts snapToVsync; the interval is the median rAF delta of the still page, brush.interval_ms), as the runs-table scroll probe; brush_p95_ms is the raw p95 and brush_idle_p95_ms the still page's raw p95 (the floor of the raw figure). The brush runs over the plot's runs: all 1,000 on the Charts view (at most ${PARALLAX_COMPARE_MAX_RUNS} on the compare page). brush_applied counts drags after which the axis's accessible name reports a brush.`,
  `Viewports: the diff at 1280×800 (environment.viewport), as every other page load; the parallel coordinates at ${PARCOORDS_VIEWPORT.width}×${PARCOORDS_VIEWPORT.height} for both UIs (environment.viewport_parcoords): at 1280 px MLflow's chart view squeezes its card to about 54 px of width (its runs list and Assistant panel beside it), the reason the charts suite widens the window for its drag. plot_width × plot_height is the size of the canvas each UI drew its lines on.`,
  'Bytes: CDP Network.loadingFinished encodedDataLength of the page target, summed when the page has stood still for 2 s after the predicate held. Long tasks (PerformanceObserver longtask) from navigation to that moment; for the brush, from mouse-down to two frames after mouse-up.',
  'parallax.longtasks_over_50ms is the sum of three medians: the diff page load, the parcoords page load and the brush (longtasks_over_50ms_by_measure); goals_met.longtasks_over_50ms judges it against 0.',
];

function samplesOf<S extends { errors: string[] }>(xs: Record<Ui, S[]>): string[] {
  return [...xs.parallax, ...xs.mlflow].flatMap((s) => s.errors);
}

export async function compareSuite(browser: Browser, o: Options): Promise<string> {
  const t0 = Date.now();
  const env = environment({
    iterations: o.runs,
    warmup_pair: o.warmup,
    scale: o.scale,
    viewport_parcoords: `${PARCOORDS_VIEWPORT.width}x${PARCOORDS_VIEWPORT.height}@1`,
  });
  const w = await ensureWorkload('w4', o.scale);
  const cmp = w.meta.compare;
  const pc = w.meta.parcoords;
  if (!cmp || !pc) throw new Error(`W4's meta.json (${w.dir}) has no compare/parcoords section`);
  const srv = await startServers(w, 6164);
  try {
    const tableUrls = compareUrls(srv, cmp.experiment_id, cmp.run_ids);
    const pcUrls = parcoordsUrls(
      srv,
      pc.experiment_id,
      pc.run_ids,
      parallaxParcoordsPath.replace('{metric}', pc.metrics[0] ?? ''),
    );
    const mlflowView = mlflowParcoordsView(pc.experiment_id, pc.params, pc.metrics);
    const runs = cmp.run_ids.length;

    console.log(`▸ compare W4 diff (${runs} runs × ${cmp.params} params × ${cmp.metrics} metrics)`);
    const table = await alternate(
      o.runs,
      o.warmup,
      (ui) => compareTableOnce(browser, { ui, url: tableUrls[ui], runs }),
      (_ui, s: CompareTableSample) =>
        `table ${s.T_compare_table} ms (${s.columns_rendered} columns drawn of ${s.value_columns}, row ${s.row_checked}, metrics row ${s.metrics_row_ok}), ${s.runs_loaded} runs, ${s.bytes} B, long tasks > 50 ms ${s.longtasks_over_50ms} (max ${s.longtask_max_ms} ms)${s.errors.length ? ` — ${s.errors.join('; ')}` : ''}`,
    );

    console.log(`▸ compare W4 parallel coordinates (${pc.run_ids.length} runs)`);
    const parcoords = await alternate(
      o.runs,
      o.warmup,
      (ui) =>
        parcoordsOnce(browser, {
          ui,
          url: pcUrls[ui],
          brush: ui === 'parallax',
          ...(ui === 'mlflow' ? { storage: mlflowView } : {}),
        }),
      (_ui, s: ParcoordsSample) =>
        `lines ${s.T_parcoords} ms (${s.runs_loaded} runs, ${s.plot_width}×${s.plot_height} px), ${s.bytes} B, long tasks > 50 ms ${s.longtasks_over_50ms}${s.brush ? `; brush p95 ${s.brush.p95_ms} ms (${s.brush.p95_vsync_ms} in vsyncs; idle ${s.brush.idle_p95_ms}), ${s.brush.frames} frames, long tasks ${s.brush.longtasks_over_50ms}` : ''}${s.errors.length ? ` — ${s.errors.join('; ')}` : ''}`,
    );

    const tp = medians(table.parallax, tableKeys);
    const tm = medians(table.mlflow, tableKeys);
    const pp = medians(parcoords.parallax, parcoordsKeys);
    const pm = medians(parcoords.mlflow, parcoordsKeys);
    const brushes = parcoords.parallax.flatMap((s) => (s.brush ? [s.brush] : []));
    const brush = medians(brushes, brushKeys);
    const byMeasure = {
      compare_table: tp.longtasks_over_50ms,
      parcoords: pp.longtasks_over_50ms,
      brush: brush.longtasks_over_50ms,
    };
    const longtasks = sumKnown([byMeasure.compare_table, byMeasure.parcoords, byMeasure.brush]);
    const ratios = {
      compare_table: ratio(tp.T_compare_table, tm.T_compare_table),
      parcoords: ratio(pp.T_parcoords, pm.T_parcoords),
      bytes_compare_table: ratio(tp.bytes, tm.bytes),
      bytes_parcoords: ratio(pp.bytes, pm.bytes),
    };
    const maxOf = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return v.length ? Math.max(...v) : null;
    };
    const errors = [...new Set([...samplesOf(table), ...samplesOf(parcoords)])];
    if (brushes.length === 0)
      errors.push('parallax: no brush was measured: parallax.brush_p95_vsync_ms is null');
    if (longtasks === null)
      errors.push('parallax: a long-task count is missing: parallax.longtasks_over_50ms is null');
    const result = {
      benchmark: 'compare',
      workload: {
        name: 'W4',
        compare: {
          experiment: cmp.name,
          runs,
          params: cmp.params,
          varying_params: cmp.varying_params,
          metrics: cmp.metrics,
          steps: cmp.steps,
        },
        parcoords: {
          experiment: pc.name,
          runs: pc.run_ids.length,
          params: pc.params.length,
          metrics: pc.metrics.length,
          parallax_runs: parallaxParcoordsPath.startsWith('/compare')
            ? Math.min(pc.run_ids.length, PARALLAX_COMPARE_MAX_RUNS)
            : pc.run_ids.length,
        },
        cache_dir: path.basename(w.dir),
        seeded_seconds: w.seededSeconds,
      },
      environment: env,
      urls: {
        compare_table: {
          parallax: tableUrls.parallax.replace(/runs=[^&]*/, `runs=<${runs} ids>`),
          mlflow: tableUrls.mlflow.replace(/runs=\[[^\]]*\]/, `runs=[<${runs} ids>]`),
        },
        parcoords: {
          parallax: pcUrls.parallax.replace(/runs=[^&]*/, 'runs=<ids>'),
          mlflow: pcUrls.mlflow,
          mlflow_saved_view: mlflowView,
        },
      },
      units: {
        time: 'ms from navigation start',
        bytes: 'encoded bytes on the wire (CDP, page target)',
        frames: 'rAF deltas in ms',
      },
      predicates: PREDICATES,
      ratios,
      parallax: {
        T_compare_table: tp.T_compare_table,
        T_parcoords: pp.T_parcoords,
        brush_p95_vsync_ms: brush.p95_vsync_ms,
        brush_p95_ms: brush.p95_ms,
        brush_interval_ms: brush.interval_ms,
        brush_idle_p95_ms: brush.idle_p95_ms,
        brush_frames: brush.frames,
        brush_dropped_frames: brush.dropped,
        brush_applied: `${brushes.filter((b) => b.applied).length}/${brushes.length}`,
        longtasks_over_50ms: longtasks,
        longtasks_over_50ms_by_measure: byMeasure,
        longtasks_over_50ms_max: maxOf([
          ...table.parallax.map((s) => s.longtasks_over_50ms),
          ...parcoords.parallax.map((s) => s.longtasks_over_50ms),
          ...brushes.map((b) => b.longtasks_over_50ms),
        ]),
        compare_table: tp,
        parcoords: pp,
        metrics_row_ok: `${table.parallax.filter((s) => s.metrics_row_ok).length}/${table.parallax.length}`,
      },
      mlflow: {
        T_compare_table: tm.T_compare_table,
        T_parcoords: pm.T_parcoords,
        compare_table: tm,
        parcoords: pm,
      },
      goals: COMPARE_GOALS,
      goals_met: compareGoalsMet({
        compare_table: ratios.compare_table,
        parcoords: ratios.parcoords,
        brush_p95_vsync_ms: brush.p95_vsync_ms,
        longtasks_over_50ms: longtasks,
      }),
      notes: NOTES,
      samples: {
        compare_table: table,
        parcoords,
        brush_p95_vsync_ms: brushes.map((b) => b.p95_vsync_ms),
      },
      errors,
      suite_seconds: Math.round((Date.now() - t0) / 1000),
    };
    return writeResult('compare.json', result);
  } finally {
    await srv.stop();
  }
}
