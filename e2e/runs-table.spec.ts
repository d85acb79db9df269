import type { Locator, Page } from '@playwright/test';
import { parseMetricValue } from '../src/api/client';
import type { Run } from '../src/api/types';
import { formatMetric } from '../src/lib/format';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflow, searchRunsOrdered, uniqueName } from './support/mlflow-api';

const runName = (run: Run) => run.info.run_name ?? run.info.run_id;
const metric = (run: Run, key: string) =>
  parseMetricValue(run.data?.metrics?.find((m) => m.key === key)?.value);
const param = (run: Run, key: string) => run.data?.params?.find((p) => p.key === key)?.value;

const grid = (page: Page) => page.getByRole('grid', { name: 'Runs' });
const rowOf = (page: Page, name: string) =>
  grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

/** Run names of the body rows in display order (rows in view; small experiments fit). */
async function rowNames(table: Locator): Promise<string[]> {
  return table.locator('tbody tr[data-run-id] .runs-name').allInnerTexts();
}

async function loaded(page: Page, count: number) {
  const root = page.getByTestId('runs-table');
  await expect(root).toHaveAttribute('data-complete', 'true');
  await expect(root).toHaveAttribute('data-loaded-count', String(count));
}

test('nested runs expand under their parent, and the URL keeps it', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  const parent = runs.find((r) => r.info.run_id === churn.parent_run_id);
  const children = runs.filter((r) => churn.child_run_ids?.includes(r.info.run_id));
  if (!parent || children.length === 0) throw new Error('the seed has no parent with children');
  await page.goto(`/experiments/${churn.id}`);
  await loaded(page, runs.length);

  const toggle = rowOf(page, runName(parent)).getByRole('button', { name: /^Child runs of/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  for (const child of children) await expect(rowOf(page, runName(child))).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const names = await rowNames(grid(page));
  const at = names.indexOf(runName(parent));
  // The children follow their parent directly, indented.
  expect(names.slice(at + 1, at + 1 + children.length).sort()).toEqual(
    children.map(runName).sort(),
  );
  await expect(page).toHaveURL(new RegExp(`open=${parent.info.run_id}`));

  await page.reload();
  await expect(
    rowOf(page, runName(parent)).getByRole('button', { name: /^Child runs of/ }),
  ).toHaveAttribute('aria-expanded', 'true');
  await expect(rowOf(page, runName(children[0] as Run))).toHaveCount(1);
});

test('the column chooser hides, shows and pins a column, and a reload keeps it', async ({
  page,
}) => {
  const { churn } = readManifest().experiments;
  await page.goto(`/experiments/${churn.id}`);
  const header = grid(page).getByRole('columnheader', { name: 'accuracy', exact: true });
  await expect(header).toBeVisible();

  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns' });
  await chooser.getByRole('button', { name: 'Hide accuracy' }).click();
  await expect(header).toHaveCount(0);

  await chooser.getByRole('searchbox', { name: 'Search columns' }).fill('accur');
  await expect(chooser.getByText('1 key')).toBeVisible();
  // The URL update behind the checkbox lands a moment after the click (a router transition).
  await chooser.getByRole('checkbox', { name: 'metric accuracy' }).click();
  await expect(chooser.getByRole('checkbox', { name: 'metric accuracy' })).toBeChecked();
  await chooser.getByRole('button', { name: 'Pin accuracy' }).click();
  await expect(chooser.getByRole('button', { name: 'Pin accuracy' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await chooser.getByRole('button', { name: 'Done' }).click();

  const texts = async () =>
    (await grid(page).getByRole('columnheader').allInnerTexts()).map((t) =>
      t.split('\n').at(-1)?.trim(),
    );
  // Pinned: right after the name, before the run attributes, and sticky.
  const order = await texts();
  expect(order.indexOf('accuracy')).toBe(order.indexOf('Name') + 1);
  await expect(header).toHaveClass(/is-sticky/);

  await page.reload();
  await expect(header).toHaveClass(/is-sticky/);
  const after = await texts();
  expect(after).toEqual(order);
});

test('shift-click selects a range and Compare opens exactly those runs', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  await page.goto(`/experiments/${churn.id}`);
  await loaded(page, runs.length);
  const rows = grid(page).locator('tbody tr[data-run-id]');
  const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-run-id')));
  await rows.nth(1).getByRole('checkbox').click();
  await rows
    .nth(4)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByText('4 runs selected')).toBeVisible();
  for (const i of [1, 2, 3, 4]) await expect(rows.nth(i).getByRole('checkbox')).toBeChecked();
  await expect(rows.nth(0).getByRole('checkbox')).not.toBeChecked();
  await expect(rows.nth(5).getByRole('checkbox')).not.toBeChecked();

  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/compare\?runs=/);
  const url = new URL(page.url());
  expect(url.searchParams.get('runs')?.split(',')).toEqual(ids.slice(1, 5));
});

test('delete and restore selected runs, verified through the API', async ({ page }) => {
  const experimentId = await mlflow.createExperiment(uniqueName('e2e-runs-lifecycle'));
  const created = [];
  for (const name of ['keep', 'drop-a', 'drop-b']) {
    created.push(await mlflow.createRun(experimentId, name));
  }
  await page.goto(`/experiments/${experimentId}`);
  await loaded(page, 3);
  await rowOf(page, 'drop-a').getByRole('checkbox').click();
  await rowOf(page, 'drop-b').getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 2 runs?' });
  await dialog.getByRole('button', { name: 'Delete 2 runs' }).click();
  await expect(dialog).toBeHidden();
  await loaded(page, 1);

  const active = await mlflow.searchRuns(experimentId);
  expect(active.map(runName)).toEqual(['keep']);
  const deleted = await mlflow.searchRuns(experimentId, '', 'DELETED_ONLY');
  expect(deleted.map(runName).sort()).toEqual(['drop-a', 'drop-b']);

  await page.getByLabel('Lifecycle').selectOption('deleted');
  await expect(page).toHaveURL(/lifecycle=deleted/);
  await loaded(page, 2);
  await page.getByRole('checkbox', { name: 'Select all runs' }).check();
  await page.getByRole('button', { name: 'Restore' }).click();
  await loaded(page, 0);
  expect((await mlflow.searchRuns(experimentId)).length).toBe(3);
  expect(await mlflow.searchRuns(experimentId, '', 'DELETED_ONLY')).toEqual([]);
});

test('the URL reproduces sort, columns, lifecycle, grouping and expanded runs', async ({
  page,
}) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  const parent = runs.find((r) => r.info.run_id === churn.parent_run_id);
  if (!parent) throw new Error('the seed has no parent run');
  await page.goto(`/experiments/${churn.id}`);
  await loaded(page, runs.length);

  const sortHeader = grid(page).getByRole('columnheader', { name: 'loss', exact: true });
  await sortHeader.getByRole('button').click();
  if ((await sortHeader.getAttribute('aria-sort')) !== 'ascending')
    await sortHeader.getByRole('button').click();
  await expect(sortHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('button', { name: 'Hide f1' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByLabel('Lifecycle').selectOption('all');
  await page.getByLabel('Group by').selectOption('params.max_depth');
  await rowOf(page, runName(parent))
    .getByRole('button', { name: /^Child runs of/ })
    .click();

  const check = async () => {
    await expect(sortHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(grid(page).getByRole('columnheader', { name: 'f1', exact: true })).toHaveCount(0);
    await expect(page.getByLabel('Lifecycle')).toHaveValue('all');
    await expect(page.getByLabel('Group by')).toHaveValue('params.max_depth');
    await expect(grid(page).locator('.runs-group-row')).not.toHaveCount(0);
    await expect(
      rowOf(page, runName(parent)).getByRole('button', { name: /^Child runs of/ }),
    ).toHaveAttribute('aria-expanded', 'true');
  };
  await check();
  const url = page.url();
  await page.reload();
  await check();
  // A pasted link in a fresh tab shows the same view.
  const other = await page.context().newPage();
  await other.goto(url);
  const saved = page;
  page = other;
  await check();
  page = saved;
});

test('group by a param shows each group’s run count and metric stats as the API has them', async ({
  page,
}) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  await page.goto(`/experiments/${churn.id}?group=params.C`);
  await loaded(page, runs.length);
  const values = [...new Set(runs.map((r) => param(r, 'C')).filter((v) => v !== undefined))];
  expect(values.length).toBeGreaterThan(1);
  for (const value of values) {
    const members = runs.filter((r) => param(r, 'C') === value);
    const acc = members.map((r) => metric(r, 'accuracy')).filter(Number.isFinite);
    const row = grid(page)
      .locator('.runs-group-row')
      .filter({ has: page.getByRole('button', { name: new RegExp(`^▾? ?${value} \\(`) }) });
    await expect(row).toContainText(`(${members.length} ${members.length === 1 ? 'run' : 'runs'})`);
    const cell = row.locator('td[data-column="metrics.accuracy"]');
    await expect(cell.locator('[data-stat=min]')).toHaveText(formatMetric(Math.min(...acc)));
    await expect(cell.locator('[data-stat=max]')).toHaveText(formatMetric(Math.max(...acc)));
    const mean = acc.reduce((s, v) => s + v, 0) / acc.length;
    await expect(cell.locator('[data-stat=mean]')).toHaveText(`μ ${formatMetric(mean)}`);
  }
  // Collapsing a group hides its runs.
  const first = grid(page).locator('.runs-group-row').first().getByRole('button');
  await first.click();
  await expect(first).toHaveAttribute('aria-expanded', 'false');
});

test('once every run is loaded, a client-side sort matches MLflow’s order_by', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  await page.goto(`/experiments/${churn.id}`);
  await loaded(page, runs.length);
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('runs/search')) requests.push(r.url());
  });
  for (const [label, orderBy] of [
    ['C', 'params.`C` ASC'],
    ['accuracy', 'metrics.`accuracy` DESC'],
  ] as const) {
    const header = grid(page).getByRole('columnheader', { name: label, exact: true });
    const want = orderBy.endsWith('ASC') ? 'ascending' : 'descending';
    await header.getByRole('button').click();
    if ((await header.getAttribute('aria-sort')) !== want) await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', want);
    const expected = (await searchRunsOrdered(churn.id, [orderBy])).map(runName);
    // Top-level rows only: children sit under their collapsed parent.
    const topLevel = expected.filter((name) => {
      const run = runs.find((r) => runName(r) === name);
      return !run?.data?.tags?.some((t) => t.key === 'mlflow.parentRunId');
    });
    await expect.poll(() => rowNames(grid(page))).toEqual(topLevel);
  }
  expect(requests, 'no new request for a sort once all runs are loaded').toEqual([]);
});

test('keyboard: j/k move, x selects, Enter opens the run', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  await page.goto(`/experiments/${churn.id}`);
  await loaded(page, runs.length);
  const table = grid(page);
  const rows = table.locator('tbody tr[data-run-id]');
  const names = await rowNames(table);
  await table.focus();
  await page.keyboard.press('j');
  await expect(rows.nth(0)).toHaveClass(/is-focused/);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(rows.nth(2)).toHaveClass(/is-focused/);
  await page.keyboard.press('x');
  await expect(rows.nth(2).getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('k');
  await expect(rows.nth(1)).toHaveClass(/is-focused/);
  await expect(rows.nth(1).getByRole('checkbox')).not.toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: names[1], level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/runs\//);
});
