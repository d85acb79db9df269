// W2 (one 1M-step run) and W3 (20 runs × 100k steps): charts.json.
import type { Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  runChartOnce,
  type ChartSample,
  type ChartTarget,
  type Retention,
} from './probes/charts.ts';
import type { Ui } from './probes/runs-table.ts';
import { environment } from './lib/env.ts';
import { benchDir } from './lib/paths.ts';
import { startServers } from './lib/servers.ts';
import { median, medians, ratio, round } from './lib/stats.ts';
import { ensureWorkload, type WorkloadName } from './lib/workloads.ts';
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
] as const;

/** Parallax's W3 page: the overlay of all 20 runs (override with BENCH_PARALLAX_W3_PATH). */
const parallaxW3Path = process.env.BENCH_PARALLAX_W3_PATH ?? '/experiments/{exp}?view=charts';

function retentionMedian(xs: (Retention | null)[]): number | null {
  return median(xs.map((r) => r?.fraction ?? null));
}

async function workloadCharts(browser: Browser, name: WorkloadName, port: number, o: Options) {
  const w = await ensureWorkload(name, o.scale);
  const runs = Array.isArray(w.meta.runs) ? w.meta.runs : [];
  const key = w.meta.key ?? 'train/loss';
  const exp = w.meta.experiment_id;
  const srv = await startServers(w, port);
  try {
    const first = runs[0];
    if (!first) throw new Error(`${name}: the workload has no runs`);
    const urls: Record<Ui, string> =
      name === 'w2'
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
      samples,
      errors: [...new Set([...samples.parallax, ...samples.mlflow].flatMap((s) => s.errors))],
    };
  } finally {
    await srv.stop();
  }
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

export async function chartsSuite(browser: Browser, o: Options): Promise<string> {
  const t0 = Date.now();
  const env = environment({ iterations: o.runs, warmup_pair: o.warmup, scale: o.scale });
  const w2 = await workloadCharts(browser, 'w2', 6152, o);
  const w3 = await workloadCharts(browser, 'w3', 6154, o);
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
    w2,
    w3,
    suite_seconds: Math.round((Date.now() - t0) / 1000),
  };
  return writeResult('charts.json', result);
}
