// W2/W3 charts: T_chart_first, T_full_fidelity, T_zoom, points drawn, spike retention, bytes and
// long tasks, for Parallax and MLflow's UI, through the same probe.
import { pixelCovered, type Geometry } from '../lib/spikes.ts';
import type { Browser, Page, Request, Response } from '@playwright/test';
import { longTasks, openSession, whenTrue } from '../lib/browser.ts';
import type { TimedRequest } from '../lib/cold.ts';
import { round } from '../lib/stats.ts';
import type { Spike } from '../lib/workloads.ts';
import type { Ui } from './runs-table.ts';

// Page-side functions (page.evaluate / waitForFunction) run in the browser. The node project has no
// DOM lib, so the browser globals they use are declared here, module-local and loosely typed.
/* eslint-disable @typescript-eslint/no-explicit-any -- browser globals, see above */
type El = any;
declare const document: any;
declare const window: any;
declare const MutationObserver: any;
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface ChartRun {
  run_id: string;
  spikes: Spike[];
}

export interface ChartTarget {
  ui: Ui;
  url: string;
  key: string;
  runs: ChartRun[];
  /** How long to wait for Parallax's full fidelity (a cold server reads every history first). */
  fullTimeoutMs?: number;
  /**
   * Lines the load should reach before it may be called settled (cold: the runs MLflow's chart
   * view draws). Parallax's first chart can report full fidelity while it draws only the runs
   * that have arrived, and runs may land more than the 1 s settle window apart; without this the
   * load could be cut short before every run is drawn. Only a wait, never the measured target.
   */
  expectLines?: number;
}

export interface Retention {
  /** Spikes whose exact value was drawn, or whose pixel the drawn line covers (bench/lib/spikes.ts). */
  retained: number;
  total: number;
  fraction: number | null;
  /** Spikes drawn as a vertex with their exact step and value. */
  value_retained: number;
  value_fraction: number | null;
  /** False when the plot's geometry could not be read: then only exact values count. */
  pixel_checked: boolean;
}

export interface ChartSample {
  T_chart_first: number | null;
  T_chart_settled: number | null;
  T_full_fidelity: number | null;
  T_zoom: number | null;
  points_drawn: number | null;
  points_drawn_zoom: number | null;
  runs_drawn: number | null;
  zoom_window: [number, number] | null;
  spikes_overview: Retention | null;
  spikes_zoom: Retention | null;
  bytes_load: number | null;
  bytes_zoom: number | null;
  bytes_by_type: Record<string, number>;
  longtasks_load: number | null;
  longtask_max_ms: number | null;
  longtasks_over_50ms: number | null;
  /** Long tasks after the first line was drawn, until the chart settled (page start-up excluded). */
  longtasks_after_first_line: number | null;
  longtask_after_first_line_max_ms: number | null;
  /**
   * Long tasks (> 50 ms) while the series load: from the chart's mount (its series are requested
   * then) until the full-fidelity series is drawn and the chart settles. Page start-up (bundle
   * evaluation, the page's own render) comes before it.
   */
  longtasks_series_load: number | null;
  longtask_series_load_max_ms: number | null;
  /** Long tasks (> 50 ms) from the zoom's mouse-down until the zoomed chart settled. */
  longtasks_zoom_over_50ms: number | null;
  longtask_zoom_max_ms: number | null;
  /**
   * [page ms, lines drawn, 1 if that chart is at full fidelity else 0] each time either changed,
   * from navigation until the load settled (afterwards the window is widened and zoomed, which
   * says nothing about the load). See lineCounterScript.
   */
  line_timeline: [number, number, number][];
  /** Lines drawn once the load settled (T_chart_settled). */
  lines_settled: number | null;
  /** Run ids whose series Parallax drew at the overview (its test hook); MLflow: from its answers. */
  runs_charted: string[];
  /** The page's requests with Playwright's timing (the suite keeps the series ones). */
  requests: TimedRequest[];
  /** performance.timeOrigin of the page (epoch ms): puts `requests` on the page's clock. */
  time_origin: number | null;
  errors: string[];
}

const FIRST_TIMEOUT = 45_000;
const FULL_TIMEOUT = 60_000;
const QUIET_MS = 1000;
export const ZOOM_VIEWPORT = { width: 2200, height: 1000 };

/**
 * Counts the drawn lines on every animation frame from navigation on and records each change in
 * window.__lines as [page ms, lines, full], so "every drawn run has a line" can be timed after the
 * fact for any target. A line is a run with a non-empty path:
 * - Parallax: a run group (g[data-run-id]) whose raw line has a path; `full` is 1 when that chart
 *   says data-source="full" (every run it draws is at full fidelity), else 0;
 * - MLflow: distinct runs among the Plotly traces with a path. MLflow draws two traces per run (the
 *   same run uuid and name), so traces are grouped by the run uuid MLflow puts on each trace (its
 *   name, then the trace, when missing); `full` is always 0 (MLflow has no such state).
 * The chart with the most lines counts, so a page with several charts is not credited with their
 * sum. A string, not a function: it runs before the page's own scripts, in both UIs the same way.
 */
const lineCounterScript = (ui: Ui) => `
  (() => {
    const ui = ${JSON.stringify(ui)};
    const lines = [];
    window.__lines = lines;
    const drawn = (p) => p && (p.getAttribute('d') || '').length > 10;
    const count = () => {
      let most = 0;
      let full = 0;
      if (ui === 'parallax') {
        for (const chart of document.querySelectorAll('[data-testid="metric-chart"]')) {
          let n = 0;
          for (const g of chart.querySelectorAll('g[data-run-id]'))
            if (drawn(g.querySelector('path.metric-line-raw'))) n++;
          if (n > most || (n === most && n > 0 && !full)) {
            most = n;
            full = chart.getAttribute('data-source') === 'full' ? 1 : 0;
          }
        }
      } else {
        for (const plot of document.querySelectorAll('.js-plotly-plot')) {
          const runs = new Set();
          for (const tr of plot.querySelectorAll('.scatterlayer .trace')) {
            if (!Array.from(tr.querySelectorAll('path.js-line')).some(drawn)) continue;
            const t = tr.__data__ && tr.__data__[0] && tr.__data__[0].trace;
            const d = t && plot.data && plot.data[t.index];
            runs.add((d && d.uuid) || (t && t.name) || (t && t.uid) || tr);
          }
          most = Math.max(most, runs.size);
        }
      }
      return [most, full];
    };
    let last = 0;
    let lastFull = 0;
    const tick = () => {
      if (document.body) {
        const [n, full] = count();
        if (n !== last || full !== lastFull) {
          lines.push([performance.now(), n, full]);
          last = n;
          lastFull = full;
        }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })();
`;

/** The requests of a page with Playwright's timing, as they finish or fail. */
function watchRequests(page: Page): TimedRequest[] {
  const out: TimedRequest[] = [];
  const done = (failed: boolean) => (r: Request) => {
    const timing = r.timing();
    void (failed ? Promise.resolve(null) : r.response())
      .then(async (res) => ({
        status: res?.status() ?? null,
        serverTiming: (await res?.headerValue('server-timing').catch(() => null)) ?? null,
      }))
      .catch(() => ({ status: null, serverTiming: null }))
      .then(({ status, serverTiming }) =>
        out.push({
          url: r.url(),
          startTime: timing.startTime,
          responseStart: timing.responseStart,
          responseEnd: timing.responseEnd,
          status,
          failed,
          serverTiming,
        }),
      );
  };
  page.on('requestfinished', done(false));
  page.on('requestfailed', done(true));
  return out;
}

/** The line-count timeline recorded so far (lineCounterScript). */
async function readLines(page: Page): Promise<[number, number, number][]> {
  return page
    .evaluate(() => (window as { __lines?: [number, number, number][] }).__lines ?? [])
    .then((xs) => xs.map(([t, n, f]) => [round(t), n, f] as [number, number, number]));
}

const chartRoot: Record<Ui, string> = {
  parallax: '[data-testid="metric-chart"]',
  mlflow: '.js-plotly-plot',
};

const parallaxDrawn = () =>
  Array.from<El>(document.querySelectorAll('[data-testid="metric-chart"] path.metric-line')).some(
    (p) => (p.getAttribute('d') ?? '').length > 10,
  ) && performance.now();
const mlflowDrawn = () =>
  Array.from<El>(
    document.querySelectorAll('.js-plotly-plot .scatterlayer .trace path.js-line') as El[],
  ).some((p) => (p.getAttribute('d') ?? '').length > 10) && performance.now();

interface BulkResponse {
  runIds: string[];
  start: number | null;
  end: number | null;
  points: Map<string, Map<number, number>>; // run → step → value
  count: number;
}

/** MLflow's sampled-history responses, observed as they arrive (never altered). */
function watchBulk(page: Page, key: string): BulkResponse[] {
  const out: BulkResponse[] = [];
  page.on('response', (r: Response) => {
    const url = new URL(r.url());
    if (!url.pathname.endsWith('/metrics/get-history-bulk-interval')) return;
    if (url.searchParams.get('metric_key') !== key) return;
    r.json()
      .then((j: { metrics?: { run_id: string; step: number; value: number | string }[] }) => {
        const points = new Map<string, Map<number, number>>();
        for (const m of j.metrics ?? []) {
          let run = points.get(m.run_id);
          if (!run) points.set(m.run_id, (run = new Map()));
          run.set(Number(m.step), Number(m.value));
        }
        const s = url.searchParams.get('start_step');
        const e = url.searchParams.get('end_step');
        out.push({
          runIds: url.searchParams.getAll('run_ids'),
          start: s === null ? null : Number(s),
          end: e === null ? null : Number(e),
          points,
          count: j.metrics?.length ?? 0,
        });
      })
      .catch(() => undefined);
  });
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));

function retention(
  runs: ChartRun[],
  drawn: Map<string, Map<number, number>>,
  window: [number, number] | null,
  geometry: Geometry | null,
): Retention {
  let retained = 0;
  let exact = 0;
  let total = 0;
  for (const run of runs) {
    const pts = drawn.get(run.run_id);
    if (!pts) continue; // a run the UI did not draw: reported through runs_drawn
    const sorted = [...pts].sort((a, b) => a[0] - b[0]);
    const steps = sorted.map((p) => p[0]);
    const values = sorted.map((p) => p[1]);
    for (const sp of run.spikes) {
      if (window && (sp.step < window[0] || sp.step > window[1])) continue;
      total++;
      const v = pts.get(sp.step);
      const isExact = v !== undefined && close(v, sp.value);
      if (isExact) exact++;
      if (isExact || (geometry && pixelCovered(steps, values, sp.step, sp.value, geometry)))
        retained++;
    }
  }
  const frac = (n: number) => (total ? round(n / total, 3) : null);
  return {
    retained,
    total,
    fraction: frac(retained),
    value_retained: exact,
    value_fraction: frac(exact),
    pixel_checked: geometry !== null,
  };
}

/** The plot's axes and size as drawn: Parallax's chart attributes, or Plotly's layout for MLflow. */
async function plotGeometry(page: Page, ui: Ui): Promise<Geometry | null> {
  return page.evaluate((ui) => {
    const pair = (t: string | null | undefined) => {
      const p = (t ?? '').split(',').map(Number);
      return p.length === 2 && p.every(Number.isFinite) ? (p as [number, number]) : null;
    };
    if (ui === 'parallax') {
      const root = document.querySelector('[data-testid="metric-chart"]');
      const clip = root?.querySelector('.metric-plot-clip rect');
      const x = pair(root?.getAttribute('data-x-domain'));
      const y = pair(root?.getAttribute('data-y-domain'));
      const width = Number(clip?.getAttribute('width'));
      const height = Number(clip?.getAttribute('height'));
      return x && y && width > 0 && height > 0 ? { x, y, width, height } : null;
    }
    const gd = document.querySelector('.js-plotly-plot') as unknown as {
      _fullLayout?: {
        xaxis?: { range?: number[]; type?: string };
        yaxis?: { range?: number[]; type?: string };
        _size?: { w: number; h: number };
      };
    } | null;
    const l = gd?._fullLayout;
    // Only linear axes map this way (MLflow's default for step charts).
    if (!l?.xaxis?.range || !l.yaxis?.range || !l._size || l.yaxis.type === 'log') return null;
    const x = pair(l.xaxis.range.join(','));
    const y = pair(l.yaxis.range.join(','));
    return x && y ? { x, y, width: l._size.w, height: l._size.h } : null;
  }, ui);
}

/** What Parallax drew, through its test hook `window.__parallaxCharts["runId:key"]`. */
async function parallaxDrawnSeries(page: Page, runs: ChartRun[], key: string) {
  const raw = await page.evaluate(
    ({ ids, key }) => {
      const hook = (
        window as unknown as {
          __parallaxCharts?: Record<
            string,
            { steps: ArrayLike<number>; values: ArrayLike<number> }
          >;
        }
      ).__parallaxCharts;
      if (!hook) return null;
      const out: Record<string, [number[], number[]]> = {};
      for (const id of ids) {
        const s = hook[`${id}:${key}`];
        if (s) out[id] = [Array.from(s.steps), Array.from(s.values)];
      }
      return out;
    },
    { ids: runs.map((r) => r.run_id), key },
  );
  if (!raw) return null;
  const drawn = new Map<string, Map<number, number>>();
  let lo = Infinity;
  let hi = -Infinity;
  for (const [id, [steps, values]] of Object.entries(raw)) {
    const m = new Map<number, number>();
    steps.forEach((s, i) => {
      m.set(s, values[i] ?? NaN);
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    });
    drawn.set(id, m);
  }
  return { drawn, window: Number.isFinite(lo) ? ([lo, hi] as [number, number]) : null };
}

/** Records the time of the last `d` change under the chart root (both UIs draw SVG paths). */
async function installMutationClock(page: Page, selector: string) {
  await page.evaluate((sel) => {
    const w = window as unknown as { __chartMut: { last: number; count: number }; __upAt: number };
    w.__chartMut = { last: 0, count: 0 };
    // The whole document, filtered to chart roots: a UI may remount its chart when new data lands.
    const inChart = (n: El) =>
      n && n.nodeType === 1 && (n.closest?.(sel) || n.querySelector?.(sel) || n.matches?.(sel));
    const obs = new MutationObserver((records: El[]) => {
      for (const r of records) {
        const hit =
          r.type === 'attributes'
            ? inChart(r.target)
            : inChart(r.target) || Array.from<El>(r.addedNodes).some(inChart);
        if (hit) {
          w.__chartMut.last = performance.now();
          w.__chartMut.count++;
          return;
        }
      }
    });
    obs.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['d'],
    });
    w.__upAt = 0;
    window.addEventListener('mouseup', (e: { timeStamp: number }) => (w.__upAt = e.timeStamp), {
      capture: true,
    });
  }, selector);
}

/**
 * Waits until the chart has not changed for QUIET_MS, counted from its last change and from `floor`
 * (page time); returns the last change after `after`, or null if nothing changed after it.
 */
async function settle(
  page: Page,
  after: number,
  timeoutMs: number,
  floor = 0,
): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { last, now } = await page.evaluate(() => ({
      last: (window as { __chartMut: { last: number } }).__chartMut.last,
      now: performance.now(),
    }));
    if (last > after && now - Math.max(last, floor) >= QUIET_MS) return last;
    if (last <= after && now - Math.max(after, floor) >= Math.max(QUIET_MS, 5000)) return null;
    await page.waitForTimeout(100);
  }
  return null;
}

/** Counts the fetch/XHR requests the page starts while `on`, and resolves once none is in flight. */
function networkWatch(page: Page) {
  const open = new Set<Request>();
  let on = false;
  const track = (r: Request) => {
    if (on && (r.resourceType() === 'fetch' || r.resourceType() === 'xhr')) open.add(r);
  };
  const done = (r: Request) => void open.delete(r);
  page.on('request', track);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    start: () => {
      on = true;
    },
    /** Page time at which the requests started since `start()` had all finished. */
    idle: async (timeoutMs: number): Promise<number> => {
      const deadline = Date.now() + timeoutMs;
      // A UI may debounce the range refetch: give requests a second to start before calling it idle.
      await page.waitForTimeout(1000);
      while (open.size > 0 && Date.now() < deadline) await page.waitForTimeout(20);
      on = false;
      return page.evaluate(() => performance.now());
    },
  };
}

export async function runChartOnce(browser: Browser, t: ChartTarget): Promise<ChartSample> {
  const s: ChartSample = {
    T_chart_first: null,
    T_chart_settled: null,
    T_full_fidelity: null,
    T_zoom: null,
    points_drawn: null,
    points_drawn_zoom: null,
    runs_drawn: null,
    zoom_window: null,
    spikes_overview: null,
    spikes_zoom: null,
    bytes_load: null,
    bytes_zoom: null,
    bytes_by_type: {},
    longtasks_load: null,
    longtask_max_ms: null,
    longtasks_over_50ms: null,
    longtasks_after_first_line: null,
    longtask_after_first_line_max_ms: null,
    longtasks_series_load: null,
    longtask_series_load_max_ms: null,
    longtasks_zoom_over_50ms: null,
    longtask_zoom_max_ms: null,
    line_timeline: [],
    lines_settled: null,
    runs_charted: [],
    requests: [],
    time_origin: null,
    errors: [],
  };
  const session = await openSession(browser);
  const { page } = session;
  await page.addInitScript(lineCounterScript(t.ui));
  const bulk = t.ui === 'mlflow' ? watchBulk(page, t.key) : [];
  s.requests = watchRequests(page);
  const sel = chartRoot[t.ui];
  let linesRead = false;
  try {
    await page.goto(t.url, { waitUntil: 'commit' });
    if (t.ui === 'parallax') {
      // The chart component may not be on this page yet (it is being built): do not wait 45 s.
      const present = await page
        .waitForSelector(sel, { state: 'attached', timeout: 25_000 })
        .then(() => true)
        .catch(() => false);
      if (!present) {
        s.errors.push(`parallax: no ${sel} on ${new URL(t.url).pathname} within 25 s`);
        return s;
      }
    }
    // When the chart itself appeared: Parallax's chart asks for its series as it mounts; MLflow's
    // card is mounted before its sampled-history request.
    const chartMounted = await whenTrue(
      page,
      (q: string) => document.querySelector(q) !== null && performance.now(),
      sel,
      FIRST_TIMEOUT,
    ).catch(() => null);
    try {
      s.T_chart_first = round(
        await whenTrue(
          page,
          t.ui === 'parallax' ? parallaxDrawn : mlflowDrawn,
          null,
          FIRST_TIMEOUT,
        ),
      );
    } catch (e) {
      s.errors.push(`${t.ui}: no chart line drawn: ${(e as Error).message.split('\n')[0]}`);
      return s;
    }
    // Read once the chart page is surely the document (right after the commit it may not be yet).
    s.time_origin = await page.evaluate(() => performance.timeOrigin);
    await installMutationClock(page, sel);
    let loadEnd = s.T_chart_first;
    if (t.ui === 'parallax') {
      try {
        s.T_full_fidelity = round(
          await whenTrue(
            page,
            () =>
              document.querySelector('[data-testid="metric-chart"][data-source="full"]') !== null &&
              performance.now(),
            null,
            t.fullTimeoutMs ?? FULL_TIMEOUT,
          ),
        );
        loadEnd = s.T_full_fidelity;
      } catch (e) {
        s.errors.push(
          `parallax: data-source="full" not reached: ${(e as Error).message.split('\n')[0]}`,
        );
      }
    }
    if (t.expectLines !== undefined) {
      // Parallax: the expected lines, each at full fidelity; MLflow: the expected lines.
      const ok = await whenTrue(
        page,
        ({ n, ui }: { n: number; ui: Ui }) => {
          const xs = (window as { __lines?: [number, number, number][] }).__lines ?? [];
          const last = xs[xs.length - 1];
          return (
            last !== undefined &&
            last[1] >= n &&
            (ui === 'mlflow' || last[2] === 1) &&
            performance.now()
          );
        },
        { n: t.expectLines, ui: t.ui },
        t.ui === 'parallax' ? (t.fullTimeoutMs ?? FULL_TIMEOUT) : FIRST_TIMEOUT,
      )
        .then(() => true)
        .catch(() => false);
      if (!ok)
        s.errors.push(
          `${t.ui}: did not draw ${t.expectLines} lines${t.ui === 'parallax' ? ' at full fidelity' : ''} in time`,
        );
    }
    const settled = await settle(page, 0, 30_000);
    s.T_chart_settled = round(Math.max(settled ?? 0, loadEnd));
    loadEnd = s.T_chart_settled;
    // The load's line timeline ends here: the window is widened and zoomed next, and the lines
    // redrawn for those say nothing about the load.
    s.line_timeline = await readLines(page);
    linesRead = true;
    s.lines_settled = s.line_timeline[s.line_timeline.length - 1]?.[1] ?? 0;
    s.bytes_load = session.bytes().total;
    const lt = await longTasks(page, 0, loadEnd);
    s.longtasks_load = lt.count;
    s.longtask_max_ms = round(lt.max_ms);
    s.longtasks_over_50ms = lt.over_50ms;
    if (s.T_chart_first !== null) {
      const after = await longTasks(page, s.T_chart_first, loadEnd);
      s.longtasks_after_first_line = after.over_50ms;
      s.longtask_after_first_line_max_ms = round(after.max_ms);
    }
    if (chartMounted !== null) {
      const during = await longTasks(page, chartMounted, loadEnd, true);
      s.longtasks_series_load = during.over_50ms;
      s.longtask_series_load_max_ms = round(during.max_ms);
    }

    // Overview: what is drawn now.
    let overview: Map<string, Map<number, number>> = new Map();
    if (t.ui === 'parallax') {
      const got = await parallaxDrawnSeries(page, t.runs, t.key);
      if (!got) s.errors.push('parallax: window.__parallaxCharts test hook missing');
      else overview = got.drawn;
      s.points_drawn = await page.evaluate(() =>
        Array.from<El>(document.querySelectorAll('[data-testid="metric-chart"]')).reduce(
          (n: number, el: El) => n + Number(el.getAttribute('data-points-drawn') ?? 0),
          0,
        ),
      );
    } else {
      await page.waitForTimeout(200); // response bodies are parsed in Node asynchronously
      for (const r of bulk.filter((b) => b.start === null))
        for (const [id, pts] of r.points) overview.set(id, pts); // the latest response per run wins
      s.points_drawn = [...overview.values()].reduce((n, m) => n + m.size, 0);
    }
    s.runs_drawn = overview.size;
    s.runs_charted = [...overview.keys()];
    s.spikes_overview = retention(t.runs, overview, null, await plotGeometry(page, t.ui));

    // One drag-zoom over 45–55% of the plot area. At 1280 px MLflow's chart card is squeezed by its
    // Assistant panel (W3: 44 px wide, too narrow for a drag), so both UIs get a wider window first.
    await page.setViewportSize(ZOOM_VIEWPORT);
    await page.waitForTimeout(2000);
    const box = await page.evaluate((ui) => {
      const q =
        ui === 'mlflow'
          ? '.js-plotly-plot .nsewdrag'
          : '[data-testid="metric-chart"] .recharts-cartesian-grid, [data-testid="metric-chart"] svg.recharts-surface';
      const el = document.querySelector(q);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    }, t.ui);
    if (!box || box.w < 20) {
      s.errors.push(`${t.ui}: no plot area to drag on`);
      return s;
    }
    const bytesBefore = session.bytes().total;
    const net = networkWatch(page);
    net.start();
    const y = box.y + box.h / 2;
    await page.mouse.move(box.x + box.w * 0.45, y);
    const downAt = await page.evaluate(() => performance.now());
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.w * (0.45 + i * 0.01), y);
    await page.mouse.up();
    const upAt = await page.evaluate(() => (window as unknown as { __upAt: number }).__upAt);
    // Done = every request the zoom caused has finished, and the chart then stayed still for 1 s.
    const netIdle = await net.idle(30_000);
    const last = await settle(page, upAt, 30_000, netIdle);
    if (last === null) s.errors.push(`${t.ui}: the chart did not change after the zoom drag`);
    else s.T_zoom = round(last - upAt);
    const zlt = await longTasks(page, downAt, last ?? netIdle, true);
    s.longtasks_zoom_over_50ms = zlt.over_50ms;
    s.longtask_zoom_max_ms = round(zlt.max_ms);
    s.bytes_zoom = session.bytes().total - bytesBefore;
    if (t.ui === 'parallax') {
      const got = await parallaxDrawnSeries(page, t.runs, t.key);
      if (got) {
        s.zoom_window = got.window;
        s.spikes_zoom = retention(t.runs, got.drawn, got.window, await plotGeometry(page, t.ui));
      }
      s.points_drawn_zoom = await page.evaluate(() =>
        Array.from<El>(document.querySelectorAll('[data-testid="metric-chart"]')).reduce(
          (n: number, el: El) => n + Number(el.getAttribute('data-points-drawn') ?? 0),
          0,
        ),
      );
    } else {
      await page.waitForTimeout(200);
      const ranged = bulk.filter((b) => b.start !== null);
      const lastRange = ranged[ranged.length - 1];
      if (!lastRange) s.errors.push('mlflow: no ranged get-history-bulk-interval after the zoom');
      else {
        s.zoom_window = [lastRange.start ?? 0, lastRange.end ?? Infinity];
        const drawn = new Map<string, Map<number, number>>();
        for (const r of ranged.filter(
          (b) => b.start === lastRange.start && b.end === lastRange.end,
        ))
          for (const [id, pts] of r.points) drawn.set(id, pts);
        s.spikes_zoom = retention(t.runs, drawn, s.zoom_window, await plotGeometry(page, t.ui));
        s.points_drawn_zoom = [...drawn.values()].reduce((n, m) => n + m.size, 0);
      }
    }
    s.bytes_by_type = session.bytes().byType;
  } catch (e) {
    s.errors.push(`${t.ui}: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    // A load that ended early (no zoom) still has its line timeline up to now.
    if (!linesRead) s.line_timeline = await readLines(page).catch(() => []);
    await session.close();
  }
  return s;
}
