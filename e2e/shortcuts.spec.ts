// The `?` overlay: it lists the current page's keyboard shortcuts, opens from the keyboard or the
// header's button, stays shut while `?` is typed into a field, closes on Escape and follows the theme.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';

const overlay = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });
const groupTitles = (page: Page) => overlay(page).getByRole('heading', { level: 3 });

async function openExperiment(page: Page, search = '') {
  const { churn } = readManifest().experiments;
  await page.goto(`/experiments/${churn.id}${search}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return churn;
}

test('? on the Table view lists the runs table, column and filter keys; Escape closes it', async ({
  page,
}) => {
  await openExperiment(page);
  const grid = page.getByTestId('runs-table').getByRole('grid', { name: 'Runs' });
  await grid.focus();
  await page.keyboard.press('?');
  await expect(overlay(page)).toBeVisible();
  await expect(groupTitles(page)).toHaveText([
    'Anywhere',
    'Runs table',
    'Runs table columns',
    'Runs filter',
  ]);
  const table = overlay(page).getByRole('region', { name: 'Runs table', exact: true });
  await expect(table.getByRole('term')).toHaveText(['j / ↓', 'k / ↑', 'x', 'Shift+x', 'Enter']);
  await expect(table.getByRole('definition').first()).toHaveText('Focus the next row');

  await page.keyboard.press('Escape');
  await expect(overlay(page)).toBeHidden();
  await expect(grid).toBeFocused();
});

test('? typed into the filter box is text, not the overlay', async ({ page }) => {
  await openExperiment(page);
  const filter = page.getByRole('combobox', { name: 'Filter runs' });
  // Opened and closed once first, so its code is loaded: a wrong open below would show at once.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(overlay(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(overlay(page)).toBeHidden();

  await filter.click();
  await filter.pressSequentially("tags.note = 'why?");
  await expect(filter).toHaveValue("tags.note = 'why?");
  await filter.press('?');
  await expect(filter).toHaveValue("tags.note = 'why??");
  // Long enough for a lazy chunk already loaded to render (a task, then a commit).
  await page.waitForTimeout(500);
  await expect(overlay(page)).toHaveCount(0);
  await expect(filter).toBeFocused();
});

test('the Charts view lists the chart keys', async ({ page }) => {
  await openExperiment(page, '?view=charts');
  await page.keyboard.press('?');
  await expect(groupTitles(page)).toHaveText(['Anywhere', 'Charts', 'Parallel coordinates']);
  await expect(overlay(page).getByRole('region', { name: 'Charts' }).getByRole('term')).toHaveText([
    '+ / =',
    '- / _',
    '← / →',
    '0 / Esc',
  ]);
});

test('the run page lists chart and artifact keys; the header button opens it, Close returns focus', async ({
  page,
}) => {
  const { churn } = readManifest().experiments;
  await page.goto(`/experiments/${churn.id}/runs/${churn.run_ids[0] ?? ''}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await button.click();
  await expect(groupTitles(page)).toHaveText(['Anywhere', 'Charts', 'Artifacts']);
  await overlay(page).getByRole('button', { name: 'Close' }).click();
  await expect(overlay(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('the experiments list lists / for its search, and the overlay is dark in dark mode', async ({
  page,
}) => {
  await page.goto('/experiments');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Focus off the theme select (a select is a field, where `?` is text).
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  await expect(groupTitles(page)).toHaveText(['Anywhere', 'Experiments']);
  await expect(overlay(page).getByRole('term')).toContainText(['/']);
  // The dark theme's raised surface and text (global.css), not the light ones.
  await expect(overlay(page)).toHaveCSS('background-color', 'rgb(24, 27, 33)');
  await expect(overlay(page).getByText('Go to the search box')).toHaveCSS(
    'color',
    'rgb(228, 230, 234)',
  );
});

test('the compare page lists its keys and the parallel coordinates’ keys', async ({ page }) => {
  const runs = readManifest().experiments.churn.run_ids.slice(0, 2);
  await page.goto(`/compare?runs=${runs.join(',')}`);
  await expect(page.getByRole('table', { name: 'Run differences' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(groupTitles(page)).toHaveText(['Anywhere', 'Compare runs', 'Parallel coordinates']);
  await expect(
    overlay(page).getByRole('region', { name: 'Compare runs' }).getByRole('term'),
  ).toHaveText(['d', 'b']);
});
