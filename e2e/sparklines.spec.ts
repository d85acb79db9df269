// The run page's metric sparklines against the real server: every spike and dip reaches its y (the
// path's vertices are compared with the raw values MLflow holds, placed by the path's own extent),
// only the sparklines in view fetch, a failed read says so, and the chart opened after a sparkline
// costs MLflow no second read of the history.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { charts, runUrl } from './support/charts';
import { setFault } from './support/fault-proxy';
import { countRequests, faultControl, holdFaultProxyPerTest } from './support/fault-lease';
import { logSeries, mlflowPost, rawHistory } from './support/logged-series';
import { ownRun } from './support/own-run';

interface Vertex {
  x: number;
  y: number;
}

/** The vertices of an SVG path made of M and L commands (what the sparkline draws). */
function vertices(d: string): Vertex[] {
  return [...d.matchAll(/[ML](-?[\d.e+]+),(-?[\d.e+]+)/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }));
}

/** The drawn sparkline of `key` once its series is in, and its vertices. */
async function drawnSparkline(page: Page, key: string): Promise<{ line: Locator; v: Vertex[] }> {
  const line = page.getByRole('img', { name: `${key} history`, exact: true });
  await line.scrollIntoViewIfNeeded({ timeout: 20_000 });
  await expect(line).toBeVisible({ timeout: 20_000 });
  const d = (await line.locator('path').getAttribute('d')) ?? '';
  const v = vertices(d);
  expect(v.length, 'the path has vertices').toBeGreaterThan(1);
  return { line, v };
}

/**
 * Where a raw point lands in the path's own coordinates: the series' first and last steps span
 * the path's x extent and its finite min and max span its y extent (y down). Taken from the raw
 * values and the path's extent only, not from the app's scales.
 */
function placer(v: readonly Vertex[], raw: readonly { step: number; value: number }[]) {
  const finite = raw.filter((p) => Number.isFinite(p.value));
  const s0 = raw[0]?.step ?? 0;
  const s1 = raw.at(-1)?.step ?? 1;
  const lo = Math.min(...finite.map((p) => p.value));
  const hi = Math.max(...finite.map((p) => p.value));
  const xs = v.map((p) => p.x);
  const ys = v.map((p) => p.y);
  const [left, right, top, bottom] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  return {
    x: (step: number) => left + ((step - s0) / (s1 - s0)) * (right - left),
    y: (value: number) => top + ((hi - value) / (hi - lo)) * (bottom - top),
    top,
    bottom,
  };
}

/** Path coordinates are written to 0.1 px; this much more is rounding, not a missed point. */
const ROUNDING = 0.15;
/** One M4 column is one pixel: the vertex holding a column's max lies within a pixel of its step. */
const COLUMN = 1;

test('the seeded spiky loss: every spike reaches its y in the sparkline', async ({ page }) => {
  const m = charts();
  const raw = await rawHistory(m.spiky_run_id, 'loss');
  expect(raw.length).toBe(m.loss_steps);
  await page.goto(runUrl(m.id, m.spiky_run_id));
  const { v } = await drawnSparkline(page, 'loss');
  const at = placer(v, raw);
  m.spike_steps.forEach((step, i) => {
    const x = at.x(step);
    const y = at.y(m.spike_values[i] as number);
    // The highest vertex in the spike's pixel column is at least as high as the spike (y down).
    const highest = Math.min(...v.filter((p) => Math.abs(p.x - x) <= COLUMN).map((p) => p.y));
    expect(highest, `spike at step ${step} reaches y ${y.toFixed(1)}`).toBeLessThanOrEqual(
      y + ROUNDING,
    );
  });
  // Far fewer points than logged (M4 at the sparkline's width), far more than MLflow's 100.
  expect(v.length).toBeGreaterThan(100);
  expect(v.length).toBeLessThan(m.loss_steps / 10);
});

// The case at a size the suite can log quickly: a smooth loss with 7 spikes of +1000 and 3
// dips of −1000 at steps no evenly spaced sample is likely to hit.
const STEPS = 30_000;
const SPIKES = [2_111, 5_003, 9_407, 13_001, 17_333, 21_019, 26_501];
const DIPS = [7_777, 15_551, 24_443];
const base = (s: number) => 2 * Math.exp(-s / 8_000) + 0.1 + 0.01 * Math.sin(s / 37);
const spiky = Array.from({ length: STEPS }, (_, s) =>
  SPIKES.includes(s) ? base(s) + 1_000 : DIPS.includes(s) ? base(s) - 1_000 : base(s),
);

/** The x of each run of vertices (a cluster at least 2 px from the next) that `pick` keeps. */
function clusters(v: readonly Vertex[], pick: (p: Vertex) => boolean): number[] {
  const xs = v
    .filter(pick)
    .map((p) => p.x)
    .sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || x - (out.at(-1) as number) > 2) out.push(x);
  return out;
}

test('7 spikes of +1000 and 3 dips of −1000: each reaches the top or the bottom', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { experimentId, runId } = await ownRun('sparkline-spikes');
  await logSeries(runId, 'loss', spiky);
  await page.goto(runUrl(experimentId, runId));
  const { v } = await drawnSparkline(page, 'loss');
  const raw = spiky.map((value, step) => ({ step, value }));
  const at = placer(v, raw);
  // The max is the first spike (+1000 on the highest base) and the min the last dip: the path's
  // top and bottom. Every other spike is within 2/2000 of the range of the top, so within rounding.
  const top = clusters(v, (p) => p.y <= at.top + ROUNDING);
  const bottom = clusters(v, (p) => p.y >= at.bottom - ROUNDING);
  expect(top).toHaveLength(SPIKES.length);
  expect(bottom).toHaveLength(DIPS.length);
  SPIKES.forEach((step, i) => {
    expect(Math.abs((top[i] as number) - at.x(step)), `spike at ${step}`).toBeLessThanOrEqual(
      COLUMN,
    );
  });
  DIPS.forEach((step, i) => {
    expect(Math.abs((bottom[i] as number) - at.x(step)), `dip at ${step}`).toBeLessThanOrEqual(
      COLUMN,
    );
  });
});

test('only the sparklines in view fetch; the others load as they scroll in', async ({ page }) => {
  const { experimentId, runId } = await ownRun('sparkline-lazy');
  const keys = Array.from({ length: 60 }, (_, i) => `m${String(i).padStart(2, '0')}`);
  await mlflowPost('runs/log-batch', {
    run_id: runId,
    metrics: keys.flatMap((key, k) =>
      Array.from({ length: 10 }, (_, step) => ({ key, value: k + step, step, timestamp: 1 })),
    ),
  });
  const asked = new Set<string>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/parallax/api/metric-series')
      asked.add(url.searchParams.get('key') ?? '');
  });
  await page.goto(runUrl(experimentId, runId));
  const table = page.getByRole('table', { name: 'Metrics' });
  await table.scrollIntoViewIfNeeded();
  await expect(page.getByRole('img', { name: 'm00 history', exact: true })).toBeVisible();
  // The table renders rows beyond its scroller's edge too (overscan): those are in the DOM but
  // clipped by the scroller, so never seen, and must not fetch. A row inside the scroller's box and
  // the window must fetch; one inside the box but below the window may (it is near the viewport).
  const rows = await table.evaluate((el) => {
    type Box = { top: number; bottom: number };
    const box = (el.parentElement as { getBoundingClientRect(): Box }).getBoundingClientRect();
    const height = (globalThis as unknown as { innerHeight: number }).innerHeight;
    return [...el.querySelectorAll('tbody tr:not([aria-hidden])')].map((tr) => {
      const r = (tr as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect();
      // In view by its middle: a row cut at the edge may hide its sparkline.
      const middle = (r.top + r.bottom) / 2;
      return {
        key: tr.querySelector('td')?.textContent ?? '',
        inBox: r.bottom > box.top && r.top < box.bottom,
        inView: middle > box.top && middle < box.bottom && middle > 0 && middle < height,
      };
    });
  });
  const inView = rows.filter((r) => r.inView).map((r) => r.key);
  const clipped = rows.filter((r) => !r.inBox).map((r) => r.key);
  expect(inView.length, 'rows in view').toBeGreaterThan(0);
  expect(clipped.length, 'rows out of sight are in the DOM').toBeGreaterThan(0);
  await expect.poll(() => inView.filter((k) => !asked.has(k))).toEqual([]);
  expect(clipped.filter((k) => asked.has(k))).toEqual([]);

  const last = keys.at(-1) as string;
  expect(asked.has(last)).toBe(false);
  await table.evaluate((el) => {
    const scroller = el.parentElement as { scrollTop: number; scrollHeight: number };
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(page.getByRole('img', { name: `${last} history`, exact: true })).toBeVisible();
  expect(asked.has(last)).toBe(true);
});

test.describe('against MLflow behind the fault proxy', () => {
  test.describe.configure({ mode: 'serial' });
  holdFaultProxyPerTest();
  test.use({
    // The default timeouts: a busy machine's slow history page must not read as MLflow down.
    baseURL: process.env.E2E_PATIENT_PARALLAX_URL,
    expectedConsoleErrors: [/Failed to load resource/],
  });

  test('the chart opened after the sparkline reads nothing more from MLflow', async ({ page }) => {
    test.setTimeout(90_000);
    const { experimentId, runId } = await ownRun('sparkline-shared');
    await logSeries(runId, 'loss', spiky);
    const series: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/parallax/api/metric-series') series.push(r.url());
    });
    const historyReads = () =>
      countRequests(new RegExp(`/metrics/get-history\\?.*run_id=${runId}`), 'GET');
    await page.goto(runUrl(experimentId, runId));
    await drawnSparkline(page, 'loss');
    expect(await historyReads(), 'the sparkline read the history').toBeGreaterThan(0);

    const chart = page.locator('[data-testid="metric-chart"][data-metric-key="loss"]');
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute('data-source', 'full', { timeout: 20_000 });
    // The chart's series has more points than the sparkline's (a column per pixel of a wider plot),
    // so it is a request of its own, answered from the one history the server read: MLflow saw
    // one read's pages (25,000 points each), whichever of the two asked first.
    expect(new Set(series).size).toBeGreaterThan(1);
    expect(await historyReads()).toBe(Math.ceil(STEPS / 25_000));
  });

  test('a history MLflow fails to give is said, not drawn as empty', async ({ page }) => {
    const { experimentId, runId } = await ownRun('sparkline-error');
    await logSeries(runId, 'loss', [3, 2, 1]);
    await setFault(faultControl(), {
      kind: 'status',
      status: 500,
      path: `/metrics/get-history\\?.*run_id=${runId}`,
    });
    await page.goto(runUrl(experimentId, runId));
    const failed = page.getByRole('img', { name: 'loss history not loaded', exact: true });
    await expect(failed).toBeVisible();
    await expect(failed).toHaveAttribute('title', /History not loaded: .+/);
    await expect(page.getByRole('img', { name: 'loss history', exact: true })).toHaveCount(0);
  });
});
