// Quotes inside filter values, against the real server: the filter bar accepts every quoted form
// MLflow accepts, and the table shows exactly the runs MLflow's own search returns for it. Which
// runs those are is MLflow's to say (it compares the text between the outer quotes as written, so
// `'Ada''s run'` is the name Ada''s run); each test asks the API rather than assuming.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { mlflow, mlflowRun } from './support/mlflow-api';
import { ownRun } from './support/own-run';

const table = (page: Page) => page.getByTestId('runs-table');
const filterBox = (page: Page) => page.getByRole('combobox', { name: 'Filter runs' });

async function shownRunNames(page: Page): Promise<string[]> {
  const grid = page
    .getByRole('grid', { name: 'Runs' })
    .or(page.getByRole('table', { name: 'Runs' }));
  const names = await grid.getByRole('row').getByRole('link').allInnerTexts();
  return names.map((n) => n.trim()).sort();
}

/** Names of the runs MLflow's own search returns for `filter`, sorted. */
async function mlflowNames(experimentId: string, filter: string): Promise<string[]> {
  const runs = await mlflow.searchRuns(experimentId, filter);
  return runs.map((r) => r.info.run_name ?? r.info.run_id).sort();
}

/** An experiment of its own whose run names differ only in their quotes. */
async function quotedRuns() {
  const { experimentId, name } = await ownRun('filter-quotes');
  const names = ["Ada's run", "Ada''s run", 'say "hi"', 'say ""hi""'];
  const runs = await Promise.all(names.map((n) => mlflow.createRun(experimentId, n)));
  return { experimentId, total: names.length + 1, runs, other: name };
}

async function applyFilter(page: Page, filter: string) {
  await filterBox(page).fill(filter);
  await filterBox(page).press('Enter');
  await expect(filterBox(page)).not.toHaveAttribute('aria-invalid', 'true');
  await expect.poll(() => new URL(page.url()).searchParams.get('filter')).toBe(filter);
}

test('doubled quotes filter to exactly the runs MLflow returns for the same filter', async ({
  page,
}) => {
  const { experimentId, total } = await quotedRuns();
  await page.goto(`/experiments/${experimentId}`);
  await expect(table(page)).toHaveAttribute('data-loaded-count', String(total));

  for (const filter of [
    "attributes.run_name = 'Ada''s run'",
    'attributes.run_name = "say ""hi"""',
    // The form that matches a name with one single quote in it.
    `attributes.run_name = "Ada's run"`,
  ]) {
    const expected = await mlflowNames(experimentId, filter);
    // One run of the near-identical names, so that a parser that dropped or changed a quote shows
    // a different row (or none) than MLflow does.
    expect(expected, filter).toHaveLength(1);
    await applyFilter(page, filter);
    await expect(table(page)).toHaveAttribute('data-loaded-count', '1');
    // Polled: the previous filter's one row is still shown until this filter's answer replaces it.
    await expect.poll(() => shownRunNames(page), { message: filter }).toEqual(expected);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
});

test('a suggested value with a quote in it reads back as the value', async ({ page }) => {
  const { experimentId, runs, total } = await quotedRuns();
  const [ada, adaDoubled] = runs;
  if (!ada || !adaDoubled) throw new Error('the runs were not created');
  await mlflowRun.setTag(ada.info.run_id, 'author', "Ada's");
  await mlflowRun.setTag(adaDoubled.info.run_id, 'author', "Ada''s");
  await page.goto(`/experiments/${experimentId}`);
  await expect(table(page)).toHaveAttribute('data-loaded-count', String(total));

  const box = filterBox(page);
  await box.click();
  await box.pressSequentially('tags.author = ');
  // Carried by the other kind of quote: MLflow unescapes nothing inside a literal.
  const option = page.getByRole('option', { name: `"Ada's"`, exact: true });
  await expect(option).toBeVisible();
  await option.click();
  await expect(box).toHaveValue(`tags.author = "Ada's" `);
  await box.press('Escape');
  await box.press('Enter');

  const filter = `tags.author = "Ada's"`;
  await expect.poll(() => new URL(page.url()).searchParams.get('filter')).toBe(filter);
  expect(await mlflowNames(experimentId, filter)).toEqual(["Ada's run"]);
  await expect(table(page)).toHaveAttribute('data-loaded-count', '1');
  expect(await shownRunNames(page)).toEqual(["Ada's run"]);
});
