import { formatMetric } from '../src/lib/format';
import { parseMetricValue } from '../src/api/client';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflow } from './support/mlflow-api';

const runName = (run: { info: { run_name?: string; run_id: string } }) =>
  run.info.run_name ?? run.info.run_id;

test('the runs table of a seeded experiment shows its runs with the right metric values', async ({
  page,
}) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  expect(runs.length).toBeGreaterThanOrEqual(12);
  await page.goto(`/experiments/${churn.id}`);
  const table = page
    .getByRole('grid', { name: 'Runs' })
    .or(page.getByRole('table', { name: 'Runs' }));
  await expect(table).toBeVisible();
  await expect(page.getByText(`${runs.length} runs loaded`)).toBeVisible();

  const headers = table.getByRole('columnheader');
  const headerTexts = (await headers.allInnerTexts()).map((t) => t.trim());
  const accuracyCol = headerTexts.findIndex((t) => t === 'accuracy' || t.endsWith('\naccuracy'));
  expect(accuracyCol, `an accuracy column among ${headerTexts.join(' | ')}`).toBeGreaterThan(-1);

  // Child runs sit under their collapsed parent in the tree; the top-level rows are checked.
  const topLevel = runs.filter((r) => !r.data?.tags?.some((t) => t.key === 'mlflow.parentRunId'));
  for (const run of topLevel.slice(0, 8)) {
    const accuracy = run.data?.metrics?.find((m) => m.key === 'accuracy');
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: runName(run), exact: true }) });
    await row.scrollIntoViewIfNeeded();
    await expect(row).toHaveCount(1);
    const cell = row.getByRole('gridcell').or(row.getByRole('cell')).nth(accuracyCol);
    await expect(cell).toHaveText(accuracy ? formatMetric(parseMetricValue(accuracy.value)) : '');
  }
});

test('runs load page after page on their own: 100 first, then the rest, each run once', async ({
  page,
}) => {
  const { paging } = readManifest().experiments;
  const searches: { max_results?: number; page_token?: string }[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/api/2.0/mlflow/runs/search')) searches.push(req.postDataJSON());
  });
  await page.goto(`/experiments/${paging.id}`);
  await expect(page.getByText('150 runs loaded')).toBeVisible();
  const root = page.getByTestId('runs-table');
  await expect(root).toHaveAttribute('data-loaded-count', '150');
  await expect(root).toHaveAttribute('data-complete', 'true');
  await expect(page.getByRole('button', { name: 'Load more runs' })).toBeHidden();
  // Two pages: the small first one, then the next through MLflow's page token.
  expect(searches.map((s) => s.max_results)).toEqual([100, 1000]);
  expect(searches[0]?.page_token).toBeUndefined();
  expect(searches[1]?.page_token).toBeTruthy();
  // The default order is newest first; the last row is the oldest run, loaded by the second page.
  const expected = await mlflow.searchRuns(paging.id);
  const last = expected.at(-1);
  if (!last) throw new Error('the paging experiment has no runs');
  await root.locator('.runs-scroll').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const grid = page.getByRole('grid', { name: 'Runs' });
  await expect(grid.getByRole('link', { name: runName(last), exact: true })).toBeVisible();
});

test('an empty experiment says so and how to log a run', async ({ page }) => {
  const { empty } = readManifest().experiments;
  await page.goto(`/experiments/${empty.id}`);
  await expect(page.getByText('No runs in this experiment yet')).toBeVisible();
});

test('sorting by a metric column reorders the rows and survives a reload', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const expected = await mlflow.searchRuns(churn.id);
  const byAccuracy = expected
    .map((r) => ({
      name: runName(r),
      acc: parseMetricValue(r.data?.metrics?.find((m) => m.key === 'accuracy')?.value),
    }))
    .filter((r) => !Number.isNaN(r.acc))
    .sort((a, b) => b.acc - a.acc);
  await page.goto(`/experiments/${churn.id}`);
  const table = page
    .getByRole('grid', { name: 'Runs' })
    .or(page.getByRole('table', { name: 'Runs' }));
  const header = table.getByRole('columnheader', { name: /accuracy/ });
  // A metric column sorts best-first (descending) on its first click.
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await page.reload();
  await expect(table.getByRole('columnheader', { name: /accuracy/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow.getByRole('link').first()).toHaveText(byAccuracy[0]?.name ?? '');
});

test('the run page shows name, status, params and metrics', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const [run] = await mlflow.searchRuns(churn.id, "params.C != ''");
  if (!run) throw new Error('the seed has no run with param C');
  await page.goto(`/experiments/${churn.id}/runs/${run.info.run_id}`);
  await expect(page.getByRole('heading', { name: runName(run), level: 1 })).toBeVisible();
  await expect(page.getByText(run.info.status ?? 'FINISHED').first()).toBeVisible();
  const params = page
    .getByRole('region', { name: 'Parameters' })
    .or(page.locator('section', { has: page.getByRole('heading', { name: 'Parameters' }) }));
  for (const p of run.data?.params ?? []) {
    await expect(params.getByRole('row').filter({ hasText: p.key }).first()).toContainText(p.value);
  }
  const metrics = page
    .getByRole('region', { name: 'Metrics' })
    .or(page.locator('section', { has: page.getByRole('heading', { name: 'Metrics' }) }));
  for (const m of run.data?.metrics ?? []) {
    await expect(metrics.getByRole('row').filter({ hasText: m.key }).first()).toContainText(
      formatMetric(parseMetricValue(m.value)),
    );
  }
});

test('a run named with HTML and a description with a script stay text', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  const bold = runs.find((r) => runName(r).includes('<b>'));
  if (!bold) throw new Error('the seed has no run named with HTML');
  await page.goto(`/experiments/${churn.id}`);
  await expect(page.getByRole('link', { name: runName(bold), exact: true })).toBeVisible();
  await page.goto(`/experiments/${churn.id}/runs/${bold.info.run_id}`);
  await expect(page.getByRole('heading', { name: runName(bold), level: 1 })).toBeVisible();
  expect(await page.locator('h1 b').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
});

test.describe('a missing run', () => {
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('shows MLflow’s RESOURCE_DOES_NOT_EXIST message', async ({ page }) => {
    const { churn } = readManifest().experiments;
    await page.goto(`/experiments/${churn.id}/runs/0123456789abcdef0123456789abcdef`);
    await expect(page.getByRole('heading', { name: /not found/i })).toBeVisible();
    await expect(page.getByText('RESOURCE_DOES_NOT_EXIST')).toBeVisible();
  });
});
