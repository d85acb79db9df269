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

export interface Session {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Encoded (on-the-wire) bytes of every finished request so far, by CDP resource type. */
  bytes: () => { total: number; byType: Record<string, number> };
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
  const types = new Map<string, string>();
  const byType: Record<string, number> = {};
  let total = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    total += e.encodedDataLength;
    const t = types.get(e.requestId) ?? 'Other';
    byType[t] = (byType[t] ?? 0) + e.encodedDataLength;
  });
  return {
    context,
    page,
    cdp,
    bytes: () => ({ total, byType: { ...byType } }),
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
