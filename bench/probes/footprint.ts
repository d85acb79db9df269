// W1 footprint: the JS and CSS a UI sends before its runs table first paints, and its JS heap once
// the table has loaded what it will load and again after a minute of idling, for Parallax and
// MLflow's UI through the same probe.
import type { Browser, Page } from '@playwright/test';
import {
  heapAfterGc,
  openSession,
  watchRunsSearch,
  whenTrue,
  workerHeaps,
  workerUrls,
  type WorkerHeap,
} from '../lib/browser.ts';
import { assetKind, idleForMs, initialAssets, type InitialAssets } from '../lib/footprint.ts';
import { round } from '../lib/stats.ts';
import { firstRows, type Ui } from './runs-table.ts';

export interface FootprintSample {
  T_table_first: number | null;
  /** Initial JS + CSS: requests finished when the first rows were seen (CDP). */
  initial: InitialAssets | null;
  /** The same assets by the page's Resource Timing: transferSize, and body bytes encoded/decoded. */
  rt_transfer_bytes: number | null;
  rt_encoded_body_bytes: number | null;
  rt_decoded_body_bytes: number | null;
  /** Page time at which the network had been quiet for QUIET_MS after the first paint. */
  T_network_idle: number | null;
  requests_to_idle: number | null;
  bytes_to_idle: number | null;
  /** Distinct runs in the page's runs/search answers at the idle point. */
  loaded_runs: number | null;
  /**
   * JS heap after forced GC (CDP Runtime.getHeapUsage), at idle and IDLE_MS later: `heap_*` is
   * the page's main thread plus every worker of its context, `heap_main_*` the main thread alone.
   */
  heap_loaded_used: number | null;
  heap_loaded_total: number | null;
  heap_main_loaded_used: number | null;
  heap_idle_used: number | null;
  heap_idle_total: number | null;
  heap_main_idle_used: number | null;
  /** The workers' heaps in the figures above, at idle and IDLE_MS later. */
  workers_loaded: WorkerHeap[];
  workers_idle: WorkerHeap[];
  /** Requests the page sent while it idled (polling would show here). */
  requests_during_idle: number | null;
  errors: string[];
}

export interface FootprintTarget {
  ui: Ui;
  url: string;
}

const FIRST_TIMEOUT = 60_000;
/** "Loaded everything it will load": no request in flight, none sent or finished, for this long. */
export const QUIET_MS = 2_000;
/** How long the bench waits for that quiet (a UI that never stops fetching gets an error). */
const IDLE_TIMEOUT = 180_000;
/** The idle period after which the heap is measured again. */
export const IDLE_MS = Number(process.env.BENCH_FOOTPRINT_IDLE_MS ?? 60_000);

interface RtEntry {
  name: string;
  responseEnd: number;
  transferSize: number;
  encodedBodySize: number;
  decodedBodySize: number;
}

/** Resource Timing of JS and CSS that had arrived by page time `until` (a cross-check of CDP). */
async function resourceTiming(page: Page, until: number) {
  const all = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as unknown as RtEntry[]).map((e) => ({
      name: e.name,
      responseEnd: e.responseEnd,
      transferSize: e.transferSize,
      encodedBodySize: e.encodedBodySize,
      decodedBodySize: e.decodedBodySize,
    })),
  );
  const assets = all.filter((e) => e.responseEnd <= until && assetKind(e.name) !== null);
  const sum = (k: keyof Omit<RtEntry, 'name'>) => assets.reduce((n, e) => n + e[k], 0);
  return {
    rt_transfer_bytes: sum('transferSize'),
    rt_encoded_body_bytes: sum('encodedBodySize'),
    rt_decoded_body_bytes: sum('decodedBodySize'),
  };
}

export async function runFootprintOnce(
  browser: Browser,
  t: FootprintTarget,
): Promise<FootprintSample> {
  const s: FootprintSample = {
    T_table_first: null,
    initial: null,
    rt_transfer_bytes: null,
    rt_encoded_body_bytes: null,
    rt_decoded_body_bytes: null,
    T_network_idle: null,
    requests_to_idle: null,
    bytes_to_idle: null,
    loaded_runs: null,
    heap_loaded_used: null,
    heap_loaded_total: null,
    heap_main_loaded_used: null,
    heap_idle_used: null,
    heap_idle_total: null,
    heap_main_idle_used: null,
    workers_loaded: [],
    workers_idle: [],
    requests_during_idle: null,
    errors: [],
  };
  const session = await openSession(browser);
  const { page, cdp } = session;
  const { seen } = watchRunsSearch(page);
  try {
    await page.goto(t.url, { waitUntil: 'commit' });
    try {
      s.T_table_first = round(await whenTrue(page, firstRows[t.ui], null, FIRST_TIMEOUT));
      // Snapshot at once: what had arrived when the rows were seen is what the first paint needed.
      s.initial = initialAssets(session.requests());
    } catch (e) {
      s.errors.push(`${t.ui}: first rows not visible: ${(e as Error).message.split('\n')[0]}`);
      return s;
    }
    Object.assign(s, await resourceTiming(page, s.T_table_first));

    const deadline = Date.now() + IDLE_TIMEOUT;
    let elsewhere = new Set<string>();
    for (let n = 0; ; n++) {
      // A worker's script finishes in the worker's target: known workers' scripts count as loaded.
      if (n % 5 === 0) elsewhere = await workerUrls(browser, cdp);
      if (idleForMs(session.requests(), Date.now(), elsewhere) >= QUIET_MS) break;
      if (Date.now() > deadline) {
        s.errors.push(`${t.ui}: network never quiet for ${QUIET_MS} ms in ${IDLE_TIMEOUT / 1000}s`);
        return s;
      }
      await page.waitForTimeout(100);
    }
    const atIdle = session.requests();
    // The page time when the quiet began (not when the bench noticed it), and never before the
    // first paint: what the table loads is what it loads after showing its first rows.
    const quietFor = idleForMs(atIdle, Date.now(), elsewhere);
    const nowInPage = await page.evaluate(() => performance.now());
    s.T_network_idle = round(Math.max(s.T_table_first, nowInPage - quietFor));
    s.requests_to_idle = atIdle.length;
    s.bytes_to_idle = session.bytes().total;
    s.loaded_runs = seen.size;
    const heaps = async () => {
      const main = await heapAfterGc(cdp);
      const workers = await workerHeaps(browser, cdp);
      const sum = (k: 'used' | 'total') => workers.reduce((x, w) => x + w[k], main[k]);
      return { main, workers, used: sum('used'), total: sum('total') };
    };
    const loaded = await heaps();
    s.heap_loaded_used = loaded.used;
    s.heap_loaded_total = loaded.total;
    s.heap_main_loaded_used = loaded.main.used;
    s.workers_loaded = loaded.workers;

    await page.waitForTimeout(IDLE_MS);
    s.requests_during_idle = session.requests().length - atIdle.length;
    const idle = await heaps();
    s.heap_idle_used = idle.used;
    s.heap_idle_total = idle.total;
    s.heap_main_idle_used = idle.main.used;
    s.workers_idle = idle.workers;
    // Sanity: the table is still there (a crashed or blanked page would read as a small heap).
    const rows = await page.evaluate(firstRows[t.ui]);
    if (rows === false) s.errors.push(`${t.ui}: the table's rows were gone after idling`);
  } catch (e) {
    s.errors.push(`${t.ui}: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await session.close();
  }
  return s;
}
