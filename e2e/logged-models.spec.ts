// MLflow 3 logged models against the real server: the experiment's Models view, a model opened
// from it, the run page's list, and the link from a registry version. Each test makes its own
// experiment, runs and logged models straight in MLflow (as `log_model` would), so nothing seeded
// is changed, and every list is compared with MLflow's own answer. A server without logged models
// (MLflow 2.x, played by the fault proxy answering 404 as 2.x does) offers none of it.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { setFault } from './support/fault-proxy';
import { faultControl, holdFaultProxyPerTest } from './support/fault-lease';
import { readManifest } from './support/manifest';
import {
  mlflow,
  mlflowLoggedModels,
  mlflowRegistry,
  mlflowRun,
  uniqueName,
} from './support/mlflow-api';

// MLflow refuses `/ : . % " '` in a logged model's name; markup without them is allowed.
const HOSTILE = '<img src=x onerror=alert(1)> <b>bold';

/** An experiment with two runs and three logged models, one of them registered as a version. */
async function ownModels(prefix: string) {
  const experimentId = await mlflow.createExperiment(uniqueName(`/e2e/${prefix}`));
  const runA = (await mlflow.createRun(experimentId, uniqueName(`${prefix}-a`))).info;
  const runB = (await mlflow.createRun(experimentId, uniqueName(`${prefix}-b`))).info;
  const hostile = `${HOSTILE} ${uniqueName('clf')}`;
  const scored = await mlflowLoggedModels.create(experimentId, hostile, {
    sourceRunId: runA.run_id,
    params: { C: '<i>0-5</i>', penalty: 'l2' },
    tags: { team: '<script>alert(1)</script>' },
    ready: true,
  });
  // The history of `acc`: the step-2 value is the latest; `loss` on one dataset.
  await mlflowLoggedModels.logMetric(runA.run_id, scored, 'acc', 0.8, 1);
  await mlflowLoggedModels.logMetric(runA.run_id, scored, 'acc', 0.91, 2);
  await mlflowLoggedModels.logMetric(runA.run_id, scored, 'loss', 0.25, 2, {
    name: 'eval',
    digest: 'abc123',
  });
  const secondName = uniqueName('second');
  const second = await mlflowLoggedModels.create(experimentId, secondName, {
    sourceRunId: runA.run_id,
  });
  const otherName = uniqueName('other');
  const other = await mlflowLoggedModels.create(experimentId, otherName, {
    sourceRunId: runB.run_id,
    ready: true,
  });
  const registered = uniqueName('e2e-from-logged');
  await mlflowRegistry.createModel(registered);
  const version = await mlflowLoggedModels.register(registered, scored, runA.run_id);
  return {
    experimentId,
    runA,
    runB,
    hostile,
    scored,
    second,
    secondName,
    other,
    otherName,
    registered,
    version,
  };
}

const table = (page: Page, name = 'Logged models') => page.getByRole('table', { name });
const nameCells = (page: Page) =>
  table(page).locator('tbody tr:not([aria-hidden]) td:first-child').allTextContents();

/** The row of the model named `name`. */
const row = (page: Page, name: string) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

const viewSwitch = (page: Page) => page.getByRole('group', { name: 'View' });

test('the Models tab lists exactly the experiment’s logged models, as MLflow answers them', async ({
  page,
}) => {
  const m = await ownModels('lm-tab');
  await page.goto(`/experiments/${m.experimentId}`);
  await viewSwitch(page).getByRole('button', { name: 'Models' }).click();
  await expect(page).toHaveURL(/[?&]view=models/);

  const expected = await mlflowLoggedModels.search(m.experimentId);
  expect(expected.map((x) => x.model_id).sort()).toEqual([m.scored, m.second, m.other].sort());
  await expect.poll(() => nameCells(page)).toEqual(expected.map((x) => x.name));

  // Each source run linked to its run page, under the name MLflow holds for it.
  for (const model of expected) {
    const runId = model.source_run_id ?? '';
    const runName = (await mlflowRun.get(runId)).info.run_name ?? '';
    const link = row(page, model.name).getByRole('link', { name: runName, exact: true });
    await expect(link).toHaveAttribute('href', `/experiments/${m.experimentId}/runs/${runId}`);
  }

  // The hostile model: its name, params and tags as text; the latest acc; the registered version.
  const hostileRow = row(page, m.hostile);
  await expect(hostileRow).toContainText('Ready');
  await expect(hostileRow).toContainText('acc 0.91');
  await expect(hostileRow).not.toContainText('acc 0.8');
  await expect(hostileRow).toContainText('loss (eval) 0.25');
  await expect(hostileRow).toContainText('C=<i>0-5</i>');
  await expect(hostileRow).toContainText('team=<script>alert(1)</script>');
  await expect(table(page).locator('img, b, i, script')).toHaveCount(0);
  await expect(
    hostileRow.getByRole('link', { name: `${m.registered} v${m.version.version}` }),
  ).toHaveAttribute('href', `/models/${encodeURIComponent(m.registered)}/versions/1`);
  // Never finalized, as a log_model cut short leaves it.
  await expect(row(page, m.secondName)).toContainText('Pending');
  await expect(row(page, m.otherName)).toContainText('Ready');
});

test('a model opens above the list, and its registered version links back to it', async ({
  page,
}) => {
  const m = await ownModels('lm-detail');
  await page.goto(`/experiments/${m.experimentId}?view=models`);
  await row(page, m.hostile).getByRole('link', { name: m.hostile, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]model=${m.scored}`));

  const detail = page.getByRole('region', { name: m.hostile });
  await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(detail).toContainText(m.scored);
  const metrics = detail.getByRole('table', { name: 'Logged model metrics' });
  await expect(metrics.getByRole('row')).toHaveCount(3); // header, acc, loss on eval
  await expect(metrics.getByRole('row').filter({ hasText: 'acc' })).toContainText('0.91');
  await expect(metrics.getByRole('row').filter({ hasText: 'loss' })).toContainText('eval');
  const params = detail.getByRole('table', { name: 'Logged model parameters' });
  await expect(params.getByRole('row').filter({ hasText: 'penalty' })).toContainText('l2');

  // To the version registered from it, and back through the version's "Logged model" link.
  await detail.getByRole('link', { name: `${m.registered} v1` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(m.registered);
  await page.getByRole('link', { name: m.scored, exact: true }).click();
  await expect(page).toHaveURL(
    `/experiments/${m.experimentId}?view=models&model=${encodeURIComponent(m.scored)}`,
  );
  await expect(page.getByRole('region', { name: m.hostile })).toContainText(m.scored);

  // Closing keeps the view.
  await page.getByRole('link', { name: 'Close' }).click();
  await expect(page).toHaveURL(`/experiments/${m.experimentId}?view=models`);
  await expect(page.getByRole('region', { name: m.hostile })).toHaveCount(0);
});

test('the run page lists the models its run logged, each opening in the Models view', async ({
  page,
}) => {
  const m = await ownModels('lm-run');
  await page.goto(`/experiments/${m.experimentId}/runs/${m.runA.run_id}`);
  const section = page.getByRole('region', { name: 'Logged models' });
  const expected = await mlflowLoggedModels.search(
    m.experimentId,
    `source_run_id = '${m.runA.run_id}'`,
  );
  expect(expected.map((x) => x.model_id).sort()).toEqual([m.scored, m.second].sort());
  await expect.poll(() => nameCells(page)).toEqual(expected.map((x) => x.name));
  await expect(section.locator('img, b, i, script')).toHaveCount(0);

  await section.getByRole('link', { name: m.hostile, exact: true }).click();
  await expect(page).toHaveURL(
    `/experiments/${m.experimentId}?view=models&model=${encodeURIComponent(m.scored)}`,
  );
  await expect(page.getByRole('region', { name: m.hostile })).toBeVisible();

  // A run that logged none says so.
  const bare = await mlflow.createRun(m.experimentId, uniqueName('lm-bare'));
  await page.goto(`/experiments/${m.experimentId}/runs/${bare.info.run_id}`);
  await expect(page.getByRole('region', { name: 'Logged models' })).toContainText(
    'This run logged no models.',
  );
});

test('more than a page (MLflow gives 50 at most): Load more in the tab, every page on the run', async ({
  page,
}) => {
  const experimentId = await mlflow.createExperiment(uniqueName('/e2e/lm-paging'));
  const run = (await mlflow.createRun(experimentId, uniqueName('lm-paging'))).info;
  const total = 53;
  for (let i = 1; i <= total; i++) {
    await mlflowLoggedModels.create(experimentId, `paged-${String(i).padStart(2, '0')}`, {
      sourceRunId: run.run_id,
    });
  }
  const expected = await mlflowLoggedModels.search(experimentId);
  expect(expected).toHaveLength(total);

  await page.goto(`/experiments/${experimentId}?view=models`);
  await expect(page.getByText('50 logged models, more available')).toBeVisible();
  await expect(table(page)).toHaveAttribute('aria-rowcount', '51');
  await expect
    .poll(async () => (await nameCells(page)).slice(0, 10))
    .toEqual(expected.slice(0, 10).map((x) => x.name));
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.getByText(`${total} logged models`, { exact: true })).toBeVisible();
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  // The last rows, scrolled to, are MLflow's second page.
  await table(page)
    .locator('xpath=..')
    .evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect
    .poll(async () => (await nameCells(page)).slice(-3))
    .toEqual(expected.slice(-3).map((x) => x.name));

  // The run page reads every page before it shows the list.
  await page.goto(`/experiments/${experimentId}/runs/${run.run_id}`);
  const section = page.getByRole('region', { name: 'Logged models' });
  await expect(section.getByRole('table')).toHaveAttribute('aria-rowcount', String(total + 1));
});

test('the seeded experiment’s Models tab lists the models its runs logged', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const expected = await mlflowLoggedModels.search(churn.id);
  expect(expected.length).toBeGreaterThan(0);
  await page.goto(`/experiments/${churn.id}?view=models`);
  await expect.poll(() => nameCells(page)).toEqual(expected.map((x) => x.name));
  // The fourth column: each model's source run, linked.
  const links = await table(page).locator('tbody tr:not([aria-hidden]) td:nth-child(4) a').all();
  const hrefs = await Promise.all(links.map((link) => link.getAttribute('href')));
  expect(hrefs).toEqual(
    expected.map((x) => `/experiments/${churn.id}/runs/${x.source_run_id ?? ''}`),
  );
});

test.describe('a server without logged models', () => {
  holdFaultProxyPerTest();
  test.use({
    baseURL: process.env.E2E_FAULTY_PARALLAX_URL,
    // Chromium logs each 404 answer as a console error.
    expectedConsoleErrors: [/Failed to load resource/],
  });

  // What MLflow 2.x (Flask) answers for a route it does not have.
  const flask404 = {
    kind: 'status' as const,
    status: 404,
    path: '/logged-models',
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server.</p>\n',
  };

  test('hides the Models tab and the run page’s list, and says why where asked', async ({
    page,
  }) => {
    const m = await ownModels('lm-2x');
    const runUrl = `/experiments/${m.experimentId}/runs/${m.runA.run_id}`;
    // The same pages on the real (3.x) server, through the same proxy: both are there.
    await page.goto(runUrl);
    await expect(page.getByRole('region', { name: 'Logged models' })).toContainText(m.hostile);
    await page.goto(`/experiments/${m.experimentId}`);
    await expect(viewSwitch(page).getByRole('button', { name: 'Models' })).toBeVisible();

    await setFault(faultControl(), flask404);
    await page.goto(`/experiments/${m.experimentId}?view=models`);
    await expect(page.getByText('This MLflow server has no logged models')).toBeVisible();
    await viewSwitch(page).getByRole('button', { name: 'Table' }).click();
    await expect(viewSwitch(page).getByRole('button')).toHaveText(['Table', 'Charts']);

    await page.goto(runUrl);
    await expect(page.getByRole('region', { name: 'Tags' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Logged models' })).toHaveCount(0);

    // A version's link to its logged model says what the 404 means.
    await page.goto(`/logged-models/${m.scored}`);
    await expect(page.getByText('does not serve logged models')).toBeVisible();
  });
});
