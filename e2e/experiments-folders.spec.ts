// The experiments list's folder view: workspace paths (`/Shared/…`, `/Users/<email>/…`) as
// collapsible folders beside the flat list, the choice kept in the URL, search filtering across
// every folder (folders holding a match open), all of it reachable from the keyboard.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflow, uniqueName } from './support/mlflow-api';

/** A folder's toggle by its path (`/Shared/e2e`): a name alone can stand in several places. */
const folder = (page: Page, path: string) =>
  page
    .getByRole('group', { name: 'Experiments by folder' })
    .getByRole('button', {
      name: new RegExp(`^${path.split('/').at(-1) ?? ''} \\d+ experiments?$`),
    })
    .and(page.locator(`[title="${path}"]`));
const folderOf = (page: Page, name: string, count: number) =>
  page.getByRole('group', { name: 'Experiments by folder' }).getByRole('button', {
    name: `${name} ${count} ${count === 1 ? 'experiment' : 'experiments'}`,
  });
const link = (page: Page, name: string) =>
  page
    .getByRole('group', { name: 'Experiments by folder' })
    .getByRole('link', { name, exact: true });

test('the seeded /Shared/e2e experiments open folder by folder, from the keyboard too', async ({
  page,
}) => {
  const { churn } = readManifest().experiments;
  // Sorted by name, paths (`/…`) come first: the seed's experiments are on the first page.
  await page.goto('/experiments?sort=name');
  const layout = page.getByRole('group', { name: 'Layout' });
  await layout.getByRole('button', { name: 'Folders' }).click();
  await expect(layout.getByRole('button', { name: 'Folders' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => new URL(page.url()).searchParams.get('layout')).toBe('folders');

  const shared = folder(page, '/Shared');
  await expect(shared).toHaveAttribute('aria-expanded', 'false');
  await expect(link(page, 'churn')).toHaveCount(0);
  await shared.click();
  await expect(shared).toHaveAttribute('aria-expanded', 'true');

  const e2e = folder(page, '/Shared/e2e');
  await e2e.focus();
  await page.keyboard.press('Enter');
  await expect(e2e).toHaveAttribute('aria-expanded', 'true');
  await expect(link(page, 'churn')).toBeVisible();
  // A name holding HTML is shown as its text.
  await expect(link(page, 'hostile <img src=x onerror="window.__pwned=1">')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();

  await page.keyboard.press('Space');
  await expect(e2e).toHaveAttribute('aria-expanded', 'false');
  await expect(link(page, 'churn')).toHaveCount(0);

  // The layout survives a reload (the URL holds it); the folders start closed again.
  await page.reload();
  await expect(layout.getByRole('button', { name: 'Folders' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await folder(page, '/Shared').click();
  await folder(page, '/Shared/e2e').click();
  await link(page, 'churn').click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${churn.id}(?:[/?]|$)`));
});

test('a search filters across every folder and opens those holding a match', async ({ page }) => {
  const token = uniqueName('folders');
  const names = [`/Shared/${token}/a/one`, `/Shared/${token}/a/two`, `/Shared/${token}/b/three`];
  for (const name of names) await mlflow.createExperiment(name);
  await mlflow.createExperiment(`/Users/ada@example.com/${token}-elsewhere`);
  await mlflow.createExperiment(uniqueName('/Shared/other') + '/unrelated');

  await page.goto(`/experiments?layout=folders&q=${encodeURIComponent(`${token}/`)}`);
  // Only the three under the token's folder match: every folder on their way is open.
  await expect(folderOf(page, 'Shared', 3)).toHaveAttribute('aria-expanded', 'true');
  await expect(folderOf(page, token, 3)).toHaveAttribute('aria-expanded', 'true');
  await expect(folderOf(page, 'a', 2)).toHaveAttribute('aria-expanded', 'true');
  await expect(folderOf(page, 'b', 1)).toHaveAttribute('aria-expanded', 'true');
  for (const leaf of ['one', 'two', 'three']) await expect(link(page, leaf)).toBeVisible();
  await expect(folder(page, '/Users')).toHaveCount(0);

  // A folder can still be closed while the search is shown.
  await folderOf(page, 'a', 2).focus();
  await page.keyboard.press('Enter');
  await expect(link(page, 'one')).toHaveCount(0);
  await expect(link(page, 'three')).toBeVisible();

  // A wider search also finds the experiment under /Users.
  const search = page.getByRole('searchbox', { name: 'Search experiments' });
  await search.fill(token);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(token);
  await expect(folderOf(page, 'Users', 1)).toHaveAttribute('aria-expanded', 'true');
  await expect(link(page, `${token}-elsewhere`)).toBeVisible();
  // A new search opens every folder again.
  await expect(link(page, 'one')).toBeVisible();

  // The row actions are there too: delete one, confirmed, checked in MLflow.
  const threeName = names[2] ?? '';
  await page.getByRole('button', { name: `Delete ${threeName}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete experiment?' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(link(page, 'three')).toHaveCount(0);
  await expect(folder(page, `/Shared/${token}/b`)).toHaveCount(0);
  const deleted = await mlflow.findExperiment(threeName);
  expect(deleted?.lifecycle_stage).toBe('deleted');
});
