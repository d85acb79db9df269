// Bulk delete and restore over many runs: a bounded number of requests in flight, progress while
// it runs, a summary at the end, and MLflow's own API as the judge of what happened.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { mlflow, uniqueName } from './support/mlflow-api';

const RUNS = 30;
const LIMIT = 8;

async function loaded(page: Page, count: number) {
  const root = page.getByTestId('runs-table');
  await expect(root).toHaveAttribute('data-complete', 'true');
  await expect(root).toHaveAttribute('data-loaded-count', String(count));
}

/**
 * Fault injection (a delay only) in front of the real server: holds each lifecycle request for a
 * moment on its way to the real mlflow server (no answer is made up: route.fetch sends it on and
 * MLflow's real answer comes back), counting how many are in flight at once.
 */
async function watchLifecycleCalls(page: Page) {
  const seen = { inFlight: 0, peak: 0, total: 0 };
  await page.route(/\/api\/2\.0\/mlflow\/runs\/(delete|restore)$/, async (route) => {
    seen.inFlight++;
    seen.total++;
    seen.peak = Math.max(seen.peak, seen.inFlight);
    try {
      await new Promise((r) => setTimeout(r, 150));
      const response = await route.fetch();
      await route.fulfill({ response });
    } finally {
      seen.inFlight--;
    }
  });
  return seen;
}

test('deletes and restores 30 runs at most 8 at a time, with progress and a summary', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const experimentId = await mlflow.createExperiment(uniqueName('e2e-bulk'));
  const names = Array.from({ length: RUNS }, (_, i) => `bulk-${String(i + 1).padStart(2, '0')}`);
  for (let i = 0; i < names.length; i += 10)
    await Promise.all(names.slice(i, i + 10).map((n) => mlflow.createRun(experimentId, n)));
  const calls = await watchLifecycleCalls(page);

  await page.goto(`/experiments/${experimentId}`);
  await loaded(page, RUNS);

  // Selecting every run sends nothing: requests start only when an action is confirmed.
  const sent: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) sent.push(r.url());
  });
  await page.getByRole('checkbox', { name: 'Select all runs' }).check();
  await expect(page.getByText(`${RUNS} runs selected`)).toBeVisible();
  await page.waitForTimeout(500);
  expect(sent).toEqual([]);

  // Delete asks first.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${RUNS} runs?` });
  await dialog.getByRole('button', { name: `Delete ${RUNS} runs` }).click();
  await expect(dialog).toBeHidden();

  const progress = page.getByTestId('bulk-progress');
  await expect(progress).toContainText(/Deleting runs… *\d+ \/ 30/);
  const summary = page.getByTestId('bulk-summary');
  await expect(summary).toContainText('Deleted 30 runs.');
  expect(calls.total).toBe(RUNS);
  expect(calls.peak).toBeLessThanOrEqual(LIMIT);
  // Bounded, not one at a time.
  expect(calls.peak).toBeGreaterThan(1);

  await loaded(page, 0);
  expect(await mlflow.searchRuns(experimentId)).toEqual([]);
  const deleted = await mlflow.searchRuns(experimentId, '', 'DELETED_ONLY');
  expect(deleted.map((r) => r.info.run_name).sort()).toEqual(names);

  // Restore them from the Deleted view (no question: it undoes a delete).
  await summary.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByLabel('Lifecycle').selectOption('deleted');
  await loaded(page, RUNS);
  await page.getByRole('checkbox', { name: 'Select all runs' }).check();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(progress).toContainText(/Restoring runs… *\d+ \/ 30/);
  await expect(summary).toContainText('Restored 30 runs.');
  expect(calls.total).toBe(2 * RUNS);
  expect(calls.peak).toBeLessThanOrEqual(LIMIT);
  await loaded(page, 0);
  expect((await mlflow.searchRuns(experimentId)).length).toBe(RUNS);
  expect(await mlflow.searchRuns(experimentId, '', 'DELETED_ONLY')).toEqual([]);
});
