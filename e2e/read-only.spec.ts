// PARALLAX_READ_ONLY=1: the UI offers no change at all. Every page is checked twice, against the
// normal Parallax (the actions are there, so the test can fail) and the read-only one (none are).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';

function readOnlyUrl(): string {
  const url = process.env.E2E_READONLY_PARALLAX_URL;
  if (!url) throw new Error('E2E_READONLY_PARALLAX_URL is not set: run through playwright');
  return url;
}

/** Waits until the page knows which Parallax it is on (the config answered). */
async function configKnown(page: Page, readOnly: boolean) {
  await expect(page.locator('.backend-label')).toHaveText(/MLflow/);
  if (readOnly) await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  else await expect(page.getByText('Read-only', { exact: true })).toHaveCount(0);
}

/** Buttons (or forms) that change something; `shown` says whether they must all be there or none. */
async function expectActions(page: Page, names: (string | RegExp)[], shown: boolean) {
  for (const name of names) {
    const button = page.getByRole('button', { name, exact: typeof name === 'string' });
    if (shown) await expect(button.first(), `${String(name)} shown`).toBeVisible();
    else await expect(button, `${String(name)} hidden`).toHaveCount(0);
  }
}

for (const mode of ['normal', 'read-only'] as const) {
  const readOnly = mode === 'read-only';

  test(`${mode}: experiments, a selected run and a run page ${readOnly ? 'offer no change' : 'offer their changes'}`, async ({
    page,
  }) => {
    const base = readOnly ? readOnlyUrl() : (process.env.E2E_PARALLAX_URL ?? '');
    const { churn } = readManifest().experiments;

    // The experiments list: create, rename, delete.
    await page.goto(`${base}/experiments`);
    await configKnown(page, readOnly);
    await expect(
      page.getByRole('table', { name: 'Experiments' }).getByRole('row').nth(1),
    ).toBeVisible();
    await expectActions(page, ['New experiment', /^Rename /, /^Delete /], !readOnly);

    // An experiment: its description and tags, then its runs table with a row selected:
    // compare stays, delete goes.
    await page.goto(`${base}/experiments/${churn.id}`);
    await configKnown(page, readOnly);
    await expectActions(page, ['Edit description', 'Add tag'], !readOnly);
    const grid = page.getByRole('grid', { name: 'Runs' });
    await grid.getByRole('checkbox', { name: 'Select run-02' }).click();
    await expect(page.getByText('1 run selected')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Compare' })).toBeVisible();
    await expectActions(page, ['Delete'], !readOnly);
    await page.getByLabel('Lifecycle').selectOption('all');
    await grid.getByRole('checkbox', { name: 'Select run-03' }).click();
    await expect(page.getByText('2 runs selected')).toBeVisible();
    await expectActions(page, ['Delete', 'Restore'], !readOnly);

    // A run page: rename, delete, tags, description.
    const xss = (churn as unknown as { xss_run_id: string }).xss_run_id;
    await page.goto(`${base}/experiments/${churn.id}/runs/${xss}`);
    await configKnown(page, readOnly);
    await expect(page.getByRole('table', { name: 'Tags' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Description' })).toContainText('bold markdown');
    await expectActions(
      page,
      ['Rename', 'Delete', 'Edit description', /^Edit domain$/, /^Delete domain$/, 'Add tag'],
      !readOnly,
    );
    const addTag = page.getByRole('form', { name: 'Add a tag' });
    if (readOnly) await expect(addTag).toHaveCount(0);
    else await expect(addTag).toBeVisible();
    // Nothing on the page is editable but the params search.
    if (readOnly) await expect(page.getByRole('textbox')).toHaveCount(0);
  });

  test(`${mode}: a model and its version ${readOnly ? 'offer no change' : 'offer their changes'}`, async ({
    page,
  }) => {
    const base = readOnly ? readOnlyUrl() : (process.env.E2E_PARALLAX_URL ?? '');
    const model = encodeURIComponent(readManifest().experiments.hostile.model_name);
    await page.goto(`${base}/models/${model}`);
    await configKnown(page, readOnly);
    await expect(page.getByRole('table', { name: 'Model versions' })).toBeVisible();
    await expectActions(page, ['Rename', 'Delete model', 'Edit description'], !readOnly);
    await page.goto(`${base}/models/${model}/versions/1`);
    await configKnown(page, readOnly);
    await expect(page.getByRole('region', { name: 'Load it' })).toBeVisible();
    await expectActions(
      page,
      ['Change stage', 'Set alias', 'Delete version', 'Edit description', /^Remove alias /],
      !readOnly,
    );
  });
}
