// A chart's first visit, before Parallax holds the run's full history: the fault proxy slows
// MLflow's get-history (the full-history pages) and nothing else, so the sampled first paint
// (get-history-bulk-interval) has to arrive on its own. Each test logs a run of its own: the
// server caches histories, and a run another test opened would not be a first visit.
import { expect, test } from './support/fixtures';
import { drawn, runUrl } from './support/charts';
import { setFault } from './support/fault-proxy';
import { countRequests, faultControl, holdFaultProxyPerTest } from './support/fault-lease';
import { logSeries, rawHistory } from './support/logged-series';
import { ownRun } from './support/own-run';

holdFaultProxyPerTest();
test.use({ baseURL: process.env.E2E_PATIENT_PARALLAX_URL });

// get-history only: `\?` right after the name leaves get-history-bulk-interval untouched.
const HISTORY = '/metrics/get-history\\?';
// Each history page's body trickles in over this long, with no pause that looks like a stall.
const HOLD_MS = 25_000;

/** A decaying loss with a wiggle, so that every step holds a value of its own. */
const lossAt = (s: number) => 2 * Math.exp(-s / 30_000) + 0.1 + 0.05 * Math.sin(s / 7);

/** A run of its own with `steps` steps of loss, logged straight to MLflow. */
async function loggedRun(name: string, steps: number) {
  const run = await ownRun(name);
  await logSeries(
    run.runId,
    'loss',
    Array.from({ length: steps }, (_, s) => lossAt(s)),
  );
  return run;
}

// Logged before any test of this file takes the fault proxy (beforeAll runs ahead of the per-test
// lock): the other fault specs need not wait while 120,000 points are written.
let long: { experimentId: string; runId: string };
let short: { experimentId: string; runId: string };
test.beforeAll(async () => {
  test.setTimeout(180_000);
  [long, short] = await Promise.all([
    loggedRun('first-visit', 100_000),
    loggedRun('first-zoom', 20_000),
  ]);
});

test('a 100,000-step metric draws a line before its full history arrives', async ({ page }) => {
  test.setTimeout(150_000);
  const { experimentId, runId } = long;
  await setFault(faultControl(), { kind: 'slow', ms: HOLD_MS, path: HISTORY });
  await page.goto(runUrl(experimentId, runId));
  const chart = page.locator('[data-testid="metric-chart"][data-metric-key="loss"]');
  await chart.scrollIntoViewIfNeeded();
  // Well inside the hold: a first paint that waited for the history could not show up by then.
  await expect(chart).toHaveAttribute('data-source', 'sampled', { timeout: 15_000 });
  const first = await drawn(page, runId, 'loss');
  expect(first?.source).toBe('sampled');
  expect(first?.steps.length ?? 0).toBeGreaterThan(100);
  // The line spans the run, not just its start.
  expect(first?.steps.at(-1) ?? 0).toBeGreaterThan(90_000);
  // The full history was asked for, and is still held at the proxy.
  const historyReads = new RegExp(`/metrics/get-history\\?.*run_id=${runId}`);
  expect(await countRequests(historyReads, 'GET')).toBeGreaterThan(0);

  // Once MLflow hands the history over, the same chart refines to full fidelity.
  await setFault(faultControl(), { kind: 'pass' });
  await expect(chart).toHaveAttribute('data-source', 'full', { timeout: 90_000 });
  await expect(chart.getByText(/of 100,000 points · full fidelity/)).toBeVisible();
});

test('a zoom opened while the history loads shows the exact points of its window', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { experimentId, runId } = short;
  const raw = await rawHistory(runId, 'loss');
  expect(raw).toHaveLength(20_000);
  // 2,000 steps: within the 2,500 points MLflow returns unsampled from a windowed request.
  const [from, to] = [5_000, 6_999];
  await setFault(faultControl(), { kind: 'slow', ms: HOLD_MS, path: HISTORY });
  await page.goto(`${runUrl(experimentId, runId)}?zoom%3Aloss=${from}-${to}`);
  const chart = page.locator('[data-testid="metric-chart"][data-metric-key="loss"]');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute('data-exact', 'true', { timeout: 15_000 });
  await expect(chart.getByText(/· exact/)).toBeVisible();
  const series = await drawn(page, runId, 'loss');
  // Drawn from the windowed request: the held history has not arrived.
  expect(series?.source).toBe('sampled');
  const at = new Map(series?.steps.map((s, i) => [s, series.values[i]]));
  const window = raw.filter((p) => p.step >= from && p.step <= to);
  expect(window).toHaveLength(to - from + 1);
  const missing = window.filter((p) => !at.has(p.step)).map((p) => p.step);
  expect(missing, 'every logged step of the window is drawn').toEqual([]);
  for (const p of window) expect(at.get(p.step), `step ${p.step}`).toBe(p.value);
});
