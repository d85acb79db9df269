// These tests break MLflow on purpose through the fault-injecting proxy in front of the real
// server (see support/fault-proxy.ts); they share that proxy, so they run one after another, and
// each holds it alone against the other fault specs (support/fault-lease.ts).
//
// The faulty Parallax runs with PARALLAX_CONNECT_TIMEOUT_MS=2000 and PARALLAX_UPSTREAM_TIMEOUT_MS=4000
// (global-setup.ts), so "within the connect timeout" below means 2 s.
import { expect, test } from './support/fixtures';
import { charts, runUrl } from './support/charts';
import { setFault } from './support/fault-proxy';
import { faultControl, holdFaultProxyPerTest } from './support/fault-lease';

const CONNECT_TIMEOUT_MS = 2_000;
// Page start-up (the first call to MLflow leaves only once the bundle runs), the config call and
// the banner's render, on a loaded 2-core machine running two workers.
const MARGIN_MS = 2_500;

test.describe.configure({ mode: 'serial' });
holdFaultProxyPerTest();

test.use({
  baseURL: process.env.E2E_FAULTY_PARALLAX_URL,
  // Chromium logs each 502 as "Failed to load resource".
  expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 502/],
});

test('answers 502 MLFLOW_UNAVAILABLE within seconds when MLflow is stopped', async ({
  request,
}) => {
  await setFault(faultControl(), { kind: 'down' });
  const started = Date.now();
  const res = await request.get('/api/2.0/mlflow/experiments/search?max_results=1', {
    timeout: 20_000,
  });
  const took = Date.now() - started;
  expect(res.status()).toBe(502);
  const body = (await res.json()) as { error_code: string; message: string };
  expect(body.error_code).toBe('MLFLOW_UNAVAILABLE');
  expect(body.message).toMatch(/not reachable: connection refused/i);
  // Two quick tries (one wait of 0.25-0.5 s), then the answer.
  expect(took).toBeLessThan(5_000);
});

test('answers 502 MLFLOW_UNAVAILABLE within the connect timeout when MLflow accepts but never answers', async ({
  request,
}) => {
  await setFault(faultControl(), { kind: 'delay', ms: 30_000 });
  const started = Date.now();
  const res = await request.get('/api/2.0/mlflow/experiments/search?max_results=1', {
    timeout: 25_000,
  });
  const took = Date.now() - started;
  expect(res.status()).toBe(502);
  const body = (await res.json()) as { error_code: string; message: string };
  expect(body.error_code).toBe('MLFLOW_UNAVAILABLE');
  expect(body.message).toMatch(/accepted the connection but answered nothing within 2000 ms/);
  expect(took).toBeLessThan(CONNECT_TIMEOUT_MS + MARGIN_MS);
});

test('MLflow refusing connections shows the banner within 5 s, and Retry recovers once it is back', async ({
  page,
}) => {
  await setFault(faultControl(), { kind: 'down' });
  const started = Date.now();
  await page.goto('/experiments');
  const banner = page.getByRole('alert').filter({ hasText: 'MLflow is unreachable' });
  await expect(banner).toBeVisible({ timeout: Math.max(0, 5_000 - (Date.now() - started)) });
  test
    .info()
    .annotations.push({ type: 'banner after (ms)', description: `${Date.now() - started}` });
  await expect(banner).toContainText('connection refused');

  await setFault(faultControl(), { kind: 'pass' });
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('link', { name: /churn/ }).first()).toBeVisible();
});

test('MLflow accepting but never answering shows the banner within the connect timeout', async ({
  page,
}) => {
  await setFault(faultControl(), { kind: 'delay', ms: 60_000 });
  const started = Date.now();
  await page.goto('/experiments');
  const banner = page.getByRole('alert').filter({ hasText: 'MLflow is unreachable' });
  await expect(banner).toBeVisible({
    timeout: Math.max(0, CONNECT_TIMEOUT_MS + MARGIN_MS - (Date.now() - started)),
  });
  test
    .info()
    .annotations.push({ type: 'banner after (ms)', description: `${Date.now() - started}` });
  await expect(banner).toContainText('answered nothing within 2000 ms');
});

test.describe('a chart whose series fail', () => {
  test.use({
    expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 5\d\d/],
  });

  test('shows why, outside the keyboard-zoom region, and loses nothing else', async ({ page }) => {
    const m = charts();
    // Short enough that the charts start below the fold: they load once scrolled to.
    await page.setViewportSize({ width: 1280, height: 240 });
    await page.goto(runUrl(m.id, m.spiky_run_id));
    await expect(page.getByRole('heading', { name: 'spiky', level: 1 })).toBeVisible();
    await setFault(faultControl(), { kind: 'status', status: 500 });
    await page.getByRole('heading', { name: 'Charts', level: 2 }).scrollIntoViewIfNeeded();
    const chart = page.locator('[data-testid="metric-chart"][data-metric-key="loss"]');
    // A 500 is not retried by any layer, so the message comes at once.
    await expect(chart.getByRole('alert')).toContainText('Could not load loss');
    // Nothing to zoom: no "application" role hiding the message from reading mode.
    await expect(chart.getByRole('application')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'spiky', level: 1 })).toBeVisible();
  });
});
