// The alias and stage history against the real MLflow registry: every move made in Parallax is
// read back from the model's tags in MLflow, moves made straight through MLflow's API show as
// made outside Parallax, and each rollback is checked in MLflow. Each test has its own model.
import type { Page } from '@playwright/test';
import { faultControl, holdFaultProxyPerTest } from './support/fault-lease';
import { setFault } from './support/fault-proxy';
import { expect, test } from './support/fixtures';
import { mlflowRegistry, mlflowRegistryHistory } from './support/mlflow-api';
import { ownModel } from './support/own-model';

const modelUrl = (name: string) => `/models/${encodeURIComponent(name)}`;
const entries = (page: Page) => page.getByRole('list', { name: 'History' }).getByRole('listitem');

/** The model's history tags as MLflow stores them, oldest first, each value parsed. */
async function records(name: string) {
  return (await mlflowRegistryHistory.tags(name)).map((t) => JSON.parse(t.value) as unknown);
}

async function moveAlias(page: Page, name: string, alias: string, version: string) {
  await page.goto(`${modelUrl(name)}/versions/${version}`);
  await page.getByRole('button', { name: 'Set alias' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Alias').fill(alias);
  await dialog.getByRole('button', { name: `Move @${alias}` }).click();
  await expect(dialog).toBeHidden();
}

async function confirmRollback(page: Page, says: string | RegExp) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(says);
  await dialog.getByRole('button', { name: 'Roll back' }).click();
  await expect(dialog).toBeHidden();
}

test('an alias move made in Parallax is recorded in MLflow and shown; a read-only Parallax offers no rollback', async ({
  page,
}) => {
  const { name } = await ownModel('history-alias', ['None', 'None']);
  await mlflowRegistry.setAlias(name, 'champion', '1');
  // Outside a Databricks App a client's identity header is only a claim: nobody is recorded.
  await page.setExtraHTTPHeaders({ 'X-Forwarded-Email': 'mallory@example.com' });
  await page.goto(modelUrl(name));
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'No alias move or stage change recorded yet',
  );

  const start = Date.now();
  await moveAlias(page, name, 'champion', '2');
  expect((await mlflowRegistry.getModel(name)).aliases).toEqual([
    { alias: 'champion', version: '2' },
  ]);
  const [tag, ...more] = await mlflowRegistryHistory.tags(name);
  expect(more).toEqual([]);
  const key = /^parallax\.history\.(\d{15})\.[0-9a-z]+$/.exec(tag?.key ?? '');
  expect(Number(key?.[1])).toBeGreaterThanOrEqual(start);
  expect(Number(key?.[1])).toBeLessThanOrEqual(Date.now());
  expect(JSON.parse(tag?.value ?? '')).toEqual({
    v: 1,
    kind: 'alias',
    alias: 'champion',
    from: '1',
    to: '2',
    by: null,
  });

  await page.goto(modelUrl(name));
  await expect(entries(page)).toHaveCount(1);
  const entry = entries(page).first();
  await expect(entry).toContainText('@champion');
  await expect(entry).toContainText('v1 → v2');
  await expect(entry).toContainText('by unknown (recorded by Parallax)');
  await expect(entry.locator('time')).toHaveText(/just now|min ago/);
  await expect(entry.getByRole('button', { name: 'Roll back @champion' })).toBeVisible();
  // The record is shown as history, not among the model's tags.
  await expect(page.getByRole('region', { name: 'Tags' })).not.toContainText('parallax.history');

  const readOnly = process.env.E2E_READONLY_PARALLAX_URL ?? '';
  await page.goto(`${readOnly}${modelUrl(name)}`);
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(entries(page).first()).toContainText('v1 → v2');
  await expect(page.getByRole('button', { name: /Roll back/ })).toHaveCount(0);
});

test('rollback restores the previous holder and is recorded; a move made through MLflow directly shows as outside Parallax', async ({
  page,
}) => {
  const { name } = await ownModel('history-rollback', ['None', 'None', 'None']);
  await mlflowRegistry.setAlias(name, 'champion', '1');
  await moveAlias(page, name, 'champion', '2');

  await page.goto(modelUrl(name));
  await entries(page).first().getByRole('button', { name: 'Roll back @champion' }).click();
  await confirmRollback(
    page,
    '@champion points at version 2 now. It will point at version 1 again',
  );
  expect((await mlflowRegistry.getModel(name)).aliases).toEqual([
    { alias: 'champion', version: '1' },
  ]);
  expect(await records(name)).toEqual([
    { v: 1, kind: 'alias', alias: 'champion', from: '1', to: '2', by: null },
    { v: 1, kind: 'alias', alias: 'champion', from: '2', to: '1', by: null, rollback: true },
  ]);
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).first()).toContainText('Rollback');
  await expect(entries(page).first()).toContainText('v2 → v1');
  // Only the latest entry of an alias can be rolled back.
  await expect(entries(page).nth(1).getByRole('button')).toHaveCount(0);

  // Moved behind Parallax's back: seen on the next visit, and nothing is written for it.
  await mlflowRegistry.setAlias(name, 'champion', '3');
  await page.reload();
  await expect(entries(page)).toHaveCount(3);
  const outside = entries(page).first();
  await expect(outside).toContainText('Changed outside Parallax');
  await expect(outside).toContainText('v1 → v3');
  await expect(outside).toContainText('by unknown (outside Parallax)');
  expect(await records(name)).toHaveLength(2);

  // Someone moves it again while the rollback is being confirmed: nothing is written.
  await outside.getByRole('button', { name: 'Roll back @champion' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('@champion points at version 3 now');
  await mlflowRegistry.setAlias(name, 'champion', '2');
  await dialog.getByRole('button', { name: 'Roll back' }).click();
  await expect(dialog.getByRole('alert')).toContainText('someone changed it meanwhile');
  expect((await mlflowRegistry.getModel(name)).aliases).toEqual([
    { alias: 'champion', version: '2' },
  ]);
  expect(await records(name)).toHaveLength(2);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await expect(outside).toContainText('v1 → v2');
  await outside.getByRole('button', { name: 'Roll back @champion' }).click();
  await confirmRollback(
    page,
    '@champion points at version 2 now. It will point at version 1 again',
  );
  expect((await mlflowRegistry.getModel(name)).aliases).toEqual([
    { alias: 'champion', version: '1' },
  ]);
  expect((await records(name)).at(-1)).toEqual({
    v: 1,
    kind: 'alias',
    alias: 'champion',
    from: '2',
    to: '1',
    by: null,
    rollback: true,
  });
  await expect(entries(page)).toHaveCount(3);
  await expect(page.getByText('Changed outside Parallax')).toHaveCount(0);
});

test('a stage change that archives others is recorded with them, and its rollback puts them all back', async ({
  page,
}) => {
  const { name } = await ownModel('history-stage', ['Production', 'Production', 'Staging', 'None']);
  await page.goto(`${modelUrl(name)}/versions/4`);
  await page.getByRole('button', { name: 'Change stage' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New stage').selectOption('Production');
  await dialog
    .getByRole('checkbox', { name: /Archive the other versions now in Production/ })
    .check();
  await dialog.getByRole('button', { name: 'Move to Production' }).click();
  await expect(dialog).toBeHidden();
  const stages = async () =>
    Object.fromEntries(
      (await mlflowRegistry.versions(name)).map((v) => [v.version, v.current_stage]),
    );
  expect(await stages()).toEqual({
    '1': 'Archived',
    '2': 'Archived',
    '3': 'Staging',
    '4': 'Production',
  });
  expect(await records(name)).toEqual([
    {
      v: 1,
      kind: 'stage',
      moves: [
        { version: '4', from: 'None', to: 'Production' },
        { version: '2', from: 'Production', to: 'Archived' },
        { version: '1', from: 'Production', to: 'Archived' },
      ],
      omitted: 0,
      by: null,
    },
  ]);

  await page.goto(modelUrl(name));
  const entry = entries(page).first();
  await expect(entry).toContainText('Version v4');
  await expect(entry).toContainText('None → Production');
  await expect(entry).toContainText('With it: v2 Production → Archived, v1 Production → Archived');
  await entry.getByRole('button', { name: 'Roll back the stage of version 4' }).click();
  await expect(dialog.locator('li')).toHaveText([
    'Version 2: Archived → Production',
    'Version 1: Archived → Production',
  ]);
  await confirmRollback(page, 'Version 4 moves from Production back to None');
  expect(await stages()).toEqual({
    '1': 'Production',
    '2': 'Production',
    '3': 'Staging',
    '4': 'None',
  });
  expect((await records(name)).at(-1)).toEqual({
    v: 1,
    kind: 'stage',
    moves: [
      { version: '4', from: 'Production', to: 'None' },
      { version: '2', from: 'Archived', to: 'Production' },
      { version: '1', from: 'Archived', to: 'Production' },
    ],
    omitted: 0,
    by: null,
    rollback: true,
  });
  await expect(entries(page).first()).toContainText('Rollback');

  // A stage changed through MLflow directly.
  await mlflowRegistryHistory.transition(name, '4', 'Staging', false);
  await page.reload();
  const outside = entries(page).first();
  await expect(outside).toContainText('Changed outside Parallax');
  await expect(outside).toContainText('Version v4');
  await expect(outside).toContainText('None → Staging');
});

test('hostile text in a history tag stays text; a malformed tag is skipped', async ({ page }) => {
  const { name } = await ownModel('history-hostile', ['None']);
  await mlflowRegistry.setAlias(name, 'champion', '1');
  const by = '<img src=x onerror="window.__pwned=1">';
  const record = { v: 1, kind: 'alias', alias: 'champion', from: null, to: '1' };
  await mlflowRegistryHistory.setTag(
    name,
    'parallax.history.001700000000000.aaaa',
    JSON.stringify({ ...record, by }),
  );
  await mlflowRegistryHistory.setTag(
    name,
    'parallax.history.001700000000001.bbbb',
    '<script>window.__pwned=1</script>',
  );
  await mlflowRegistryHistory.setTag(
    name,
    'parallax.history.001700000000002.cccc',
    JSON.stringify({ ...record, alias: '<b>bold</b>', by: null }),
  );

  await page.goto(modelUrl(name));
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText(`by ${by}`);
  await expect(entries(page).first()).toContainText('set on v1');
  await expect(page.getByRole('list', { name: 'History' }).locator('img, b, script')).toHaveCount(
    0,
  );
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
});

test.describe('failed writes', () => {
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('an alias move or stage change MLflow refuses keeps its dialog open, input kept, with MLflow’s message', async ({
    page,
  }) => {
    const { name } = await ownModel('history-failed', ['None', 'None']);
    await page.goto(`${modelUrl(name)}/versions/2`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} v2`);
    await mlflowRegistryHistory.deleteVersion(name, '2');

    await page.getByRole('button', { name: 'Set alias' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Alias').fill('champion');
    await dialog.getByRole('button', { name: 'Set alias' }).click();
    await expect(dialog.getByRole('alert')).toContainText('RESOURCE_DOES_NOT_EXIST');
    await expect(dialog.getByLabel('Alias')).toHaveValue('champion');
    expect((await mlflowRegistry.getModel(name)).aliases ?? []).toEqual([]);
    expect(await mlflowRegistryHistory.tags(name)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Change stage' }).click();
    await dialog.getByLabel('New stage').selectOption('Staging');
    await dialog.getByRole('button', { name: 'Move to Staging' }).click();
    await expect(dialog.getByRole('alert')).toContainText('RESOURCE_DOES_NOT_EXIST');
    await expect(dialog.getByLabel('New stage')).toHaveValue('Staging');
    expect(await mlflowRegistryHistory.tags(name)).toEqual([]);
  });
});

test.describe('a move whose record fails', () => {
  holdFaultProxyPerTest();
  test.use({
    baseURL: process.env.E2E_FAULTY_PARALLAX_URL,
    // Chromium logs the refused tag write ("… status of 403") as a console error.
    expectedConsoleErrors: [/status of 403/],
  });

  test('stands, and the page warns that the history missed it', async ({ page }) => {
    const { name } = await ownModel('history-unrecorded', ['None', 'None']);
    await mlflowRegistry.setAlias(name, 'champion', '1');
    await setFault(faultControl(), {
      kind: 'status',
      status: 403,
      method: 'POST',
      path: 'registered-models/set-tag',
    });
    await moveAlias(page, name, 'champion', '2');
    const warning = page.getByRole('status').filter({ hasText: 'did not record it' });
    await expect(warning).toContainText('stands');
    await expect(warning).toContainText('INJECTED_FAULT');
    expect((await mlflowRegistry.getModel(name)).aliases).toEqual([
      { alias: 'champion', version: '2' },
    ]);
    expect(await mlflowRegistryHistory.tags(name)).toEqual([]);
    await warning.getByRole('button', { name: 'Dismiss' }).click();
    await expect(warning).toBeHidden();
  });
});
