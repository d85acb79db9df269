// Chart views live in the URL: what a user set up on a chart, and which runs and metrics the
// experiment's Charts view draws, come back the same after a reload (and so in a shared link).
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { charts, openChart, runUrl } from './support/charts';

const chartOf = (page: Page, key: string) =>
  page.locator(`[data-testid="metric-chart"][data-metric-key="${key}"]`);

/** Drags across a fifth of the plot: a zoom to a window of the run. */
async function dragZoom(page: Page, chart: Locator) {
  const box = await chart.getByTestId('metric-chart-plot').boundingBox();
  if (!box) throw new Error('no plot');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.4, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 4 });
  await page.mouse.up();
}

test("a run chart's axis, scale, smoothing and zoom survive a reload", async ({ page }) => {
  const m = charts();
  const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
  const fullDomain = await chart.getAttribute('data-x-domain');
  await chart.getByLabel('X axis').selectOption('relative');
  await chart.getByLabel('Y scale').selectOption('log');
  await chart.getByLabel('Smoothing').fill('0.75');
  await expect(chart.locator('path.metric-line-smoothed')).toHaveCount(1);
  await chart.getByLabel('X axis').selectOption('step');
  await dragZoom(page, chart);
  await expect(page).toHaveURL(/zoom%3Aloss=\d+-\d+/);
  await expect(chart).not.toHaveAttribute('data-x-domain', fullDomain ?? '');
  const zoomed = await chart.getAttribute('data-x-domain');

  await page.reload();
  const again = chartOf(page, 'loss');
  await again.scrollIntoViewIfNeeded();
  await expect(again.getByLabel('Y scale')).toHaveValue('log');
  await expect(again.getByLabel('X axis')).toHaveValue('step');
  await expect(again.getByLabel('Smoothing')).toHaveValue('0.75');
  await expect(again.locator('path.metric-line-smoothed')).toHaveCount(1);
  await expect(again).toHaveAttribute('data-x-domain', zoomed ?? '');
  // The wall-time axis, chosen and then put back, leaves nothing behind in the URL.
  expect(new URL(page.url()).searchParams.has('x:loss')).toBe(false);
});

test("the Charts view's runs, metrics and each chart's settings survive a reload", async ({
  page,
}) => {
  const m = charts();
  await page.goto(`/experiments/${m.id}?view=charts`);
  const controls = page.getByRole('group', { name: 'Runs to chart' });
  await expect(chartOf(page, 'loss')).toHaveAttribute('data-source', 'full', { timeout: 20_000 });

  // The runs: the top two by loss, lowest first (a loss is better lower).
  await controls.getByLabel('Runs').selectOption('top');
  await controls.getByLabel('How many').fill('2');
  await expect(controls.getByLabel('by', { exact: true })).toHaveValue('loss');
  await expect(page.getByText('Charting the top 2 runs by loss, lowest first.')).toBeVisible();
  // The metrics: loss, and lr found through the picker's search.
  await page.getByRole('button', { name: 'Metrics (1 of 2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Metrics to chart' });
  await dialog.getByRole('searchbox', { name: 'Search metrics' }).fill('lr');
  await expect(dialog.getByText('1 metric match')).toBeVisible();
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Metrics (2 of 2)' })).toBeVisible();
  const loss = chartOf(page, 'loss');
  const lr = chartOf(page, 'lr');
  await expect(lr).toBeVisible();
  // One chart's settings do not touch the other's.
  await loss.getByLabel('Y scale').selectOption('log');
  await loss.getByRole('button', { name: 'spiky-b' }).click();
  await expect(loss.locator('path.metric-line-raw')).toHaveCount(1);
  await lr.getByLabel('X axis').selectOption('wall');
  await expect(lr.getByLabel('Y scale')).toHaveValue('linear');

  await page.reload();
  const controlsAgain = page.getByRole('group', { name: 'Runs to chart' });
  await expect(controlsAgain.getByLabel('Runs')).toHaveValue('top');
  await expect(controlsAgain.getByLabel('How many')).toHaveValue('2');
  await expect(controlsAgain.getByLabel('by', { exact: true })).toHaveValue('loss');
  await expect(page.getByText('Charting the top 2 runs by loss, lowest first.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Metrics (2 of 2)' })).toBeVisible();
  const lossAgain = chartOf(page, 'loss');
  const lrAgain = chartOf(page, 'lr');
  await lossAgain.scrollIntoViewIfNeeded();
  await expect(lossAgain.getByLabel('Y scale')).toHaveValue('log');
  await expect(lossAgain.getByRole('button', { name: 'spiky-b' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(lossAgain.getByRole('button', { name: 'spiky', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(lossAgain.locator('path.metric-line-raw')).toHaveCount(1);
  await lrAgain.scrollIntoViewIfNeeded();
  await expect(lrAgain.getByLabel('X axis')).toHaveValue('wall');
  await expect(lrAgain.getByLabel('Y scale')).toHaveValue('linear');
});

test('the top run by a metric is the one with its best last value', async ({ page }) => {
  const m = charts();
  // spiky's loss ends near 0.11 after 20,000 steps, spiky-b's near 0.25 after 5,000: lowest
  // first puts spiky alone on top. One run draws no legend; its badge says how many points it has.
  await page.goto(`/experiments/${m.id}?view=charts&runs=top&by=loss&n=1`);
  const loss = chartOf(page, 'loss');
  await expect(loss).toHaveAttribute('data-source', 'full', { timeout: 20_000 });
  await expect(loss.getByText(/of 20,000 points/)).toBeVisible();
  await expect(page.getByText('1 run', { exact: true })).toBeVisible();
  // Highest first, chosen explicitly, puts the other one there.
  await page.getByRole('group', { name: 'Runs to chart' }).getByLabel('Order').selectOption('desc');
  await expect(page).toHaveURL(/order=desc/);
  await expect(loss.getByText(/of 5,000 points/)).toBeVisible({ timeout: 20_000 });
});
