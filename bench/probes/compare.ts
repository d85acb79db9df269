// W4: the run-diff table (T_compare_table) and parallel coordinates (T_parcoords, and Parallax's
// brush frame times), for Parallax and MLflow's UI, through the same probe as the other suites.
import type { Browser, Page } from '@playwright/test';
import { longTasks, openSession, watchRunsSearch, whenTrue } from '../lib/browser.ts';
import type { Session } from '../lib/browser.ts';
import { brushPath, deltasBetween, frameFigures, type FrameFigures } from '../lib/compare.ts';
import { round } from '../lib/stats.ts';
import type { Ui } from './runs-table.ts';

// Page-side functions (page.evaluate / waitForFunction) run in the browser. The node project has no
// DOM lib, so the browser globals they use are declared here, module-local and loosely typed.
/* eslint-disable @typescript-eslint/no-explicit-any -- browser globals, see above */
type El = any;
declare const document: any;
declare const window: any;
declare const requestAnimationFrame: (cb: (t: number) => void) => number;
/* eslint-enable @typescript-eslint/no-explicit-any */

const TABLE_TIMEOUT = Number(process.env.BENCH_COMPARE_TIMEOUT_MS ?? 120_000);
const PARCOORDS_TIMEOUT = Number(process.env.BENCH_PARCOORDS_TIMEOUT_MS ?? 120_000);
/** How long Parallax's page may take to mount its parallel coordinates before they count as absent. */
const PRESENT_TIMEOUT = Math.min(60_000, PARCOORDS_TIMEOUT);
/** After the paint: the page is left this long before bytes and long tasks are read. */
const SETTLE_MS = 2000;
/** Pointer moves of the brush drag, one per animation frame. */
export const BRUSH_STEPS = 60;
/** Frames of the still page before the drag (the display interval and the rAF jitter floor). */
const IDLE_FRAMES = 120;
/**
 * The window of the parallel-coordinates loads, both UIs. At 1280 × 800 MLflow's chart view gives
 * its card about 54 px of width (its runs list and Assistant panel take the rest), so its plot would
 * hardly be drawn at all; this is the window the charts suite widens to for its drag.
 */
export const PARCOORDS_VIEWPORT = { width: 2200, height: 1000 };

/** What both loads report once the page has settled: bytes, long tasks and the runs it held. */
interface SettledLoad {
  runs_loaded: number | null;
  bytes: number | null;
  bytes_by_type: Record<string, number>;
  longtasks_load: number | null;
  longtasks_over_50ms: number | null;
  longtask_max_ms: number | null;
}

/** Leaves the page SETTLE_MS after its paint, then reads its bytes and long tasks so far. */
async function settledLoad(session: Session, runsLoaded: number): Promise<SettledLoad> {
  const { page } = session;
  await page.waitForTimeout(SETTLE_MS);
  const settled = await page.evaluate(() => performance.now());
  const { total, byType } = session.bytes();
  const lt = await longTasks(page, 0, settled);
  return {
    runs_loaded: runsLoaded,
    bytes: total,
    bytes_by_type: byType,
    longtasks_load: lt.count,
    longtasks_over_50ms: lt.over_50ms,
    longtask_max_ms: round(lt.max_ms),
  };
}

export interface CompareTableSample {
  T_compare_table: number | null;
  /** Run columns drawn at that frame (Parallax: its head cells; MLflow: its metric grid's first row). */
  columns_rendered: number | null;
  /** Parallax: aria-colcount − 1; MLflow: value cells in the params table's first row. */
  value_columns: number | null;
  /** The row the predicate read (Parallax: data-row; MLflow: the params table's first key). */
  row_checked: string | null;
  /**
   * Whether a row of the Metrics section shows a value in every drawn column. MLflow: part of the
   * predicate. Parallax: its Metrics section is below the fold at 100 runs (the differing params
   * come first), so it is checked after the timing by scrolling the grid down to it.
   */
  metrics_row_ok: boolean | null;
  runs_loaded: number | null;
  bytes: number | null;
  bytes_by_type: Record<string, number>;
  longtasks_load: number | null;
  longtasks_over_50ms: number | null;
  longtask_max_ms: number | null;
  errors: string[];
}

/**
 * "The diff table painted with every run's values" (runs in the page: performance.now() when true).
 * - Parallax: the grid `[role="table"][aria-label="Run differences"]` has aria-colcount = runs + 1,
 *   and the first drawn row of the Metrics section (when the Metrics section is below the fold: the
 *   first drawn row) has, for every drawn run column (`[role="columnheader"][data-run]`), a cell
 *   with its aria-colindex whose text is neither empty nor "—" (not logged).
 * - MLflow 3.17 (CompareRunView): the Parameters table (the first `table.mlflow-compare-run-table`
 *   without a head) has a first and a last row with `runs` `td.data-value` cells, none empty; and the
 *   Metrics grid (react-virtualized, found through its key column's "Plot chart" links) has, in its
 *   first row, a non-empty cell for every drawn column.
 */
export const tablePainted: Record<Ui, (runs: number) => number | false> = {
  parallax: (runs) => {
    const table = document.querySelector('[role="table"][aria-label="Run differences"]');
    if (!table || table.getAttribute('aria-colcount') !== String(runs + 1)) return false;
    const heads = Array.from<El>(table.querySelectorAll('[role="columnheader"][data-run]'));
    const rows = Array.from<El>(table.querySelectorAll('[role="row"][data-row]'));
    const row = rows.find((r) => r.getAttribute('data-row').startsWith('metrics:')) ?? rows[0];
    if (!row || heads.length === 0) return false;
    for (const h of heads) {
      const cell = row.querySelector(
        `[role="cell"][aria-colindex="${h.getAttribute('aria-colindex')}"]`,
      );
      const text = (cell?.textContent ?? '').trim();
      if (text === '' || text === '—') return false;
    }
    return performance.now();
  },
  mlflow: (runs) => {
    const params = Array.from<El>(document.querySelectorAll('table.mlflow-compare-run-table')).find(
      (t) => !t.querySelector('thead'),
    );
    if (!params) return false;
    const rows = Array.from<El>(params.querySelectorAll(':scope > tbody > tr'));
    const full = (tr: El) => {
      const tds = Array.from<El>(tr.querySelectorAll(':scope > td.data-value'));
      return tds.length === runs && tds.every((td) => (td.textContent ?? '').trim() !== '');
    };
    if (rows.length === 0 || !full(rows[0]) || !full(rows[rows.length - 1])) return false;
    const link = document.querySelector('a[title="Plot chart"]');
    const keys = link?.closest('.ReactVirtualized__Grid');
    const values =
      keys?.parentElement?.parentElement?.children[1]?.querySelector('.ReactVirtualized__Grid');
    if (!values) return false;
    const first = Array.from<El>(
      values.querySelectorAll('.ReactVirtualized__Grid__innerScrollContainer > div'),
    ).filter((c) => c.style.top === '0px');
    if (first.length === 0 || first.some((c) => (c.textContent ?? '').trim() === '')) return false;
    return performance.now();
  },
};

/** What the predicate saw in the frame it held (read right after it). */
async function tableShape(page: Page, ui: Ui) {
  return page.evaluate((ui) => {
    if (ui === 'parallax') {
      const table = document.querySelector('[role="table"][aria-label="Run differences"]');
      const rows = Array.from<El>(table?.querySelectorAll('[role="row"][data-row]') ?? []);
      const row = rows.find((r) => r.getAttribute('data-row').startsWith('metrics:')) ?? rows[0];
      return {
        columns: table?.querySelectorAll('[role="columnheader"][data-run]').length ?? null,
        values: table ? Number(table.getAttribute('aria-colcount')) - 1 : null,
        row: row?.getAttribute('data-row') ?? null,
      };
    }
    const params = Array.from<El>(document.querySelectorAll('table.mlflow-compare-run-table')).find(
      (t) => !t.querySelector('thead'),
    );
    const tr = params?.querySelector(':scope > tbody > tr');
    const link = document.querySelector('a[title="Plot chart"]');
    const values = link
      ?.closest('.ReactVirtualized__Grid')
      ?.parentElement?.parentElement?.children[1]?.querySelector('.ReactVirtualized__Grid');
    return {
      columns: values
        ? Array.from<El>(
            values.querySelectorAll('.ReactVirtualized__Grid__innerScrollContainer > div'),
          ).filter((c) => c.style.top === '0px').length
        : null,
      values: tr ? tr.querySelectorAll(':scope > td.data-value').length : null,
      row: tr?.querySelector('th')?.textContent?.trim() ?? null,
    };
  }, ui);
}

/**
 * Parallax: scrolls the grid down (one step per frame) until a Metrics row is drawn, checks it as
 * the predicate checks a row, and scrolls back. After the timing: a check, not a figure.
 */
async function parallaxMetricsRow(page: Page): Promise<boolean | string> {
  return page.evaluate(async () => {
    const table = document.querySelector('[role="table"][aria-label="Run differences"]');
    if (!table) return 'no table';
    const raf = () => new Promise<number>((r) => requestAnimationFrame(r));
    const start = table.scrollTop;
    let row: El = null;
    for (let i = 0; i < 200 && !row; i++) {
      row = table.querySelector('[role="row"][data-row^="metrics:"]');
      if (row) break;
      if (table.scrollTop + table.clientHeight >= table.scrollHeight - 1) break;
      table.scrollTop += 200;
      await raf();
      await raf();
    }
    if (!row) {
      table.scrollTop = start;
      return 'no Metrics row drawn';
    }
    const heads = Array.from<El>(table.querySelectorAll('[role="columnheader"][data-run]'));
    const bad = heads.filter((h) => {
      const cell = row.querySelector(
        `[role="cell"][aria-colindex="${h.getAttribute('aria-colindex')}"]`,
      );
      const text = (cell?.textContent ?? '').trim();
      return text === '' || text === '—';
    }).length;
    table.scrollTop = start;
    await raf();
    return bad === 0 && heads.length > 0 ? true : `${bad} of ${heads.length} Metrics cells empty`;
  });
}

export async function compareTableOnce(
  browser: Browser,
  t: { ui: Ui; url: string; runs: number },
): Promise<CompareTableSample> {
  const s: CompareTableSample = {
    T_compare_table: null,
    columns_rendered: null,
    value_columns: null,
    row_checked: null,
    metrics_row_ok: null,
    runs_loaded: null,
    bytes: null,
    bytes_by_type: {},
    longtasks_load: null,
    longtasks_over_50ms: null,
    longtask_max_ms: null,
    errors: [],
  };
  const session = await openSession(browser);
  const { page } = session;
  const { seen } = watchRunsSearch(page);
  try {
    await page.goto(t.url, { waitUntil: 'commit' });
    try {
      s.T_compare_table = round(await whenTrue(page, tablePainted[t.ui], t.runs, TABLE_TIMEOUT));
    } catch (e) {
      s.errors.push(`${t.ui}: diff table not painted: ${(e as Error).message.split('\n')[0]}`);
      return s;
    }
    const shape = await tableShape(page, t.ui);
    s.columns_rendered = shape.columns;
    s.value_columns = shape.values;
    s.row_checked = shape.row;
    Object.assign(s, await settledLoad(session, seen.size));
    if (t.ui === 'mlflow') s.metrics_row_ok = true;
    else {
      const ok = await parallaxMetricsRow(page);
      s.metrics_row_ok = ok === true;
      if (ok !== true) s.errors.push(`parallax: Metrics section check: ${ok}`);
    }
  } catch (e) {
    s.errors.push(`${t.ui}: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await session.close();
  }
  return s;
}

export interface ParcoordsSample {
  T_parcoords: number | null;
  /** Distinct runs in the page's runs/search answers: the runs the plot can draw. */
  runs_loaded: number | null;
  /** CSS size of the canvas the lines were found on. */
  plot_width: number | null;
  plot_height: number | null;
  bytes: number | null;
  bytes_by_type: Record<string, number>;
  longtasks_load: number | null;
  longtasks_over_50ms: number | null;
  longtask_max_ms: number | null;
  /** Parallax only: a brush dragged down its first axis (BRUSH_STEPS moves, one per frame). */
  brush: (FrameFigures & { longtasks_over_50ms: number; applied: boolean; axis: string }) | null;
  errors: string[];
}

/** The canvas holding each UI's lines: Parallax's ParallelCoordinates, MLflow's parcoord-es card. */
export const linesCanvas: Record<Ui, string> = {
  parallax: 'canvas.parcoords-canvas',
  mlflow: '#wrapper.parcoords canvas.foreground',
};

/**
 * "The plot's lines exist": the lines canvas (linesCanvas) has a non-transparent pixel in one of
 * three 1-px columns at 25, 50 and 75 % of its width (both UIs draw axes in SVG, so the canvas holds
 * only lines; each draws all its lines in one frame). The columns are copied to a scratch canvas
 * with drawImage, which reads any canvas without touching its context.
 */
export const linesDrawn = (sel: string): number | false => {
  const c = document.querySelector(sel);
  if (!c || c.width < 4 || c.height < 4) return false;
  const scratch = (window.__benchInk ??= document.createElement('canvas'));
  scratch.width = 3;
  scratch.height = c.height;
  const ctx = scratch.getContext('2d', { willReadFrequently: true });
  ctx.clearRect(0, 0, 3, c.height);
  [0.25, 0.5, 0.75].forEach((f, i) =>
    ctx.drawImage(c, Math.floor(c.width * f), 0, 1, c.height, i, 0, 1, c.height),
  );
  const px = ctx.getImageData(0, 0, 3, c.height).data;
  for (let i = 3; i < px.length; i += 4) if (px[i] > 0) return performance.now();
  return false;
};

/** Parallax's brush: BRUSH_STEPS pointer moves down the first axis, one per frame, timed by rAF. */
async function brushProbe(page: Page): Promise<NonNullable<ParcoordsSample['brush']> | string> {
  const area = page.locator('rect.parcoords-brush-area').first();
  if ((await area.count()) === 0) return 'no brush area (rect.parcoords-brush-area)';
  await area.scrollIntoViewIfNeeded();
  const box = await area.boundingBox();
  if (!box || box.height < 20) return 'the first axis has no room to brush';
  const axis = (await area.getAttribute('data-axis')) ?? '';
  // The page standing still: the display interval and the rAF jitter with no work to do.
  const idle = await page.evaluate(async (n) => {
    const raf = () => new Promise<number>((r) => requestAnimationFrame(r));
    const out: number[] = [];
    for (let i = 0, t0 = await raf(); i < n; i++) {
      const t = await raf();
      out.push(t - t0);
      t0 = t;
    }
    return out;
  }, IDLE_FRAMES);
  // Every frame's timestamp from here until stopped.
  await page.evaluate(() => {
    const rec = { frames: [] as number[], stop: false };
    window.__benchFrames = rec;
    const loop = (t: number) => {
      rec.frames.push(t);
      if (!rec.stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const path = brushPath({ x: box.x, y: box.y, w: box.width, h: box.height }, BRUSH_STEPS);
  const nextFrame = () => page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(r)));
  const [first, ...rest] = path;
  if (!first) return 'empty brush path';
  await page.mouse.move(first.x, first.y);
  const downAt = await page.evaluate(() => performance.now());
  await page.mouse.down();
  for (const p of rest) {
    await page.mouse.move(p.x, p.y);
    await nextFrame();
  }
  await page.mouse.up();
  await nextFrame();
  await nextFrame();
  const upAt = await page.evaluate(() => performance.now());
  const frames = await page.evaluate(() => {
    window.__benchFrames.stop = true;
    return window.__benchFrames.frames as number[];
  });
  await page.waitForTimeout(500);
  const lt = await longTasks(page, downAt, upAt, true);
  const label = (await area.getAttribute('aria-label')) ?? '';
  return {
    ...frameFigures(deltasBetween(frames, downAt, upAt), idle),
    longtasks_over_50ms: lt.over_50ms,
    applied: /brushed/.test(label),
    axis,
  };
}

export async function parcoordsOnce(
  browser: Browser,
  t: { ui: Ui; url: string; brush: boolean; storage?: { key: string; value: string } },
): Promise<ParcoordsSample> {
  const s: ParcoordsSample = {
    T_parcoords: null,
    runs_loaded: null,
    plot_width: null,
    plot_height: null,
    bytes: null,
    bytes_by_type: {},
    longtasks_load: null,
    longtasks_over_50ms: null,
    longtask_max_ms: null,
    brush: null,
    errors: [],
  };
  const session = await openSession(browser);
  const { page } = session;
  const { seen } = watchRunsSearch(page);
  const sel = linesCanvas[t.ui];
  try {
    if (t.storage) {
      // Before any page script, on the UI's own origin: the saved view the page reads as it starts.
      const origin = new URL(t.url).origin;
      await page.addInitScript(
        ({ origin, key, value }) => {
          if (window.location.origin === origin) window.localStorage.setItem(key, value);
        },
        { origin, ...t.storage },
      );
    }
    await page.setViewportSize(PARCOORDS_VIEWPORT);
    await page.goto(t.url, { waitUntil: 'commit' });
    if (t.ui === 'parallax') {
      // The plot may sit below the fold (under the diff table, or the Charts view's charts): scroll to it once it exists (as a
      // reader would), so a plot that draws only in view is not waited on forever.
      const present = await page
        .waitForSelector(sel, { state: 'attached', timeout: PRESENT_TIMEOUT })
        .then(() => true)
        .catch(() => false);
      if (!present) {
        s.errors.push(
          `parallax: no ${sel} on ${new URL(t.url).pathname} within ${PRESENT_TIMEOUT / 1000} s (no parallel coordinates on this page)`,
        );
        return s;
      }
      await page
        .evaluate((q) => document.querySelector(q)?.scrollIntoView({ block: 'center' }), sel)
        .catch(() => undefined);
    }
    try {
      s.T_parcoords = round(await whenTrue(page, linesDrawn, sel, PARCOORDS_TIMEOUT));
    } catch (e) {
      s.errors.push(
        `${t.ui}: no parallel-coordinates lines (${sel}): ${(e as Error).message.split('\n')[0]}`,
      );
      return s;
    }
    const size = await page.evaluate((q) => {
      const r = document.querySelector(q)?.getBoundingClientRect();
      return r ? { w: Math.round(r.width), h: Math.round(r.height) } : null;
    }, sel);
    s.plot_width = size?.w ?? null;
    s.plot_height = size?.h ?? null;
    Object.assign(s, await settledLoad(session, seen.size));
    if (t.brush) {
      const b = await brushProbe(page);
      if (typeof b === 'string') s.errors.push(`${t.ui}: brush: ${b}`);
      else {
        s.brush = b;
        if (!b.applied) s.errors.push(`${t.ui}: brush: the axis reports no brush after the drag`);
      }
    }
  } catch (e) {
    s.errors.push(`${t.ui}: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await session.close();
  }
  return s;
}
