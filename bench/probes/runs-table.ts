// W1 runs table: T_table_first, T_table_all, scroll smoothness and bytes, for Parallax and MLflow's UI.
import type { Browser, Page } from '@playwright/test';
import { longTasks, openSession, watchRunsSearch, whenTrue } from '../lib/browser.ts';
import { median, quantile, round, snapToVsync } from '../lib/stats.ts';

// Page-side functions (page.evaluate / waitForFunction) run in the browser. The node project has no
// DOM lib, so the browser globals they use are declared here, module-local and loosely typed.
/* eslint-disable @typescript-eslint/no-explicit-any -- browser globals, see above */
type El = any;
declare const document: any;
declare const requestAnimationFrame: (cb: (t: number) => void) => number;
declare const getComputedStyle: (el: any) => { overflowY: string };
/* eslint-enable @typescript-eslint/no-explicit-any */

export type Ui = 'parallax' | 'mlflow';

export interface TableSample {
  T_table_first: number | null;
  T_table_all: number | null;
  /** When a UI had not loaded every run by the cap: the page time then, a lower bound of T_table_all. */
  T_table_all_min: number | null;
  loaded_runs: number | null;
  load_more_clicks: number | null;
  /** p95 of the raw rAF deltas while scrolling. */
  scroll_p95_ms: number | null;
  /** p95 with each delta snapped to whole display intervals (`snapToVsync`). */
  scroll_p95_vsync_ms: number | null;
  /** The same page standing still: median rAF delta (the display interval) and raw p95. */
  idle_interval_ms: number | null;
  idle_p95_ms: number | null;
  scroll_frames: number | null;
  /** How far down the scroll got (1 = bottom) before the 10 s cap. */
  scroll_reached: number | null;
  scroll_dropped_frames: number | null;
  scroll_longtasks: number | null;
  bytes_first: number | null;
  bytes_all: number | null;
  bytes_by_type: Record<string, number>;
  longtasks_load: number | null;
  longtask_max_ms: number | null;
  errors: string[];
}

export interface TableTarget {
  ui: Ui;
  url: string;
  expectedRuns: number;
  /** Also load every run and scroll (false: stop at the first rows). */
  full: boolean;
}

const FIRST_TIMEOUT = 60_000;
const ALL_TIMEOUT = Number(process.env.BENCH_TABLE_ALL_TIMEOUT_MS ?? 300_000);

// Readiness predicates, checked against Parallax's contract and MLflow 3.17's DOM: the first table
// paint is ≥ 10 rows (they run in the page: performance.now() when true).
export const firstRows: Record<Ui, () => number | false> = {
  parallax: () =>
    document.querySelectorAll('[data-testid="runs-table"] tr[data-run-id]').length >= 10 &&
    performance.now(),
  mlflow: () =>
    document.querySelectorAll('.ag-center-cols-container .ag-row').length >= 10 &&
    performance.now(),
};

const scrollSelector: Record<Ui, string> = {
  parallax: '[data-testid="runs-table"] .runs-scroll',
  mlflow: '.ag-body-viewport',
};

/**
 * Scrolls the grid top → bottom in fixed increments, one per animation frame, and records frame
 * times. The increment is the same rule for both UIs: max(200 px, 1/600 of the scroll height).
 */
async function scrollProbe(page: Page, selector: string) {
  return page.evaluate(async (sel) => {
    const find = (): El | null => {
      const el = document.querySelector(sel);
      if (el && el.scrollHeight > el.clientHeight + 10) return el;
      // Fallback: the largest scrollable element on the page.
      let best: El | null = null;
      for (const e of Array.from<El>(document.querySelectorAll('*'))) {
        const oy = getComputedStyle(e).overflowY;
        if ((oy === 'auto' || oy === 'scroll') && e.scrollHeight > e.clientHeight + 10)
          if (!best || e.scrollHeight > best.scrollHeight) best = e;
      }
      return best;
    };
    const el = find();
    if (!el) return { error: `no scrollable grid (${sel})` };
    const raf = () => new Promise<number>((r) => requestAnimationFrame(r));
    el.scrollTop = 0;
    await raf();
    await raf();
    // The same page standing still: the display interval, and the rAF jitter with no work to do.
    const idle: number[] = [];
    for (let i = 0, t0 = await raf(); i < 120; i++) {
      const t = await raf();
      idle.push(t - t0);
      t0 = t;
    }
    const step = Math.max(200, (el.scrollHeight - el.clientHeight) / 600);
    const deltas: number[] = [];
    let last = await raf();
    const start = last;
    // At most 10 s of scrolling: on a loaded machine frames are slow and the bottom may be far.
    for (let i = 0; i < 1200 && last - start < 10_000; i++) {
      el.scrollTop = el.scrollTop + step;
      const t = await raf();
      deltas.push(t - last);
      last = t;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) break;
    }
    const reached = (el.scrollTop + el.clientHeight) / el.scrollHeight;
    return { deltas, idle, start, end: last, height: el.scrollHeight, step, reached };
  }, selector);
}

async function loadAllMlflow(
  page: Page,
  s: TableSample,
  expected: number,
  seen: Set<string>,
  more: { token: boolean },
): Promise<void> {
  let clicks = 0;
  const deadline = Date.now() + ALL_TIMEOUT;
  const button = page.getByRole('button', { name: 'Load more', exact: true });
  // The button sits in AG Grid's last (virtualised) row: scroll to the bottom, then report the
  // button's state and the page time at which it was seen.
  const look = () =>
    page.evaluate(() => {
      const v = document.querySelector('.ag-body-viewport');
      if (v) v.scrollTop = v.scrollHeight;
      const b = Array.from<El>(document.querySelectorAll('button')).find(
        (x) => x.textContent?.trim() === 'Load more',
      );
      return { state: !b ? 'gone' : b.disabled ? 'busy' : 'ready', now: performance.now() };
    });
  let goneAt: number | null = null;
  for (;;) {
    if (Date.now() > deadline) {
      s.errors.push(`mlflow: still loading after ${ALL_TIMEOUT / 1000}s (${clicks} clicks)`);
      s.T_table_all_min = round(await page.evaluate(() => performance.now()));
      break;
    }
    const seen = await look();
    if (seen.state === 'gone') {
      // Gone for good only once MLflow's last page had no next_page_token and the button stays gone
      // while the grid settles (under load it can vanish for a moment while rows re-render).
      goneAt ??= seen.now;
      if (more.token) {
        goneAt = null;
        await page.waitForTimeout(50);
        continue;
      }
      const back = await page
        .waitForFunction(
          () =>
            Array.from<El>(document.querySelectorAll('button')).some(
              (x) => x.textContent?.trim() === 'Load more',
            ),
          undefined,
          { polling: 'raf', timeout: 1500 },
        )
        .then(() => true)
        .catch(() => false);
      if (!back) break;
      goneAt = null;
      continue;
    }
    goneAt = null;
    if (seen.state === 'busy') {
      await page.waitForTimeout(10);
      continue;
    }
    const resp = page
      .waitForResponse((r) => r.url().includes('/runs/search') && r.request().method() === 'POST', {
        timeout: 60_000,
      })
      .catch(() => null);
    try {
      // Under load AG Grid keeps re-rendering the button's row, so Playwright's "stable" check can
      // time out: fall back to a DOM click on the same button (still MLflow's own handler).
      await button.click({ timeout: 5_000 }).catch(() => button.dispatchEvent('click'));
    } catch (e) {
      // Re-rendered under the pointer, or briefly covered: look again rather than give up.
      s.errors.push(`mlflow: a Load more click failed: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    clicks++;
    await resp;
    // Wait until the grid has taken the page in (the button is enabled again or gone).
    await page
      .waitForFunction(
        () => {
          const b = Array.from<El>(document.querySelectorAll('button')).find(
            (x) => x.textContent?.trim() === 'Load more',
          );
          return !b || !b.disabled;
        },
        undefined,
        { polling: 'raf', timeout: 60_000 },
      )
      .catch(() => undefined);
  }
  s.load_more_clicks = clicks;
  s.T_table_all = goneAt === null ? null : round(goneAt);
  await page.waitForTimeout(200); // the last response body may still be parsing in Node
  s.loaded_runs = seen.size;
  if (seen.size < expected) {
    s.errors.push(`mlflow: ${seen.size} of ${expected} runs loaded`);
    s.T_table_all = null;
  }
}

export async function runTableOnce(browser: Browser, t: TableTarget): Promise<TableSample> {
  const s: TableSample = {
    T_table_first: null,
    T_table_all: null,
    T_table_all_min: null,
    loaded_runs: null,
    load_more_clicks: null,
    scroll_p95_ms: null,
    scroll_p95_vsync_ms: null,
    idle_interval_ms: null,
    idle_p95_ms: null,
    scroll_frames: null,
    scroll_reached: null,
    scroll_dropped_frames: null,
    scroll_longtasks: null,
    bytes_first: null,
    bytes_all: null,
    bytes_by_type: {},
    longtasks_load: null,
    longtask_max_ms: null,
    errors: [],
  };
  const session = await openSession(browser);
  const { page } = session;
  // Distinct run ids in MLflow's search responses: how many are loaded.
  const { seen, more } = watchRunsSearch(page);
  try {
    await page.goto(t.url, { waitUntil: 'commit' });
    try {
      s.T_table_first = round(await whenTrue(page, firstRows[t.ui], null, FIRST_TIMEOUT));
      s.bytes_first = session.bytes().total;
    } catch (e) {
      s.errors.push(`${t.ui}: first rows not visible: ${(e as Error).message.split('\n')[0]}`);
      return s;
    }
    if (!t.full) return s;
    if (t.ui === 'parallax') {
      try {
        s.T_table_all = round(
          await whenTrue(
            page,
            (n: number) => {
              const root = document.querySelector('[data-testid="runs-table"]');
              return (
                root?.getAttribute('data-complete') === 'true' &&
                Number(root.getAttribute('data-loaded-count')) >= n &&
                performance.now()
              );
            },
            t.expectedRuns,
            ALL_TIMEOUT,
          ),
        );
      } catch (e) {
        s.errors.push(`parallax: data-complete never true: ${(e as Error).message.split('\n')[0]}`);
      }
      s.loaded_runs = await page.evaluate(() =>
        Number(
          document.querySelector('[data-testid="runs-table"]')?.getAttribute('data-loaded-count') ??
            NaN,
        ),
      );
      s.load_more_clicks = 0;
    } else {
      await loadAllMlflow(page, s, t.expectedRuns, seen, more);
    }
    await page.waitForTimeout(300); // let the last page settle before measuring scroll
    s.bytes_all = session.bytes().total;
    s.bytes_by_type = session.bytes().byType;
    const lt = await longTasks(page, 0, s.T_table_all ?? Infinity);
    s.longtasks_load = lt.count;
    s.longtask_max_ms = round(lt.max_ms);
    const sc = await scrollProbe(page, scrollSelector[t.ui]);
    if ('error' in sc) s.errors.push(`${t.ui}: ${sc.error}`);
    else if (sc.deltas) {
      s.scroll_frames = sc.deltas.length;
      s.scroll_reached = round(sc.reached, 3);
      s.scroll_p95_ms = round(quantile(sc.deltas, 0.95) ?? NaN);
      const interval = median(sc.idle) ?? 1000 / 60;
      s.idle_interval_ms = round(interval, 2);
      s.idle_p95_ms = round(quantile(sc.idle, 0.95) ?? NaN);
      s.scroll_p95_vsync_ms = round(quantile(snapToVsync(sc.deltas, interval), 0.95) ?? NaN);
      s.scroll_dropped_frames = sc.deltas.filter((d) => d > 33.4).length;
      s.scroll_longtasks = (await longTasks(page, sc.start, sc.end)).count;
    }
  } catch (e) {
    s.errors.push(`${t.ui}: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await session.close();
  }
  return s;
}
