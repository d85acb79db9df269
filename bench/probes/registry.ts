// W5: the model page (versions table), a version's page and Parallax's promotion view, through the
// same probe as the other suites: a new context per load, readiness polled on every animation frame.
import type { Browser } from '@playwright/test';
import { longTasks, openSession, whenTrue } from '../lib/browser.ts';
import { requestRounds, waterfall, type WaterfallEntry } from '../lib/registry.ts';
import { round } from '../lib/stats.ts';
import type { Ui } from './runs-table.ts';

// Page-side functions (page.evaluate / waitForFunction) run in the browser. The node project has no
// DOM lib, so the browser globals they use are declared here, module-local and loosely typed.
/* eslint-disable @typescript-eslint/no-explicit-any -- browser globals, see above */
type El = any;
declare const document: any;
declare const window: any;
/* eslint-enable @typescript-eslint/no-explicit-any */

const TIMEOUT = Number(process.env.BENCH_REGISTRY_TIMEOUT_MS ?? 60_000);
/** After the paint: the page is left this long before bytes and long tasks are read. */
const SETTLE_MS = 2000;

/** What a model page must show: `rows` version rows drawn, the first one the newest version. */
export interface ModelPageArg {
  rows: number;
  newest: string;
}
/** What a version page must show: its number, its source run's link and its `inputs` inputs. */
export interface VersionPageArg {
  version: string;
  runId: string;
  inputs: number;
}
/** What the promotion view must show: `metrics` rows of both runs' values, and a verdict. */
export interface PromotionArg {
  metrics: number;
}

/**
 * "The versions table painted": at least `rows` rows of the versions table are in the page, each
 * with its version's link, the first one linking the newest version (both UIs list newest first).
 * Returns performance.now() when it holds.
 * - Parallax: `table[aria-label="Model versions"] tbody tr` (a virtualized table: the rows in its
 *   scroller and the overscan are drawn).
 * - MLflow 3.17 (ModelVersionTable): `[data-testid="model-version-table"] [role="row"]` but the
 *   header row (`.table-isHeader`); it pages the versions it loaded.
 */
export const modelPagePainted: Record<Ui, (a: ModelPageArg) => number | false> = {
  parallax: (a) => {
    const rows = Array.from<El>(
      document.querySelectorAll('table[aria-label="Model versions"] tbody tr'),
    ).filter((r) => r.querySelector('a[href*="/versions/"]'));
    if (rows.length < a.rows) return false;
    const href = rows[0].querySelector('a[href*="/versions/"]').getAttribute('href') ?? '';
    return href.endsWith(`/versions/${a.newest}`) ? performance.now() : false;
  },
  mlflow: (a) => {
    const rows = Array.from<El>(
      document.querySelectorAll(
        '[data-testid="model-version-table"] [role="row"]:not(.table-isHeader)',
      ),
    ).filter((r) => r.querySelector('a[href*="/versions/"]'));
    if (rows.length < a.rows) return false;
    const href = rows[0].querySelector('a[href*="/versions/"]').getAttribute('href') ?? '';
    return href.endsWith(`/versions/${a.newest}`) ? performance.now() : false;
  },
};

/** The version rows each UI has drawn (read right after the predicate held). */
export const versionRowsDrawn: Record<Ui, string> = {
  parallax: 'table[aria-label="Model versions"] tbody tr a[href*="/versions/"]',
  mlflow:
    '[data-testid="model-version-table"] [role="row"]:not(.table-isHeader) a[href*="/versions/"]',
};

/**
 * "The version page painted with its details": the version's heading, its source run's link, and
 * its signature's inputs read from the MLmodel (the page's last request).
 * - Parallax: an `h1` holding `v<version>`, an `a[href*="<run id>"]`, and the table
 *   `[aria-label="Signature inputs"]` with `inputs` rows.
 * - MLflow 3.17 (ModelVersionView): an `h2` reading `Version <version>`, an `a[href*="/runs/<run
 *   id>"]` (its text is the run's name, read by runs/get), and the Schema table's row reading
 *   `Inputs (<inputs>)`.
 */
export const versionPagePainted: Record<Ui, (a: VersionPageArg) => number | false> = {
  parallax: (a) => {
    const h1 = Array.from<El>(document.querySelectorAll('h1')).some((h) =>
      (h.textContent ?? '').includes(`v${a.version}`),
    );
    if (!h1 || !document.querySelector(`a[href*="${a.runId}"]`)) return false;
    const inputs = document.querySelectorAll('table[aria-label="Signature inputs"] tbody tr');
    return inputs.length === a.inputs ? performance.now() : false;
  },
  mlflow: (a) => {
    const h2 = Array.from<El>(document.querySelectorAll('h2')).some(
      (h) => (h.textContent ?? '').trim() === `Version ${a.version}`,
    );
    if (!h2 || !document.querySelector(`a[href*="/runs/${a.runId}"]`)) return false;
    const rows = Array.from<El>(document.querySelectorAll('[role="table"] [role="row"]'));
    const want = `Inputs (${a.inputs})`;
    return rows.some((r) => (r.textContent ?? '').trim() === want) ? performance.now() : false;
  },
};

/**
 * "The promotion view painted" (Parallax only): the Metrics table (`table[aria-label="Metrics"]`)
 * has at least `metrics` rows, each with both runs' values (neither empty nor "—"), and the
 * signature compatibility section has its verdict from both MLmodels (`.signature-verdict`
 * `.is-breaking` or `.is-compatible`; `.is-unknown` means a signature was not read).
 */
export const promotionPainted = (a: PromotionArg): number | false => {
  const rows = Array.from<El>(document.querySelectorAll('table[aria-label="Metrics"] tbody tr'));
  if (rows.length < a.metrics) return false;
  for (const r of rows) {
    const cells = Array.from<El>(r.querySelectorAll('td')).slice(0, 2);
    if (cells.length < 2) return false;
    for (const c of cells) {
      const text = (c.textContent ?? '').trim();
      if (text === '' || text === '—') return false;
    }
  }
  const verdict = document.querySelector(
    '.signature-verdict.is-breaking, .signature-verdict.is-compatible',
  );
  return verdict ? performance.now() : false;
};

export interface RegistrySample {
  /** ms from navigation start to the first animation frame the page's predicate held. */
  T: number | null;
  /** Model page: version rows drawn at that frame. Promotion view: metric rows. */
  rows_drawn: number | null;
  /** Promotion view: the signature verdict shown ('breaking', 'compatible'). */
  verdict: string | null;
  /** Data requests (fetch/XHR) sent before the predicate held, and their rounds (requestRounds). */
  requests_to_ready: number | null;
  request_rounds_to_ready: number | null;
  bytes: number | null;
  bytes_by_type: Record<string, number>;
  /** Long tasks from navigation to SETTLE_MS after the predicate held. */
  longtasks_load: number | null;
  longtasks_over_50ms: number | null;
  longtask_max_ms: number | null;
  /** Long tasks over 50 ms before the predicate held (within longtasks_over_50ms). */
  longtasks_over_50ms_to_ready: number | null;
  /** Each long task over 50 ms: its start (ms from navigation) and duration, to place it in the load. */
  longtasks_over_50ms_list: { start: number; dur: number }[];
  /** The load's data requests on its clock (Node's, from the navigation). */
  waterfall: WaterfallEntry[];
  errors: string[];
}

export type Page = 'model_page' | 'version_page' | 'promotion_view';

/** One cold load of `url` in a new context, timed to `ready`, then left SETTLE_MS to settle. */
export async function registryLoadOnce<A>(
  browser: Browser,
  t: {
    ui: Ui;
    page: Page;
    url: string;
    ready: (a: A) => number | false;
    arg: A;
    /** Counts what the page drew at the ready frame (a selector), when given. */
    rowsSelector?: string;
  },
): Promise<RegistrySample> {
  const s: RegistrySample = {
    T: null,
    rows_drawn: null,
    verdict: null,
    requests_to_ready: null,
    request_rounds_to_ready: null,
    bytes: null,
    bytes_by_type: {},
    longtasks_load: null,
    longtasks_over_50ms: null,
    longtask_max_ms: null,
    longtasks_over_50ms_to_ready: null,
    longtasks_over_50ms_list: [],
    waterfall: [],
    errors: [],
  };
  const session = await openSession(browser);
  const { page } = session;
  try {
    const t0 = Date.now();
    await page.goto(t.url, { waitUntil: 'commit' });
    try {
      s.T = round(await whenTrue(page, t.ready, t.arg, TIMEOUT));
    } catch (e) {
      s.errors.push(`${t.ui}: ${t.page} not painted: ${(e as Error).message.split('\n')[0]}`);
      return s;
    }
    const readyAt = Date.now();
    const seen = await page.evaluate((sel) => {
      const verdict = document.querySelector('.signature-verdict');
      return {
        rows: sel ? document.querySelectorAll(sel).length : null,
        verdict: verdict
          ? (/is-(\w+)/.exec(verdict.getAttribute('class') ?? '')?.[1] ?? null)
          : null,
      };
    }, t.rowsSelector ?? null);
    s.rows_drawn = seen.rows;
    if (t.page === 'promotion_view') s.verdict = seen.verdict;
    await page.waitForTimeout(SETTLE_MS);
    const settled = await page.evaluate(() => performance.now());
    const { total, byType } = session.bytes();
    s.bytes = total;
    s.bytes_by_type = byType;
    const lt = await longTasks(page, 0, settled);
    s.longtasks_load = lt.count;
    s.longtasks_over_50ms = lt.over_50ms;
    s.longtask_max_ms = round(lt.max_ms);
    s.longtasks_over_50ms_to_ready = (await longTasks(page, 0, s.T)).over_50ms;
    s.longtasks_over_50ms_list = await page.evaluate((to) => {
      const all = (window as { __bench: { longtasks: { start: number; dur: number }[] } }).__bench
        .longtasks;
      return all
        .filter((t) => t.dur > 50 && t.start <= to)
        .map((t) => ({ start: Math.round(t.start), dur: Math.round(t.dur) }));
    }, settled);
    s.waterfall = waterfall(session.requests(), t0);
    const readyMs = readyAt - t0;
    s.requests_to_ready = s.waterfall.filter((w) => w.start_ms <= readyMs).length;
    s.request_rounds_to_ready = requestRounds(s.waterfall, readyMs);
  } catch (e) {
    s.errors.push(`${t.ui}: ${t.page}: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await session.close();
  }
  return s;
}
