// W1 footprint: initial JS + CSS bytes up to the first table paint, and the JS heap once the table
// has loaded and after a minute of idling: footprint.json.
import type { Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BUILD_MODES, bundleHasTestHook } from '../scripts/lib/build.mjs';
import { runFootprintOnce, IDLE_MS, QUIET_MS, type FootprintSample } from './probes/footprint.ts';
import type { Ui } from './probes/runs-table.ts';
import { environment } from './lib/env.ts';
import { gzip6Size, sumSizes } from './lib/footprint.ts';
import { cacheRoot, root } from './lib/paths.ts';
import { startServers } from './lib/servers.ts';
import { medians, ratio, round } from './lib/stats.ts';
import { ensureWorkload } from './lib/workloads.ts';
import { alternate, runCount, runsTableUrls, writeResult, type Options } from './suites.ts';

/** Where the suite builds the SPA it measures: a production build beside, not in, dist/. */
const productionDist = path.join(cacheRoot, 'spa-production');

/**
 * The SPA Parallax serves in this suite. `npm start` ships a production build, so that is what is
 * measured: built afresh from the working tree into its own directory, because dist/ holds the
 * test build the other suites and the e2e suite use. BENCH_DIST overrides it, as for every suite.
 */
async function footprintSpa(): Promise<{ dir: string; build: string }> {
  const own = process.env.BENCH_DIST;
  if (own) {
    const hooked = bundleHasTestHook(own);
    return { dir: own, build: `BENCH_DIST=${own} (${hooked ? 'a test' : 'a production'} build)` };
  }
  console.log(
    `▸ footprint: building the production SPA into ${path.relative(root, productionDist)}…`,
  );
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = ['build', '--mode', BUILD_MODES.production, '--outDir', productionDist];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, ...args, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code})`)),
    );
  });
  if (bundleHasTestHook(productionDist))
    throw new Error('the production build holds the charts test hook; see scripts/lib/build.mjs');
  return {
    dir: productionDist,
    build: `production: vite build --mode ${BUILD_MODES.production} of this tree (as npm start serves it)`,
  };
}

/** Each asset's decoded size and its size gzipped by the bench, fetched once more by URL. */
async function assetSizes(urls: Iterable<string>) {
  const raw = new Map<string, number>();
  const gzip6 = new Map<string, number>();
  for (const url of new Set(urls)) {
    // identity: the body as it is on disk (fetch would decode a compressed answer anyway).
    const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    const body = new Uint8Array(await res.arrayBuffer());
    raw.set(url, body.length);
    gzip6.set(url, gzip6Size(body));
  }
  return { raw, gzip6 };
}

const footprintKeys = [
  'T_table_first',
  'initial_requests',
  'initial_wire_bytes',
  'initial_js_wire_bytes',
  'initial_css_wire_bytes',
  'initial_raw_bytes',
  'initial_gzip6_bytes',
  'rt_transfer_bytes',
  'rt_encoded_body_bytes',
  'rt_decoded_body_bytes',
  'T_network_idle',
  'requests_to_idle',
  'bytes_to_idle',
  'loaded_runs',
  'heap_loaded_used',
  'heap_loaded_total',
  'heap_main_loaded_used',
  'heap_idle_used',
  'heap_idle_total',
  'heap_main_idle_used',
  'workers',
  'requests_during_idle',
] as const;

type Row = Record<(typeof footprintKeys)[number], number | null>;

function row(s: FootprintSample, raw: Map<string, number>, gzip6: Map<string, number>): Row {
  const i = s.initial;
  return {
    T_table_first: s.T_table_first,
    initial_requests: i?.requests ?? null,
    initial_wire_bytes: i?.wire_bytes ?? null,
    initial_js_wire_bytes: i?.js_wire_bytes ?? null,
    initial_css_wire_bytes: i?.css_wire_bytes ?? null,
    initial_raw_bytes: i ? sumSizes(i.urls, raw) : null,
    initial_gzip6_bytes: i ? sumSizes(i.urls, gzip6) : null,
    rt_transfer_bytes: s.rt_transfer_bytes,
    rt_encoded_body_bytes: s.rt_encoded_body_bytes,
    rt_decoded_body_bytes: s.rt_decoded_body_bytes,
    T_network_idle: s.T_network_idle,
    requests_to_idle: s.requests_to_idle,
    bytes_to_idle: s.bytes_to_idle,
    loaded_runs: s.loaded_runs,
    heap_loaded_used: s.heap_loaded_used,
    heap_loaded_total: s.heap_loaded_total,
    heap_main_loaded_used: s.heap_main_loaded_used,
    heap_idle_used: s.heap_idle_used,
    heap_idle_total: s.heap_idle_total,
    heap_main_idle_used: s.heap_main_idle_used,
    workers: s.heap_loaded_used === null ? null : s.workers_loaded.length,
    requests_during_idle: s.requests_during_idle,
  };
}

export async function footprintSuite(browser: Browser, o: Options): Promise<string> {
  const t0 = Date.now();
  const spa = await footprintSpa();
  const w = await ensureWorkload('w1', o.scale);
  const expected = runCount(w);
  const env = environment({
    iterations: o.runs,
    warmup_pair: o.warmup,
    scale: o.scale,
    parallax_build: spa.build,
  });
  const srv = await startServers(w, 6156, { PARALLAX_STATIC_DIR: spa.dir });
  try {
    const urls = runsTableUrls(srv, w);
    console.log(`▸ footprint (W1, ${expected} runs): ${urls.parallax} vs ${urls.mlflow}`);
    const mb = (x: number | null) => (x === null ? '–' : `${round(x / 2 ** 20, 1)} MB`);
    const samples = await alternate(
      o.runs,
      o.warmup,
      (ui) => runFootprintOnce(browser, { ui, url: urls[ui] }),
      (_ui, s: FootprintSample) =>
        `first ${s.T_table_first} ms, JS+CSS ${s.initial?.wire_bytes ?? '–'} B on the wire (${s.initial?.requests ?? '–'} requests), idle at ${s.T_network_idle} ms (${s.loaded_runs} runs), heap ${mb(s.heap_loaded_used)} → ${mb(s.heap_idle_used)} after ${IDLE_MS / 1000}s${s.errors.length ? ` — ${s.errors.join('; ')}` : ''}`,
    );
    // The assets are static: fetched again once each, while the servers still run.
    const all = [...samples.parallax, ...samples.mlflow];
    const { raw, gzip6 } = await assetSizes(all.flatMap((s) => s.initial?.urls ?? []));
    const rows = {
      parallax: samples.parallax.map((s) => row(s, raw, gzip6)),
      mlflow: samples.mlflow.map((s) => row(s, raw, gzip6)),
    };
    const p = medians(rows.parallax, footprintKeys);
    const m = medians(rows.mlflow, footprintKeys);
    const ratios = {
      initial_bytes: ratio(p.initial_gzip6_bytes, m.initial_gzip6_bytes),
      initial_bytes_wire: ratio(p.initial_wire_bytes, m.initial_wire_bytes),
      initial_bytes_raw: ratio(p.initial_raw_bytes, m.initial_raw_bytes),
      heap: ratio(p.heap_loaded_used, m.heap_loaded_used),
      heap_idle: ratio(p.heap_idle_used, m.heap_idle_used),
      heap_main: ratio(p.heap_main_loaded_used, m.heap_main_loaded_used),
      heap_main_idle: ratio(p.heap_main_idle_used, m.heap_main_idle_used),
    };
    const goals = { initial_bytes: 0.5, heap: 0.7 };
    const met = (x: number | null, g: number) => (x === null ? null : x <= g);
    // Every asset either UI counted, with its sizes (the same URLs in every iteration).
    const assets = (ui: Ui) =>
      [...new Set(samples[ui].flatMap((s) => s.initial?.urls ?? []))].map((u) => ({
        path: new URL(u).pathname,
        raw_bytes: raw.get(u) ?? null,
        gzip6_bytes: gzip6.get(u) ?? null,
      }));
    const encodings = (ui: Ui) =>
      samples[ui].find((s) => s.initial)?.initial?.wire_bytes_by_encoding;
    const result = {
      benchmark: 'footprint',
      workload: {
        name: 'W1',
        experiment: 'bench-10k',
        runs: expected,
        cache_dir: path.basename(w.dir),
        seeded_seconds: w.seededSeconds,
      },
      environment: env,
      urls,
      units: {
        bytes:
          'initial_wire_bytes: CDP Network.loadingFinished encodedDataLength (body as sent + response headers); initial_gzip6_bytes: each body gzipped by the bench at zlib level 6; initial_raw_bytes: decoded bodies; rt_*: Resource Timing of the same assets',
        heap: "bytes, CDP Runtime.getHeapUsage usedSize/totalSize after HeapProfiler.collectGarbage ×2: heap_* = the page's main thread + every worker of its browser context, heap_main_* = the main thread alone",
        time: 'ms from navigation start',
      },
      ratios,
      parallax: p,
      mlflow: m,
      wire_encodings: { parallax: encodings('parallax'), mlflow: encodings('mlflow') },
      goals,
      goals_met: {
        initial_bytes: met(ratios.initial_bytes, goals.initial_bytes),
        initial_bytes_wire: met(ratios.initial_bytes_wire, goals.initial_bytes),
        heap: met(ratios.heap, goals.heap),
        heap_idle: met(ratios.heap_idle, goals.heap),
        heap_main: met(ratios.heap_main, goals.heap),
        heap_main_idle: met(ratios.heap_main_idle, goals.heap),
      },
      notes: [
        `Initial bytes: the JS and CSS requests (CDP types Script and Stylesheet) finished when the first table paint was seen (≥ 10 rows, the runs-table bench's predicate); fonts, images, the document and data are not counted.`,
        `ratios.initial_bytes (the one goals_met.initial_bytes judges) compares both UIs' bodies gzipped by the bench at level 6, so a server that does not compress its static files does not count against or for either UI; ratios.initial_bytes_wire is the literal "gzip on the wire" figure, each server as it really serves (wire_encodings says what each used), and goals_met.initial_bytes_wire judges it against the same goal.`,
        `"Loaded everything it will load": after the first paint, the first moment no request had been in flight, sent or finished for ${QUIET_MS} ms (T_network_idle). Parallax pages through every run of the experiment by then; MLflow's UI loads its first page and waits for "Load more" (loaded_runs says how many runs each held).`,
        `Heap: JS heap used after two forced GCs, at that idle point (ratios.heap) and ${IDLE_MS / 1000} s later (ratios.heap_idle): the page's main thread plus every worker of its browser context (MLflow's UI starts a shared telemetry worker; samples.*.workers_* list each), and the main thread alone (ratios.heap_main*). goals_met judges all four against the heap goal. Memory outside the JS heap (DOM, layout, images, the renderer process) is not counted.`,
        `Parallax build measured: ${spa.build}.`,
        'Times are context only: the machine is shared, so no time here is a goal.',
      ],
      assets: { parallax: assets('parallax'), mlflow: assets('mlflow') },
      samples,
      errors: [...new Set(all.flatMap((s) => s.errors))],
      suite_seconds: Math.round((Date.now() - t0) / 1000),
    };
    return writeResult('footprint.json', result);
  } finally {
    await srv.stop();
  }
}
