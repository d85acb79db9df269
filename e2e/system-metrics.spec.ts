// MLflow's system metrics (`system/…`, logged by its system-metrics monitor) sit in a section of
// their own on the run page, closed until opened, and out of the run's own metrics and charts.
import { expect, test } from './support/fixtures';
import { mlflow } from './support/mlflow-api';
import { openRun, ownRun } from './support/own-run';

const OWN = ['accuracy', 'loss'];
const SYSTEM = [
  'system/cpu_utilization_percentage',
  'system/gpu_0_utilization_percentage',
  'system/system_memory_usage_megabytes',
];

test('system metrics are apart, closed, counted, and open from the keyboard', async ({ page }) => {
  const { experimentId, runId } = await ownRun('system-metrics');
  for (const [i, key] of [...OWN, ...SYSTEM].entries()) {
    await mlflow.logMetric(runId, key, i + 0.5, 0);
    await mlflow.logMetric(runId, key, i + 1.5, 1);
  }
  await openRun(page, experimentId, runId);

  const metrics = page.getByRole('region', { name: 'Metrics', exact: true });
  const ownTable = metrics.getByRole('table', { name: 'Metrics' });
  await expect(ownTable.getByRole('row')).toHaveCount(OWN.length + 1);
  await expect(ownTable).toContainText('accuracy');
  await expect(ownTable).toContainText('loss');
  await expect(ownTable).not.toContainText('system/');
  await expect(metrics).toContainText('2 metrics');

  const system = page.getByRole('region', { name: 'System metrics' });
  const toggle = system.getByRole('button', { name: 'System metrics' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(system).toContainText('3 metrics');
  await expect(system.getByRole('table')).toHaveCount(0);

  // The run's own charts leave the system metrics out.
  const charts = page.getByRole('region', { name: 'Charts', exact: true });
  await charts.scrollIntoViewIfNeeded();
  const ownCharts = charts.locator('[data-testid="metric-chart"]');
  await expect(ownCharts).toHaveCount(OWN.length);
  expect(
    (await ownCharts.evaluateAll((els) => els.map((e) => e.dataset.metricKey))).sort(),
  ).toEqual(OWN);

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const systemTable = system.getByRole('table', { name: 'System metrics' });
  await expect(systemTable.getByRole('row')).toHaveCount(SYSTEM.length + 1);
  for (const key of SYSTEM) await expect(systemTable).toContainText(key);

  const systemCharts = system.getByRole('region', { name: 'System metric charts' });
  await systemCharts.scrollIntoViewIfNeeded();
  const drawn = systemCharts.locator('[data-testid="metric-chart"]');
  await expect(drawn).toHaveCount(SYSTEM.length);
  expect((await drawn.evaluateAll((els) => els.map((e) => e.dataset.metricKey))).sort()).toEqual(
    SYSTEM,
  );

  await toggle.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(system.getByRole('table')).toHaveCount(0);
});

test('a run without system metrics shows no such section', async ({ page }) => {
  const { experimentId, runId } = await ownRun('no-system-metrics');
  await mlflow.logMetric(runId, 'loss', 0.25, 0);
  await openRun(page, experimentId, runId);
  await expect(page.getByRole('table', { name: 'Metrics' })).toContainText('loss');
  await expect(page.getByRole('region', { name: 'System metrics' })).toHaveCount(0);
});
