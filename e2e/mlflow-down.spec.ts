// These tests break MLflow on purpose through the fault-injecting proxy in front of the real
// server (see support/fault-proxy.ts); they share that proxy, so they run one after another.
import { expect, test } from './support/fixtures';
import { charts, runUrl } from './support/charts';
import { setFault } from './support/fault-proxy';

const control = () => {
  const url = process.env.E2E_FAULT_CONTROL_URL;
  if (!url) throw new Error('E2E_FAULT_CONTROL_URL is not set');
  return url;
};

test.describe.configure({ mode: 'serial' });

test.use({
  baseURL: process.env.E2E_FAULTY_PARALLAX_URL,
  // Chromium logs each 502 as "Failed to load resource".
  expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 502/],
});

test.afterEach(async () => {
  await setFault(control(), { kind: 'pass' });
});

test('answers 502 MLFLOW_UNAVAILABLE within its timeout when MLflow is stopped', async ({
  request,
}) => {
  await setFault(control(), { kind: 'down' });
  const started = Date.now();
  const res = await request.get('/api/2.0/mlflow/experiments/search?max_results=1', {
    timeout: 20_000,
  });
  const took = Date.now() - started;
  expect(res.status()).toBe(502);
  const body = (await res.json()) as { error_code: string; message: string };
  expect(body.error_code).toBe('MLFLOW_UNAVAILABLE');
  expect(body.message).toMatch(/not reachable/i);
  // bounded by the server's configured timeouts (2 s connect, 4 s upstream) plus its retries
  expect(took).toBeLessThan(15_000);
});

test('answers 502 MLFLOW_UNAVAILABLE when MLflow accepts but never answers', async ({
  request,
}) => {
  await setFault(control(), { kind: 'delay', ms: 30_000 });
  const res = await request.get('/api/2.0/mlflow/experiments/search?max_results=1', {
    timeout: 25_000,
  });
  expect(res.status()).toBe(502);
  expect(((await res.json()) as { error_code: string }).error_code).toBe('MLFLOW_UNAVAILABLE');
});

test('a 429 with Retry-After is retried and the page loads', async ({ page }) => {
  await setFault(control(), { kind: 'status', status: 429, retryAfter: 1, times: 2 });
  await page.goto('/experiments');
  await expect(page.getByRole('heading', { name: 'Experiments' })).toBeVisible();
  await expect(page.getByRole('link', { name: /churn/ }).first()).toBeVisible();
});

test('MLflow down shows a banner, and Retry recovers once it is back', async ({ page }) => {
  await setFault(control(), { kind: 'down' });
  await page.goto('/experiments');
  const banner = page.getByRole('alert').filter({ hasText: 'MLflow is unreachable' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await setFault(control(), { kind: 'pass' });
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('link', { name: /churn/ }).first()).toBeVisible();
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
    await setFault(control(), { kind: 'status', status: 500 });
    await page.getByRole('heading', { name: 'Charts', level: 2 }).scrollIntoViewIfNeeded();
    const chart = page.locator('[data-testid="metric-chart"][data-metric-key="loss"]');
    await expect(chart.getByRole('alert')).toContainText('Could not load loss', {
      timeout: 30_000,
    });
    // Nothing to zoom: no "application" role hiding the message from reading mode.
    await expect(chart.getByRole('application')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'spiky', level: 1 })).toBeVisible();
  });
});
