// W2 (one 1M-step run) and W3 (20 runs × 100k steps): charts.json.
import type { Browser } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  runChartOnce,
  type ChartRun,
  type ChartSample,
  type ChartTarget,
  type Retention,
} from './probes/charts.ts';
import type { Ui } from './probes/runs-table.ts';
import { waitIdle } from './probes/server-load.ts';
import {
  closestToMedian,
  coldGoals,
  coldGoalsMet,
  coldOrder,
  coldRatios,
  floorMedian,
  linesAtFirst,
  linesTarget,
  medianNeverAsSlowest,
  seriesTimeline,
  timeToFullLines,
  timeToLines,
  worse,
} from './lib/cold.ts';
import { environment } from './lib/env.ts';
import { measureFloor, type FloorSample } from './lib/floor.ts';
import { benchDir } from './lib/paths.ts';
import { startServers, type Servers } from './lib/servers.ts';
import { median, medians, ratio, round } from './lib/stats.ts';
import { ensureWorkload, type Workload, type WorkloadName } from './lib/workloads.ts';
import { alternate, writeResult, type Options } from './suites.ts';

const chartKeys = [
  'T_chart_first',
  'T_chart_settled',
  'T_full_fidelity',
  'T_zoom',
  'points_drawn',
  'points_drawn_zoom',
  'runs_drawn',
  'bytes_load',
  'bytes_zoom',
  'longtasks_load',
  'longtask_max_ms',
  'longtasks_over_50ms',
  'longtasks_after_first_line',
  'longtask_after_first_line_max_ms',
  'longtasks_series_load',
  'longtask_series_load_max_ms',
  'longtasks_zoom_over_50ms',
  'longtask_zoom_max_ms',
  'lines_settled',
] as const;

/** Parallax's W3 page: the overlay of all 20 runs (override with BENCH_PARALLAX_W3_PATH). */
const parallaxW3Path = process.env.BENCH_PARALLAX_W3_PATH ?? '/experiments/{exp}?view=charts';

/** The chart page of each UI: W2's run page, W3's experiment chart view. */
function chartUrls(
  name: WorkloadName,
  srv: Pick<Servers, 'parallaxUrl' | 'mlflowUrl'>,
  exp: string,
  runs: readonly ChartRun[],
): Record<Ui, string> {
  const first = runs[0];
  if (!first) throw new Error(`${name}: the workload has no runs`);
  return name === 'w2'
    ? {
        parallax: `${srv.parallaxUrl}/experiments/${exp}/runs/${first.run_id}`,
        mlflow: `${srv.mlflowUrl}/#/experiments/${exp}/runs/${first.run_id}/model-metrics`,
      }
    : {
        parallax:
          srv.parallaxUrl +
          parallaxW3Path
            .replace('{exp}', exp)
            .replace('{runs}', runs.map((r) => r.run_id).join(',')),
        mlflow: `${srv.mlflowUrl}/#/experiments/${exp}/runs?compareRunsMode=CHART`,
      };
}

function retentionMedian(xs: (Retention | null)[]): number | null {
  return median(xs.map((r) => r?.fraction ?? null));
}

async function workloadCharts(
  browser: Browser,
  w: Workload,
  name: WorkloadName,
  port: number,
  o: Options,
) {
  const runs = Array.isArray(w.meta.runs) ? w.meta.runs : [];
  const key = w.meta.key ?? 'train/loss';
  const exp = w.meta.experiment_id;
  const srv = await startServers(w, port);
  try {
    const urls = chartUrls(name, srv, exp, runs);
    console.log(`▸ charts ${name.toUpperCase()} (${runs.length} runs × ${w.meta.steps} steps)`);
    const samples = await alternate(
      o.runs,
      o.warmup,
      (ui) => runChartOnce(browser, { ui, url: urls[ui], key, runs } satisfies ChartTarget),
      (_ui, s: ChartSample) =>
        `first ${s.T_chart_first} ms, full ${s.T_full_fidelity} ms, zoom ${s.T_zoom} ms, ${s.points_drawn} pts (${s.runs_drawn} runs), spikes ${s.spikes_overview?.retained}/${s.spikes_overview?.total} → zoom ${s.spikes_zoom?.retained}/${s.spikes_zoom?.total}, long tasks ${s.longtasks_load} (max ${s.longtask_max_ms} ms; ${s.longtasks_series_load} over 50 ms while the series load)${s.errors.length ? ` — ${s.errors.join('; ')}` : ''}`,
    );
    const p = medians(samples.parallax, chartKeys);
    const m = medians(samples.mlflow, chartKeys);
    const spikes = {
      parallax: {
        overview: retentionMedian(samples.parallax.map((s) => s.spikes_overview)),
        zoom: retentionMedian(samples.parallax.map((s) => s.spikes_zoom)),
      },
      mlflow: {
        overview: retentionMedian(samples.mlflow.map((s) => s.spikes_overview)),
        zoom: retentionMedian(samples.mlflow.map((s) => s.spikes_zoom)),
      },
    };
    return {
      workload: {
        name: name.toUpperCase(),
        runs: runs.length,
        steps: w.meta.steps,
        key,
        recorded_spikes: runs.reduce((n, r) => n + r.spikes.length, 0),
        cache_dir: path.basename(w.dir),
        seeded_seconds: w.seededSeconds,
      },
      urls,
      ratios: {
        chart_first: ratio(p.T_chart_first, m.T_chart_first),
        zoom: ratio(p.T_zoom, m.T_zoom),
        points_drawn: ratio(p.points_drawn, m.points_drawn),
        bytes_load: ratio(p.bytes_load, m.bytes_load),
      },
      spike_retention: spikes,
      parallax: p,
      mlflow: m,
      samples: { parallax: samples.parallax.map(slim), mlflow: samples.mlflow.map(slim) },
      errors: [...new Set([...samples.parallax, ...samples.mlflow].flatMap((s) => s.errors))],
    };
  } finally {
    await srv.stop();
  }
}

/** A sample without its raw request list (the cold part keeps one timeline, made compact). */
function slim<S extends { requests: unknown }>(s: S): Omit<S, 'requests'> {
  const out: Partial<S> = { ...s };
  delete out.requests;
  return out as Omit<S, 'requests'>;
}

/**
 * Parallax's full fidelity on a fresh server: every history is read from MLflow first (the issue
 * saw 32 s on W2), so the warm probe's 60 s cap would turn a slow Parallax into a missing figure;
 * 5 minutes lets a losing time be measured.
 */
const COLD_FULL_TIMEOUT = 300_000;
/** One get-history page of the floor may take long on a busy MLflow; a hung one must not stall. */
const FLOOR_PAGE_TIMEOUT = 180_000;

interface ColdSample extends ChartSample {
  iteration: number;
  /** 1: this UI loaded first on the fresh servers; 2: second, after the other UI. */
  position: number;
  /** ms the bench waited for MLflow and Parallax to go idle before this load. */
  idle_wait_ms: number;
}

interface ColdFloor extends FloorSample {
  iteration: number;
  run_ids_from: 'parallax' | 'mlflow' | null;
  idle_wait_ms: number;
}

/**
 * Cold iterations of one workload: each starts MLflow and Parallax afresh (Parallax's series cache
 * empty, its on-disk cache pointed at a new empty directory), loads the chart page in both UIs in
 * coldOrder(i), then reads MLflow's floor for the same histories on that MLflow.
 */
async function workloadColdRaw(
  browser: Browser,
  w: Workload,
  name: WorkloadName,
  port: number,
  iterations: number,
) {
  const runs = Array.isArray(w.meta.runs) ? w.meta.runs : [];
  const key = w.meta.key ?? 'train/loss';
  const exp = w.meta.experiment_id;
  const samples: Record<Ui, ColdSample[]> = { parallax: [], mlflow: [] };
  const floors: ColdFloor[] = [];
  console.log(`▸ charts ${name.toUpperCase()} cold: ${iterations} iterations on fresh servers`);
  for (let i = 0; i < iterations; i++) {
    // Parallax may keep finished series on disk (PARALLAX_CACHE_DIR): a new empty directory per
    // iteration, removed afterwards, so no iteration reads what an earlier one left.
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-cold-'));
    const srv = await startServers(w, port, { PARALLAX_CACHE_DIR: cacheDir });
    try {
      const urls = chartUrls(name, srv, exp, runs);
      // Both UIs share this iteration's servers: whichever loads second finds MLflow's process
      // warmed by the first. The order alternates (coldOrder) and each sample keeps its position,
      // so that effect falls on both UIs alike and can be read apart (by_position in the JSON).
      for (const [k, ui] of coldOrder(i).entries()) {
        // The first UI's work may still be running in MLflow (Parallax reading histories for a
        // page that is closed): the next load must not share the cores with it.
        const idle = await waitIdle({ mlflowPgid: srv.mlflow.pid, parallaxPid: srv.parallaxPid });
        // The lines to wait for before the load may settle: what MLflow's chart view has drawn in
        // this workload's cold loads so far (before the first: its default, linesTarget).
        const expect = linesTarget(
          runs.length,
          samples.mlflow.map((x) => x.lines_settled),
        ).count;
        const s = await runChartOnce(browser, {
          ui,
          url: urls[ui],
          key,
          runs,
          fullTimeoutMs: COLD_FULL_TIMEOUT,
          expectLines: expect,
        } satisfies ChartTarget);
        samples[ui].push({ ...s, iteration: i, position: k + 1, idle_wait_ms: idle });
        const last = s.line_timeline[s.line_timeline.length - 1];
        console.log(
          `  cold [${i + 1}/${iterations}] ${ui} (${k === 0 ? 'first' : 'second'}): first line ${s.T_chart_first} ms (${linesAtFirst(s.line_timeline)} lines), ${last?.[1] ?? 0} lines at ${last?.[0] ?? '—'} ms, full ${s.T_full_fidelity} ms, zoom ${s.T_zoom} ms, long tasks > 50 ms ${s.longtasks_over_50ms} + zoom ${s.longtasks_zoom_over_50ms}${s.errors.length ? ` — ${s.errors.join('; ')}` : ''}`,
        );
      }
      // The floor: the histories Parallax charted in this iteration (MLflow's when Parallax drew
      // nothing), read straight from this MLflow one page at a time, after both UIs.
      const p = samples.parallax[samples.parallax.length - 1];
      const m = samples.mlflow[samples.mlflow.length - 1];
      const from = p?.runs_charted.length ? 'parallax' : m?.runs_charted.length ? 'mlflow' : null;
      const ids = (from === 'parallax' ? p : from === 'mlflow' ? m : undefined)?.runs_charted ?? [];
      const idle = await waitIdle({ mlflowPgid: srv.mlflow.pid, parallaxPid: srv.parallaxPid });
      const f = await measureFloor(
        (u) => fetch(u, { signal: AbortSignal.timeout(FLOOR_PAGE_TIMEOUT) }),
        srv.mlflowUrl,
        ids,
        key,
      );
      if (!ids.length) f.error = 'neither UI charted a run: no histories to read';
      floors.push({
        ...f,
        ms: ids.length ? f.ms : null,
        iteration: i,
        run_ids_from: from,
        idle_wait_ms: idle,
      });
      console.log(
        `  cold [${i + 1}/${iterations}] floor: ${f.ms} ms for ${f.runs} runs, ${f.pages} pages, ${f.points} points (first page ${f.first_page_ms} ms)${f.error ? ` — ${f.error}` : ''}`,
      );
    } finally {
      await srv.stop();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  return { runs, key, samples, floors };
}

/** The cold times that are ratios' numerators (see medianNeverAsSlowest). */
const timeKeys = ['T_chart_first', 'T_chart_all', 'T_full_fidelity', 'T_zoom'] as const;

const coldKeys = [
  'T_chart_first',
  'T_chart_first_probe',
  'T_chart_all',
  'T_full_fidelity',
  'T_full_fidelity_probe',
  'T_chart_settled',
  'T_zoom',
  'lines_at_first',
  'lines_settled',
  'runs_drawn',
  'points_drawn',
  'bytes_load',
  'longtasks_over_50ms',
  'longtask_max_ms',
  'longtasks_series_load',
  'longtasks_zoom_over_50ms',
  'longtask_zoom_max_ms',
] as const;

/**
 * One workload's cold figures. "Every drawn run" is the number of lines MLflow's chart view drew
 * once settled (linesTarget), over its cold and warm samples: MLflow decides how many runs a
 * first visit shows, and Parallax is timed until it shows as many.
 */
function coldSummary(
  raw: Awaited<ReturnType<typeof workloadColdRaw>>,
  warmMlflow: readonly { lines_settled: number | null }[],
) {
  const target = linesTarget(raw.runs.length, [
    ...raw.samples.mlflow.map((s) => s.lines_settled),
    ...warmMlflow.map((s) => s.lines_settled),
  ]);
  const derive = (s: ColdSample) => ({
    ...slim(s),
    // Both from the same per-frame counter, so T_chart_first ≤ T_chart_all holds (the probe's
    // T_chart_first polls from a later start and can land a frame after; kept beside them).
    T_chart_first: timeToLines(s.line_timeline, 1)?.t ?? null,
    T_chart_first_probe: s.T_chart_first,
    T_chart_all: timeToLines(s.line_timeline, target.count)?.t ?? null,
    // Every drawn run at full fidelity (the chart's data-source="full" alone can come while it
    // draws only the runs that have arrived). The probe's own figure is kept beside it.
    T_full_fidelity: timeToFullLines(s.line_timeline, target.count),
    T_full_fidelity_probe: s.T_full_fidelity,
    lines_at_first: linesAtFirst(s.line_timeline),
  });
  const samples = {
    parallax: raw.samples.parallax.map(derive),
    mlflow: raw.samples.mlflow.map(derive),
  };
  const p = medians(samples.parallax, coldKeys);
  const m = medians(samples.mlflow, coldKeys);
  // Parallax's times: a load that never got there counts as its slowest, not left out (a median of
  // its good loads only would flatter it). MLflow's untimed loads are left out, as warm: counting
  // them as slow would credit Parallax with the bench's failures. Both missing counts are reported.
  const missing: Record<Ui, Partial<Record<(typeof timeKeys)[number], number>>> = {
    parallax: {},
    mlflow: {},
  };
  for (const k of timeKeys) {
    const c = medianNeverAsSlowest(samples.parallax.map((x) => x[k]));
    p[k] = c.median;
    missing.parallax[k] = c.missing;
    // MLflow has no full-fidelity state: its T_full_fidelity is null by design, not missing.
    if (k !== 'T_full_fidelity')
      missing.mlflow[k] = samples.mlflow.filter((x) => x[k] === null).length;
  }
  const floorMs = floorMedian(raw.floors);
  const ratios = coldRatios({ parallax: p, mlflow: m, floor_ms: floorMs });
  const byPosition = (ui: Ui) => {
    const at = (pos: number) => {
      const xs = samples[ui].filter((s) => s.position === pos);
      return {
        n: xs.length,
        T_chart_all: median(xs.map((s) => s.T_chart_all)),
        T_zoom: median(xs.map((s) => s.T_zoom)),
      };
    };
    return { first: at(1), second: at(2) };
  };
  // The Parallax load nearest the median T_chart_all, as a compact request timeline (the first
  // load when none drew every run: its requests show where it got stuck).
  const pick = closestToMedian(samples.parallax.map((s) => s.T_chart_all)) ?? 0;
  const rep = raw.samples.parallax[pick];
  // Whether Parallax drew the runs MLflow drew (not only as many): the share of MLflow's drawn runs
  // that Parallax drew too, per iteration.
  const sameRuns = raw.samples.parallax.map((ps, i) => {
    const ms = raw.samples.mlflow[i];
    if (!ms?.runs_charted.length) return null;
    const drew = new Set(ps.runs_charted);
    return round(ms.runs_charted.filter((id) => drew.has(id)).length / ms.runs_charted.length, 3);
  });
  const longMax = (ui: Ui, k: 'longtasks_over_50ms' | 'longtasks_zoom_over_50ms') => {
    const xs = samples[ui].map((s) => s[k]);
    return xs.length && xs.every((x) => x !== null) ? Math.max(...(xs as number[])) : null;
  };
  const errors = [
    ...new Set([
      ...[...samples.parallax, ...samples.mlflow].flatMap((s) => s.errors),
      ...raw.floors.flatMap((f) => (f.error ? [`floor: ${f.error}`] : [])),
      ...(['parallax', 'mlflow'] as const).flatMap((ui) =>
        samples[ui].some((s) => s.T_chart_first_probe !== null && s.T_chart_all === null)
          ? [`${ui}: some loads never drew ${target.count} lines (T_chart_all null)`]
          : [],
      ),
    ]),
  ];
  return {
    iterations: raw.samples.parallax.length,
    lines_target: target,
    ratios,
    parallax: p,
    mlflow: m,
    /** Loads per UI without each time (never reached, or the probe failed: see errors). */
    missing,
    long_tasks_over_50ms_max: {
      parallax: {
        load: longMax('parallax', 'longtasks_over_50ms'),
        zoom: longMax('parallax', 'longtasks_zoom_over_50ms'),
      },
      mlflow: {
        load: longMax('mlflow', 'longtasks_over_50ms'),
        zoom: longMax('mlflow', 'longtasks_zoom_over_50ms'),
      },
    },
    by_position: { parallax: byPosition('parallax'), mlflow: byPosition('mlflow') },
    /** Share of the runs MLflow's page drew that Parallax's drew too (1: the same runs), median. */
    mlflow_runs_drawn_by_parallax: median(sameRuns),
    floor: {
      ms: floorMs,
      runs: raw.floors[0]?.runs ?? null,
      pages: median(raw.floors.map((f) => f.pages)),
      points: median(raw.floors.map((f) => f.points)),
      bytes: median(raw.floors.map((f) => f.bytes)),
      first_page_ms: median(raw.floors.map((f) => f.first_page_ms)),
      parse_ms: median(raw.floors.map((f) => f.parse_ms)),
      samples: raw.floors,
    },
    parallax_requests:
      rep && rep.time_origin !== null
        ? {
            iteration: rep.iteration,
            position: rep.position,
            T_chart_all: samples.parallax[pick]?.T_chart_all ?? null,
            T_full_fidelity: rep.T_full_fidelity,
            requests: seriesTimeline(rep.requests, rep.time_origin),
          }
        : null,
    samples,
    errors,
  };
}

async function downsampleThroughput(): Promise<Record<string, unknown> | null> {
  const file = path.join(benchDir, 'downsample-throughput.ts');
  if (!existsSync(file)) return null;
  try {
    const mod = (await import(file)) as {
      measureDownsampleThroughput: () => Promise<Record<string, unknown>> | Record<string, unknown>;
    };
    return await mod.measureDownsampleThroughput();
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Long tasks over 50 ms per UI, at the load (from navigation) and at the zoom: medians. */
function longOf(w: {
  parallax: { longtasks_over_50ms: number | null; longtasks_zoom_over_50ms: number | null };
  mlflow: { longtasks_over_50ms: number | null; longtasks_zoom_over_50ms: number | null };
}) {
  const of = (u: typeof w.parallax) => ({
    load: u.longtasks_over_50ms,
    zoom: u.longtasks_zoom_over_50ms,
  });
  return { parallax: of(w.parallax), mlflow: of(w.mlflow) };
}

const NOTES = [
  "ratios are warm: each workload on one pair of servers, a discarded warm-up pair (which fills Parallax's series cache), then alternating loads; medians of --runs loads per UI. ratios_cold are cold, measured apart (cold.w2, cold.w3).",
  "Cold iteration: MLflow and Parallax are started afresh (Parallax's in-memory series cache empty; PARALLAX_CACHE_DIR a new empty directory), then both UIs load the same chart page, Parallax first on even iterations and MLflow first on odd ones, each in a new browser context with the HTTP cache disabled, after MLflow and Parallax have gone idle. The UI that loads second finds MLflow's process warmed by the first: cold.wN.by_position shows each UI's medians as first and as second loader.",
  "T_chart_first: ms from navigation to the first animation frame with any chart line drawn; cold, it is read from the same per-frame line counter as T_chart_all (T_chart_first_probe is the warm probe's own figure, which polls from a later start). T_chart_all: to the first frame with every drawn run's line, counted each frame by an init script: runs with a non-empty raw line path in one Parallax chart, distinct runs (the run uuid MLflow puts on each trace: it draws two traces per run) among the traces with a non-empty line path in one Plotly plot; the most any one chart holds. \"Every drawn run\" is cold.wN.lines_target: 1 on W2; on W3 the number of lines MLflow's chart view drew once settled (its most common count over its cold and warm loads). A load that never reaches the target has T_chart_all null (the next note says how medians count it).",
  'Cold medians: a Parallax load that never reached a time (T_chart_first, T_chart_all, T_full_fidelity, T_zoom) counts as its slowest load, not left out, and the median is null when it falls on such a load; MLflow loads the probe could not time are left out, as in the warm part. cold.wN.missing counts them per UI.',
  'cold.wN.mlflow_runs_drawn_by_parallax: the share of the runs MLflow drew (from its sampled-history answers) that Parallax drew too (its test hook), median over iterations: 1 means the same runs, not only as many.',
  'lines_at_first_line: how many lines were drawn in the frame the first line appeared (medians; warm from the same counter).',
  'T_full_fidelity (Parallax only), cold: the first frame where the chart draws the target number of lines (as T_chart_all) and reports data-source="full" (every run it draws is Parallax\'s full-resolution reduction, not MLflow\'s sample); the chart alone can report full while it draws only the runs that have arrived, so both are required. T_full_fidelity_probe is the warm probe\'s figure (data-source="full" alone), kept for comparison. Cold loads wait up to 300 s for it.',
  "T_zoom (cold as warm): once the load settled (Parallax: after full fidelity), the window is widened to 2200×1000 and a drag over 45–55 % of the plot is made; from mouse-up until the zoom's requests have finished and the chart has been still for 1 s. Cold, this is the first zoom on freshly started servers after the load, not a zoom made while the history is still arriving.",
  "Floor (cold.wN.floor): in every cold iteration, after both UIs, the bench reads the histories of the runs Parallax charted in that iteration (MLflow's drawn runs if Parallax drew none) straight from that MLflow with get-history pages of 25,000, one request in flight, run after run; the time is the sum of each page's request-to-body-read time (JSON parsing timed apart in parse_ms). MLflow's process is warm by then (both UIs have used it), which makes the floor lower, not higher.",
  "ratios_cold.wN: chart_first = median T_chart_all Parallax ÷ median T_chart_all MLflow (every drawn run, not the first line); chart_first_line = the same with T_chart_first (context); zoom = median T_zoom ÷ median T_zoom; full_fidelity_vs_floor = Parallax's median cold T_full_fidelity (from navigation, so it includes the page start-up) ÷ the median floor. ratios_cold.chart_first, .zoom and .full_fidelity_vs_floor are the worse (larger) of W2 and W3, and null when either is unknown (see errors and cold.wN.errors); goals_met_cold is likewise null unless both are known.",
  "long_tasks_over_50ms: main-thread tasks over 50 ms (PerformanceObserver longtask) from navigation until the load settled (load), and from the zoom's mouse-down until it settled (zoom); medians per UI, and for cold also the largest count of any iteration (max). goals_met_cold.longtasks_over_50ms judges Parallax's cold max counts of both workloads (load and zoom) against 0; the warm goals are unchanged.",
  "cold.wN.parallax_requests: the series requests of one cold Parallax load (the one nearest the median T_chart_all), as the browser saw them from navigation through the zoom (Playwright request timing, worker fetches included when Chromium reports them on the page), in ms from navigation: sent, first byte, done, with the answer's Server-Timing header, which says whether Parallax's server read the history from MLflow or from its cache. Parallax's own calls to MLflow behind metric-series are not listed: only their effect on the answer times.",
];

export async function chartsSuite(browser: Browser, o: Options): Promise<string> {
  const t0 = Date.now();
  const coldRuns = o.coldRuns ?? o.runs;
  const env = environment({
    iterations: o.runs,
    cold_iterations: coldRuns,
    warmup_pair: o.warmup,
    scale: o.scale,
  });
  const load2 = await ensureWorkload('w2', o.scale);
  const load3 = await ensureWorkload('w3', o.scale);
  // Cold first, then warm, per workload: each part starts its own servers.
  const coldRaw2 = await workloadColdRaw(browser, load2, 'w2', 6152, coldRuns);
  const w2 = await workloadCharts(browser, load2, 'w2', 6152, o);
  const coldRaw3 = await workloadColdRaw(browser, load3, 'w3', 6154, coldRuns);
  const w3 = await workloadCharts(browser, load3, 'w3', 6154, o);
  const cold2 = coldSummary(coldRaw2, w2.samples.mlflow);
  const cold3 = coldSummary(coldRaw3, w3.samples.mlflow);
  const ratiosCold = {
    chart_first: worse(cold2.ratios.chart_first, cold3.ratios.chart_first),
    zoom: worse(cold2.ratios.zoom, cold3.ratios.zoom),
    full_fidelity_vs_floor: worse(
      cold2.ratios.full_fidelity_vs_floor,
      cold3.ratios.full_fidelity_vs_floor,
    ),
    w2: cold2.ratios,
    w3: cold3.ratios,
  };
  const coldLong = [cold2, cold3].flatMap((c) => [
    c.long_tasks_over_50ms_max.parallax.load,
    c.long_tasks_over_50ms_max.parallax.zoom,
  ]);
  const ds = await downsampleThroughput();
  const both = (f: (r: typeof w2) => number | null) => {
    const xs = [f(w2), f(w3)].filter((x): x is number => x !== null);
    return xs.length ? round(Math.max(...xs), 3) : null; // the worse of the two workloads
  };
  const worstRetention = (ui: Ui) => {
    const xs = [w2, w3]
      .flatMap((w) => [w.spike_retention[ui].overview, w.spike_retention[ui].zoom])
      .filter((x): x is number => x !== null);
    return xs.length ? Math.min(...xs) : null;
  };
  const mpts = ds && typeof ds.mpts_per_s_minmaxlttb === 'number' ? ds.mpts_per_s_minmaxlttb : null;
  const ratios = {
    chart_first: both((w) => w.ratios.chart_first),
    zoom: both((w) => w.ratios.zoom),
    w2: w2.ratios,
    w3: w3.ratios,
  };
  const pointsRatio = [w2, w3].map((w) => w.ratios.points_drawn);
  const longtasksOver50 = [w2.parallax.longtasks_over_50ms, w3.parallax.longtasks_over_50ms];
  const seriesLoad50 = [w2.parallax.longtasks_series_load, w3.parallax.longtasks_series_load];
  const spikeRetention = { parallax: worstRetention('parallax'), mlflow: worstRetention('mlflow') };
  const goals = {
    spike_retention_parallax: 1.0,
    chart_first: 1.0,
    points_drawn_vs_mlflow: 2.5,
    zoom: 1.0,
    longtasks_over_50ms_during_load: 0,
    longtasks_over_50ms_while_series_load: 0,
    downsample_mpts_per_s: 100,
  };
  const known = (xs: (number | null)[]) => xs.every((x) => x !== null);
  const result = {
    benchmark: 'charts',
    environment: env,
    units: {
      time: 'ms from navigation start (T_zoom: from mouse-up to the last redraw before 1 s of quiet)',
      bytes: 'encoded bytes on the wire (CDP, page target)',
    },
    ratios,
    spike_retention: spikeRetention,
    downsample_mpts_per_s: mpts,
    downsample: ds,
    points_drawn: {
      parallax: { w2: w2.parallax.points_drawn, w3: w3.parallax.points_drawn },
      mlflow: { w2: w2.mlflow.points_drawn, w3: w3.mlflow.points_drawn },
    },
    long_tasks: {
      parallax: {
        w2: {
          count: w2.parallax.longtasks_load,
          max_ms: w2.parallax.longtask_max_ms,
          over_50ms_while_series_load: w2.parallax.longtasks_series_load,
          series_load_max_ms: w2.parallax.longtask_series_load_max_ms,
        },
        w3: {
          count: w3.parallax.longtasks_load,
          max_ms: w3.parallax.longtask_max_ms,
          over_50ms_while_series_load: w3.parallax.longtasks_series_load,
          series_load_max_ms: w3.parallax.longtask_series_load_max_ms,
        },
      },
      mlflow: {
        w2: {
          count: w2.mlflow.longtasks_load,
          max_ms: w2.mlflow.longtask_max_ms,
          over_50ms_while_series_load: w2.mlflow.longtasks_series_load,
          series_load_max_ms: w2.mlflow.longtask_series_load_max_ms,
        },
        w3: {
          count: w3.mlflow.longtasks_load,
          max_ms: w3.mlflow.longtask_max_ms,
          over_50ms_while_series_load: w3.mlflow.longtasks_series_load,
          series_load_max_ms: w3.mlflow.longtask_series_load_max_ms,
        },
      },
    },
    goals,
    goals_cold: coldGoals,
    goals_met_cold: coldGoalsMet(cold2.ratios, cold3.ratios, coldLong),
    ratios_cold: ratiosCold,
    lines_at_first_line: Object.fromEntries(
      (
        [
          ['w2', cold2, w2],
          ['w3', cold3, w3],
        ] as const
      ).map(([k, c, w]) => [
        k,
        {
          target: c.lines_target.count,
          cold: { parallax: c.parallax.lines_at_first, mlflow: c.mlflow.lines_at_first },
          warm: {
            parallax: median(w.samples.parallax.map((x) => linesAtFirst(x.line_timeline))),
            mlflow: median(w.samples.mlflow.map((x) => linesAtFirst(x.line_timeline))),
          },
        },
      ]),
    ),
    long_tasks_over_50ms: {
      cold: {
        w2: { median: longOf(cold2), max: cold2.long_tasks_over_50ms_max },
        w3: { median: longOf(cold3), max: cold3.long_tasks_over_50ms_max },
      },
      warm: { w2: { median: longOf(w2) }, w3: { median: longOf(w3) } },
    },
    cold: { w2: cold2, w3: cold3 },
    goals_met: {
      spike_retention_parallax:
        spikeRetention.parallax === null ? null : spikeRetention.parallax >= 1,
      chart_first:
        ratios.chart_first === null || !known(pointsRatio)
          ? null
          : ratios.chart_first <= 1 && pointsRatio.every((r) => (r ?? 0) >= 2.5),
      zoom: ratios.zoom === null ? null : ratios.zoom <= 1,
      longtasks_over_50ms_during_load: known(longtasksOver50)
        ? longtasksOver50.every((n) => n === 0)
        : null,
      longtasks_over_50ms_while_series_load: known(seriesLoad50)
        ? seriesLoad50.every((n) => n === 0)
        : null,
      downsample_mpts_per_s: mpts === null ? null : mpts >= 100,
    },
    notes: NOTES,
    w2,
    w3,
    suite_seconds: Math.round((Date.now() - t0) / 1000),
  };
  return writeResult('charts.json', result);
}
