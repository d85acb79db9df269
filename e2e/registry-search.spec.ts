// The models list searched in MLflow's filter grammar, against the real registry. Each test makes
// models of its own with a unique name prefix and a unique tag value; what the list shows is
// compared with MLflow's own answer to the same filter.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { mlflowRegistry, uniqueName } from './support/mlflow-api';

/** Three models (two on the team) and a prompt on the team, all named `<prefix>-…`. */
async function ownModels() {
  const prefix = uniqueName('e2e-msearch');
  const team = uniqueName('team');
  await mlflowRegistry.createModel(`${prefix}-a`, '', { team, tier: 'gold' });
  await mlflowRegistry.createModel(`${prefix}-b`, '', { team });
  await mlflowRegistry.createModel(`${prefix}-c`, '', { team: `${team}-other` });
  await mlflowRegistry.createModel(`${prefix}-p`, '', { team, 'mlflow.prompt.is_prompt': 'true' });
  return { prefix, team };
}

const searchBox = (page: Page) => page.getByLabel('Search models by name or filter');
const rows = (page: Page) =>
  page.getByRole('table', { name: 'Registered models' }).locator('tbody tr');
/** The search the URL holds (what the list was asked for). */
const appliedSearch = (page: Page) => new URL(page.url()).searchParams.get('q');
const names = (page: Page) => rows(page).locator('td:first-child').allTextContents();

test('a tags filter lists what MLflow lists for it, keeps prompts apart, and survives a reload', async ({
  page,
}) => {
  const { prefix, team } = await ownModels();
  const filter = `tags.team = '${team}'`;
  await page.goto('/models');
  await searchBox(page).fill(filter);
  await expect.poll(() => appliedSearch(page)).toBe(filter);
  await expect(rows(page)).toHaveCount(2);
  // MLflow's own search leaves prompts out unless the filter asks for them.
  const expected = await mlflowRegistry.searchModels(filter, ['name ASC']);
  expect(expected).toEqual([`${prefix}-a`, `${prefix}-b`]);
  expect(await names(page)).toEqual(expected);

  // Two conditions, a LIKE on a tag and a name IN list, as MLflow reads them.
  const narrower = `tags.tier LIKE 'go%' AND name IN ('${prefix}-a', '${prefix}-c')`;
  await searchBox(page).fill(narrower);
  await expect(rows(page)).toHaveCount(1);
  expect(await names(page)).toEqual(await mlflowRegistry.searchModels(narrower, ['name ASC']));
  await expect(rows(page)).toContainText(`${prefix}-a`);

  await searchBox(page).fill(filter);
  await expect(rows(page)).toHaveCount(2);
  await page.reload();
  await expect(searchBox(page)).toHaveValue(filter);
  await expect(rows(page)).toHaveCount(2);
  expect(await names(page)).toEqual(expected);

  // Prompts stay apart under the filter: the prompts view shows only the team's prompt.
  await page.getByLabel('Show').selectOption('prompts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prompts');
  await expect(page.getByLabel('Search prompts by name or filter')).toHaveValue(filter);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText(`${prefix}-p`);
});

test('a plain word still searches names', async ({ page }) => {
  const { prefix } = await ownModels();
  await page.goto('/models');
  await searchBox(page).fill(prefix);
  await expect(rows(page)).toHaveCount(3);
  expect(await names(page)).toEqual([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);
  expect(await names(page)).toEqual(
    await mlflowRegistry.searchModels(`name ILIKE '%${prefix}%'`, ['name ASC']),
  );
});

test('a filter MLflow would refuse is marked where it goes wrong, and the list stays as it was', async ({
  page,
}) => {
  const { prefix, team } = await ownModels();
  await page.goto(`/models?q=${encodeURIComponent(prefix)}`);
  await expect(rows(page)).toHaveCount(3);

  const box = searchBox(page);
  await box.fill(`tags.team < '${team}'`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('< is not supported for a tag');
  await expect(alert).toContainText('(column 11)');
  await expect(page.getByTestId('filter-error-token')).toHaveText('<');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  // Nothing was applied: the URL keeps the name search and so does the list.
  await page.waitForTimeout(600); // past the box's debounce, so a commit would have happened
  expect(appliedSearch(page)).toBe(prefix);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByText('Could not load registered models')).toHaveCount(0);

  // Fixing it (keyboard only) clears the mark and applies it.
  await box.press('End');
  await box.press('Control+a');
  await box.pressSequentially(`tags.team = '${team}'`);
  await expect(alert).toHaveCount(0);
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
  await expect(rows(page)).toHaveCount(2);

  // A broken filter from a link is marked as soon as the page opens.
  await page.goto(`/models?q=${encodeURIComponent("name = 'x' OR name = 'y'")}`);
  await expect(page.getByRole('alert')).toContainText('OR is not supported by MLflow');
  await expect(page.getByTestId('filter-error-token')).toHaveText('OR');
  await expect(page.getByText('Fix the filter above')).toBeVisible();
});
