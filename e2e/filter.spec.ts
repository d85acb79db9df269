import type { Page, Request } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflow } from './support/mlflow-api';

const runName = (run: { info: { run_name?: string; run_id: string } }) =>
  run.info.run_name ?? run.info.run_id;

/** The filters of every runs/search request the page sends (observed, never altered). */
function recordSearchFilters(page: Page): string[] {
  const filters: string[] = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().includes('/runs/search')) return;
    const body = request.postDataJSON() as { filter?: string } | null;
    filters.push(body?.filter ?? '');
  });
  return filters;
}

const table = (page: Page) => page.getByTestId('runs-table');
const filterBox = (page: Page) => page.getByRole('combobox', { name: 'Filter runs' });

async function shownRunNames(page: Page): Promise<string[]> {
  const grid = page
    .getByRole('grid', { name: 'Runs' })
    .or(page.getByRole('table', { name: 'Runs' }));
  const names = await grid.getByRole('row').getByRole('link').allInnerTexts();
  return names.map((n) => n.trim()).sort();
}

async function openChurn(page: Page) {
  const { churn } = readManifest().experiments;
  const all = await mlflow.searchRuns(churn.id);
  await page.goto(`/experiments/${churn.id}`);
  await expect(table(page)).toHaveAttribute('data-loaded-count', String(all.length));
  return { churn, all };
}

test('a valid filter narrows the rows to what MLflow returns, lives in the URL and survives reload', async ({
  page,
}) => {
  const { churn, all } = await openChurn(page);
  const filter = "metrics.accuracy > 0.8 AND tags.domain = 'churn'";
  const expected = (await mlflow.searchRuns(churn.id, filter)).map(runName).sort();
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(all.length);

  await filterBox(page).fill(filter);
  await filterBox(page).press('Enter');
  await expect(table(page)).toHaveAttribute('data-loaded-count', String(expected.length));
  expect(await shownRunNames(page)).toEqual(expected);
  expect(new URL(page.url()).searchParams.get('filter')).toBe(filter);

  await page.reload();
  await expect(filterBox(page)).toHaveValue(filter);
  await expect(table(page)).toHaveAttribute('data-loaded-count', String(expected.length));
  expect(await shownRunNames(page)).toEqual(expected);

  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(filterBox(page)).toHaveValue('');
  await expect(table(page)).toHaveAttribute('data-loaded-count', String(all.length));
  expect(new URL(page.url()).searchParams.has('filter')).toBe(false);
});

test('a filter with a syntax error is explained, marked, kept, and never sent', async ({
  page,
}) => {
  const sent = recordSearchFilters(page);
  const { churn, all } = await openChurn(page);
  const rowsBefore = await shownRunNames(page);

  const bad = "metrics.accuracy > 0.8 OR tags.domain = 'churn'";
  await filterBox(page).fill(bad);
  await filterBox(page).press('Enter');

  await expect(
    page.getByRole('alert').filter({ hasText: 'OR is not supported by MLflow: use AND' }),
  ).toBeVisible();
  await expect(filterBox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('filter-error-token')).toHaveText('OR');
  // The draft stays for fixing; the previous rows stay on screen.
  await expect(filterBox(page)).toHaveValue(bad);
  await expect(table(page)).toHaveAttribute('data-loaded-count', String(all.length));
  expect(await shownRunNames(page)).toEqual(rowsBefore);
  expect(new URL(page.url()).searchParams.has('filter')).toBe(false);

  // Fixing the filter clears the error; applying it sends it. Requests are observed in order, so
  // had the bad filter been sent, it would be in the list before the good one.
  const good = "metrics.accuracy > 0.8 AND tags.domain = 'churn'";
  await filterBox(page).fill(good);
  await expect(page.getByTestId('filter-error-token')).toBeHidden();
  await filterBox(page).press('Enter');
  const expected = await mlflow.searchRuns(churn.id, good);
  await expect(table(page)).toHaveAttribute('data-loaded-count', String(expected.length));
  expect(sent).toContain(good);
  expect(sent.filter((f) => f.includes(' OR '))).toEqual([]);
});

test('autocomplete offers keys, then comparators, then known values', async ({ page }) => {
  await openChurn(page);
  const box = filterBox(page);
  await box.click();
  await box.pressSequentially('metrics.acc');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const option = page.getByRole('option', { name: 'metrics.accuracy' });
  await expect(option).toBeVisible();

  await box.press('ArrowDown');
  await expect(box).toHaveAttribute(
    'aria-activedescendant',
    (await option.getAttribute('id')) ?? '',
  );
  await box.press('Enter');
  await expect(box).toHaveValue('metrics.accuracy ');
  await expect(page.getByRole('option', { name: '>=' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'LIKE' })).toHaveCount(0);

  await box.fill('');
  await box.pressSequentially("tags.domain = 'c");
  await expect(page.getByRole('option', { name: "'churn'" })).toBeVisible();
  await expect(page.getByRole('option', { name: "'cost'" })).toBeVisible();
  await box.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('listbox')).toHaveCount(0);
});

test.describe('a filter the parser accepts but MLflow refuses', () => {
  // Chromium logs the refused request as a console error.
  test.use({ expectedConsoleErrors: [/status of 400/] });

  test("shows MLflow's error_code and message, and keeps the draft", async ({ page }) => {
    const { churn } = await openChurn(page);
    // Unknown attributes pass the parser on purpose: the list differs between MLflow versions.
    const filter = "attributes.foo = 'x'";
    const direct = await mlflow.searchRuns(churn.id, filter).then(
      () => 'accepted',
      (e: unknown) => String(e),
    );
    expect(direct).toContain('INVALID_PARAMETER_VALUE');

    await filterBox(page).fill(filter);
    await filterBox(page).press('Enter');
    const refusal = page.getByRole('alert').filter({ hasText: 'MLflow refused this filter' });
    await expect(refusal).toContainText('INVALID_PARAMETER_VALUE');
    await expect(refusal).toContainText("Invalid attribute key 'foo'");
    await expect(filterBox(page)).toHaveValue(filter);
  });
});
