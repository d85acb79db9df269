// Metric charts against the real server: spikes kept, zoom to exact points, log scale, smoothing,
// wall time, NaN values and a RUNNING run's new points. Reads what is drawn through the charts'
// test hook (window.__parallaxCharts, see src/features/charts/test-hook.ts).
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { charts, drawn, openChart, runUrl } from './support/charts';
import { mlflow, uniqueName } from './support/mlflow-api';

test('every seeded spike is drawn at its step, at full fidelity', async ({ page }) => {
  const m = charts();
  const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
  const series = await drawn(page, m.spiky_run_id, 'loss');
  expect(series?.source).toBe('full');
  const at = new Map(series?.steps.map((s, i) => [s, series.values[i]]));
  m.spike_steps.forEach((step, i) => {
    expect(at.has(step), `spike at step ${step} is drawn`).toBe(true);
    expect(at.get(step)).toBeCloseTo(m.spike_values[i] as number, 9);
  });
  // Fewer points than logged, and the badge says how many of how many.
  const points = Number(await chart.getAttribute('data-points-drawn'));
  expect(points).toBeGreaterThan(100);
  expect(points).toBeLessThan(m.loss_steps);
  await expect(chart.getByText(/of 20,000 points · full fidelity/)).toBeVisible();
  await expect(chart).toHaveAttribute('data-exact', 'false');
});

test('dragging a small window refines to exact points; the zoom is in the URL and resets', async ({
  page,
}) => {
  const m = charts();
  const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
  const plot = chart.getByTestId('metric-chart-plot');
  const box = await plot.boundingBox();
  if (!box) throw new Error('no plot');
  const y = box.y + box.height / 2;
  // The previous window stays drawn while the new one loads: no loading skeleton in between.
  await chart.evaluate((el) => {
    const g = globalThis as unknown as { __skeletonSeen?: boolean };
    g.__skeletonSeen = false;
    // globalThis: the e2e tsconfig has no DOM types.
    const Observer = (
      globalThis as unknown as {
        MutationObserver: new (cb: () => void) => { observe(n: unknown, o: object): void };
      }
    ).MutationObserver;
    new Observer(() => {
      if (el.querySelector('.skeleton')) g.__skeletonSeen = true;
    }).observe(el, { childList: true, subtree: true });
  });
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3 + 12, y, { steps: 4 });
  await page.mouse.up();
  await expect(page).toHaveURL(/zoom%3Aloss=\d+-\d+|zoom:loss=\d+-\d+/);
  await expect(chart).toHaveAttribute('data-exact', 'true');
  expect(
    await page.evaluate(
      () => (globalThis as unknown as { __skeletonSeen?: boolean }).__skeletonSeen,
    ),
  ).toBe(false);
  await expect(chart.getByText(/· exact/)).toBeVisible();
  const series = await drawn(page, m.spiky_run_id, 'loss');
  const steps = series?.steps ?? [];
  expect(steps.length).toBeGreaterThan(5);
  // Exact: consecutive steps, nothing skipped.
  expect(steps.every((s, i) => i === 0 || s === (steps[i - 1] as number) + 1)).toBe(true);

  await chart.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(page).not.toHaveURL(/zoom/);
  await expect(chart).toHaveAttribute('data-exact', 'false');
});

test('a log y scale redraws the line', async ({ page }) => {
  const m = charts();
  const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
  const line = chart.locator('path.metric-line-raw').first();
  const linear = await line.getAttribute('d');
  await chart.getByLabel('Y scale').selectOption('log');
  await expect.poll(() => line.getAttribute('d')).not.toBe(linear);
  // Decades on the axis: 0.1 and 1 bracket a loss that runs from about 2 down to 0.1.
  const ticks = chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks.filter({ hasText: /^1$/ })).toHaveCount(1);
});

test('smoothing draws a smoothed line over the faint raw one', async ({ page }) => {
  const m = charts();
  const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
  await expect(chart.locator('.metric-line-smoothed')).toHaveCount(0);
  await chart.getByLabel('Smoothing').fill('0.9');
  const smoothed = chart.locator('path.metric-line-smoothed');
  await expect(smoothed).toHaveCount(1);
  const raw = chart.locator('path.metric-line-raw');
  await expect(raw).toHaveCount(1);
  await expect(raw).toHaveAttribute('stroke-opacity', '0.3');
  expect(await smoothed.getAttribute('d')).not.toBe(await raw.getAttribute('d'));
});

test('the wall-time axis labels ticks with times of day', async ({ page }) => {
  const m = charts();
  const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
  const ticks = chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks.first()).toHaveText(/^\d+(\.\d+)?k?$/);
  await chart.getByLabel('X axis').selectOption('wall');
  // The run logged from 09:00 UTC for about 33 minutes (one point every 100 ms).
  await expect(ticks.first()).toHaveText(/^09:\d\d:\d\d$/);
});

test('a metric with NaN values draws and says so', async ({ page }) => {
  const m = charts();
  const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
  await expect(chart.getByText(`${m.nan_steps.length} NaN values not drawn`)).toBeVisible();
  await expect(chart.locator('path.metric-line-raw')).toHaveCount(1);
  const series = await drawn(page, m.spiky_run_id, 'loss');
  for (const step of m.nan_steps) {
    const i = series?.steps.indexOf(step) ?? -1;
    expect(i, `NaN at step ${step} is kept`).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(series?.values[i])).toBe(true);
  }
});

test('a RUNNING run shows new points after a refresh', async ({ page }) => {
  const experimentId = await mlflow.createExperiment(uniqueName('charts-running'));
  const run = await mlflow.createRun(experimentId, 'still-running');
  const runId = run.info.run_id;
  for (let step = 0; step < 5; step++) await mlflow.logMetric(runId, 'acc', 0.5 + step / 100, step);
  const chart = await openChart(page, runUrl(experimentId, runId), 'acc');
  await expect(chart).toHaveAttribute('data-points-drawn', '5');
  for (let step = 5; step < 12; step++)
    await mlflow.logMetric(runId, 'acc', 0.5 + step / 100, step);
  // The server re-reads a RUNNING run's history once its copy is a few seconds old, so a refresh
  // right after logging may still show the old points: refresh until the new ones arrive.
  await expect(async () => {
    await chart.getByRole('button', { name: 'Refresh' }).click();
    await expect(chart).toHaveAttribute('data-points-drawn', '12', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  expect((await drawn(page, runId, 'acc'))?.steps.at(-1)).toBe(11);
});

test("the experiment's Charts view overlays the runs, with a metric picker", async ({ page }) => {
  const m = charts();
  // The runs come with the table's search: the view fetches none of them again.
  const runGets: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/runs/get?')) runGets.push(r.url());
  });
  await page.goto(`/experiments/${m.id}?view=charts`);
  const chart = page.getByTestId('metric-chart');
  await expect(chart).toHaveAttribute('data-source', 'full', { timeout: 20_000 });
  expect(runGets).toEqual([]);
  const legend = chart.getByRole('list', { name: 'Runs' });
  await expect(legend.getByRole('button', { name: 'spiky', exact: true })).toBeVisible();
  await expect(legend.getByRole('button', { name: 'spiky-b' })).toBeVisible();
  // The picker swaps loss for lr: one chart, of lr, and the URL says so.
  await page.getByRole('button', { name: 'Metrics (1 of 2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Metrics to chart' });
  await dialog.getByRole('checkbox', { name: 'lr' }).check();
  await dialog.getByRole('checkbox', { name: 'loss' }).uncheck();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(/metrics=lr(&|$)/);
  await expect(page.getByTestId('metric-chart')).toHaveAttribute('data-metric-key', 'lr');
  // Hiding a run removes its line.
  await page.goto(`/experiments/${m.id}?view=charts&metrics=loss`);
  const lines = page.locator('[data-testid="metric-chart"] .metric-line-raw');
  await expect(lines).toHaveCount(2);
  await page.getByRole('button', { name: 'spiky-b' }).click();
  await expect(lines).toHaveCount(1);
});

test('exports the chart as SVG and PNG, and the window’s raw points as CSV', async ({ page }) => {
  const m = charts();
  const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
  const save = async (item: string) => {
    await chart.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: item }).click();
    return download;
  };
  const svg = await save('SVG image');
  expect(svg.suggestedFilename()).toBe('loss.svg');
  const svgText = await readFile((await svg.path()) ?? '', 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).not.toContain('var(--');

  const png = await save('PNG image');
  expect(png.suggestedFilename()).toBe('loss.png');
  const pngBytes = await readFile((await png.path()) ?? '');
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');

  const csv = await save("CSV of the window's raw points");
  expect(csv.suggestedFilename()).toBe('loss.csv');
  const lines = (await readFile((await csv.path()) ?? '', 'utf8')).trim().split('\r\n');
  expect(lines[0]).toBe('run_id,run_name,key,step,timestamp,value');
  // Every raw point, not the drawn reduction.
  expect(lines).toHaveLength(m.loss_steps + 1);
  expect(lines.filter((l) => l.endsWith(',NaN'))).toHaveLength(m.nan_steps.length);
});
