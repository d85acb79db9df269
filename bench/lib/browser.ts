// One Chromium for the whole bench; a fresh context (cold cache, cache disabled) per iteration, with
// the same injected probe and the same CDP byte counting for both UIs.
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../e2e/support/chromium';

// Page-side functions (page.evaluate / waitForFunction) run in the browser. The node project has no
// DOM lib, so the browser globals they use are declared here, module-local and loosely typed.
/* eslint-disable @typescript-eslint/no-explicit-any -- browser globals, see above */
declare const window: any;
/* eslint-enable @typescript-eslint/no-explicit-any */

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  });
}

/** Installed before any page script in both UIs: long tasks since navigation start. */
const probeScript = `
  // tsx (esbuild keepNames) wraps named functions in __name(); the probes' page functions need it.
  window.__name = window.__name || ((f) => f);
  window.__bench = { longtasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__bench.longtaskError = String(e); }
`;

/** One request of the page target, as CDP's Network domain reported it. */
export interface RequestRecord {
  url: string;
  /** CDP resource type (Script, Stylesheet, Fetch, …); 'Other' when CDP named none. */
  type: string;
  /** The answer's Content-Encoding ('' for none: the body went over the wire as it is). */
  encoding: string;
  /** Node's clock (Date.now()) when the request was sent, and when it finished or failed. */
  sentAt: number;
  doneAt: number | null;
  /** Encoded (on-the-wire) bytes, as CDP's loadingFinished counts them; 0 until finished. */
  encodedBytes: number;
  failed: boolean;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Encoded (on-the-wire) bytes of every finished request so far, by CDP resource type. */
  bytes: () => { total: number; byType: Record<string, number> };
  /** Every request so far, in the order they were sent (copies). */
  requests: () => RequestRecord[];
  close: () => Promise<void>;
}

export async function openSession(browser: Browser): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  await context.addInitScript(probeScript);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const records = new Map<string, RequestRecord>();
  const record = (id: string): RequestRecord => {
    let r = records.get(id);
    if (!r) {
      r = {
        url: '',
        type: 'Other',
        encoding: '',
        sentAt: Date.now(),
        doneAt: null,
        encodedBytes: 0,
        failed: false,
      };
      records.set(id, r);
    }
    return r;
  };
  // A redirect reuses its request id: the record keeps the first send and the final answer.
  cdp.on('Network.requestWillBeSent', (e) => {
    const r = record(e.requestId);
    r.url = e.request.url;
    if (e.type) r.type = e.type;
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = record(e.requestId);
    r.url = e.response.url;
    r.type = e.type;
    const enc = Object.entries(e.response.headers).find(
      ([k]) => k.toLowerCase() === 'content-encoding',
    );
    r.encoding = enc?.[1].trim().toLowerCase() ?? '';
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = record(e.requestId);
    r.encodedBytes = e.encodedDataLength;
    r.doneAt = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = record(e.requestId);
    r.failed = true;
    r.doneAt = Date.now();
  });
  const bytes = () => {
    const byType: Record<string, number> = {};
    let total = 0;
    for (const r of records.values()) {
      if (r.doneAt === null || r.failed) continue;
      total += r.encodedBytes;
      byType[r.type] = (byType[r.type] ?? 0) + r.encodedBytes;
    }
    return { total, byType };
  };
  return {
    context,
    page,
    cdp,
    bytes,
    requests: () => [...records.values()].map((r) => ({ ...r })),
    close: () => context.close(),
  };
}

export interface LongTasks {
  count: number;
  max_ms: number;
  over_50ms: number;
}

/**
 * Long tasks observed in the page between two performance.now() marks: those starting in the
 * range, or with `overlapping`, also one already running at `from`.
 */
export async function longTasks(
  page: Page,
  from = 0,
  to = Infinity,
  overlapping = false,
): Promise<LongTasks> {
  const all = await page.evaluate(
    () =>
      (window as unknown as { __bench: { longtasks: { start: number; dur: number }[] } }).__bench
        .longtasks,
  );
  const inRange = all.filter(
    (t) => (overlapping ? t.start + t.dur : t.start) >= from && t.start <= to,
  );
  return {
    count: inRange.length,
    max_ms: inRange.reduce((m, t) => Math.max(m, t.dur), 0),
    over_50ms: inRange.filter((t) => t.dur > 50).length,
  };
}

/**
 * performance.now() in the page at the first animation frame where the predicate holds: `fn` must
 * return `performance.now()` when it holds and `false` otherwise (it runs in the page).
 */
export async function whenTrue<A>(
  page: Page,
  fn: (arg: A) => number | false,
  arg: A,
  timeoutMs: number,
): Promise<number> {
  const handle = await page.waitForFunction(fn as () => unknown, arg, {
    polling: 'raf',
    timeout: timeoutMs,
  });
  return (await handle.jsonValue()) as number;
}

/** What a page has loaded from MLflow's runs/search so far (its answers observed, never altered). */
export interface RunsSearchWatch {
  /** Distinct run ids in the answers. */
  seen: Set<string>;
  /** Whether the last answer had a next_page_token (true until the first answer). */
  more: { token: boolean };
}

/** Watches the page's POST runs/search answers: both UIs page through it, directly or proxied. */
export function watchRunsSearch(page: Page): RunsSearchWatch {
  const w: RunsSearchWatch = { seen: new Set(), more: { token: true } };
  page.on('response', (r) => {
    if (r.url().includes('/runs/search') && r.request().method() === 'POST')
      r.json()
        .then((j: { runs?: { info: { run_id: string } }[]; next_page_token?: string }) => {
          for (const run of j.runs ?? []) w.seen.add(run.info.run_id);
          w.more.token = Boolean(j.next_page_token);
        })
        .catch(() => undefined);
  });
  return w;
}

/** The page's main-thread JS heap after forced garbage collection (CDP), in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<{ used: number; total: number }> {
  // Twice: objects kept alive only by finalizers or weak callbacks of the first pass go in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  return { used: h.usedSize, total: h.totalSize };
}

export interface WorkerHeap {
  /** CDP target type: 'worker' (dedicated), 'shared_worker' or 'service_worker'. */
  type: string;
  url: string;
  used: number;
  total: number;
}

/** The workers (dedicated, shared, service) of the page's browser context, as CDP targets. */
async function contextWorkers(bs: CDPSession, page: CDPSession) {
  const { targetInfo } = await page.send('Target.getTargetInfo');
  const { targetInfos } = await bs.send('Target.getTargets');
  return targetInfos.filter(
    (t) => t.browserContextId === targetInfo.browserContextId && t.type.endsWith('worker'),
  );
}

/** The script URLs of the workers running in the page's browser context. */
export async function workerUrls(browser: Browser, page: CDPSession): Promise<Set<string>> {
  const bs = await browser.newBrowserCDPSession();
  try {
    return new Set((await contextWorkers(bs, page)).map((t) => t.url));
  } finally {
    await bs.detach();
  }
}

/**
 * The JS heaps of every worker in the page's browser context (dedicated, shared and service
 * workers: each is a JS heap the UI started), after forced GC, read through a browser-level CDP
 * session. A shared worker is no child of the page, so the page's own session cannot reach it.
 */
export async function workerHeaps(browser: Browser, page: CDPSession): Promise<WorkerHeap[]> {
  const bs = await browser.newBrowserCDPSession();
  try {
    const workers = await contextWorkers(bs, page);
    // Non-flat sessions: Playwright's CDPSession sends to one session only, so commands for the
    // worker go as messages through the browser session (Target.sendMessageToTarget).
    let nextId = 1;
    const waiting = new Map<number, (m: { result?: unknown; error?: unknown }) => void>();
    bs.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      if (m.id !== undefined) waiting.get(m.id)?.(m);
    });
    const call = async (sessionId: string, method: string): Promise<unknown> => {
      const id = nextId++;
      const answer = new Promise<{ result?: unknown; error?: unknown }>((r) => waiting.set(id, r));
      await bs.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method }),
      });
      const m = await answer;
      if (m.error) throw new Error(`${method}: ${JSON.stringify(m.error)}`);
      return m.result;
    };
    const out: WorkerHeap[] = [];
    for (const t of workers) {
      const { sessionId } = await bs.send('Target.attachToTarget', {
        targetId: t.targetId,
        flatten: false,
      });
      await call(sessionId, 'HeapProfiler.collectGarbage');
      await call(sessionId, 'HeapProfiler.collectGarbage');
      const h = (await call(sessionId, 'Runtime.getHeapUsage')) as {
        usedSize: number;
        totalSize: number;
      };
      out.push({ type: t.type, url: t.url, used: h.usedSize, total: h.totalSize });
      await bs.send('Target.detachFromTarget', { sessionId });
    }
    return out;
  } finally {
    await bs.detach();
  }
}
