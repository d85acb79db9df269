// The model and model version pages against the real MLflow registry. Each test makes a model of
// its own (straight in MLflow, with versions registered from a run of its own), so nothing seeded
// is changed; every change made through Parallax is read back from MLflow.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { mlflow, mlflowRegistry, uniqueName } from './support/mlflow-api';
import { ownRun } from './support/own-run';

/** A model with `stages.length` versions (v1 first), each moved to its stage; the source run's id. */
async function ownModel(prefix: string, stages: readonly string[]) {
  const { runId, experimentId } = await ownRun(prefix);
  const name = uniqueName(`e2e-${prefix}`);
  await mlflowRegistry.createModel(name, `Model of the ${prefix} test.`);
  for (const [i, stage] of stages.entries()) {
    const mv = await mlflowRegistry.createVersion(name, runId, `Version ${i + 1} of ${prefix}.`);
    if (stage !== 'None') await mlflowRegistry.transition(name, mv.version, stage);
  }
  return { name, runId, experimentId };
}

const versionRow = (page: Page, version: string) =>
  page
    .getByRole('table', { name: 'Model versions' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `v${version}`, exact: true }) });

test('the models list: prompts apart, a tags column, and the order MLflow gives for each sort', async ({
  page,
}) => {
  const prefix = uniqueName('e2e-list');
  const [first, second, prompt] = [`${prefix}-b`, `${prefix}-a`, `${prefix}-p`];
  // `…-b` is created last, so name order (a, b) and newest-change order (b, a) differ.
  await mlflowRegistry.createModel(second);
  await mlflowRegistry.createModel(prompt, '', { 'mlflow.prompt.is_prompt': 'true' });
  await mlflowRegistry.createModel(first, '', { team: 'growth' });

  const table = page.getByRole('table', { name: 'Registered models' });
  const names = () => table.locator('tbody tr td:first-child').allTextContents();
  await page.goto(`/models?q=${encodeURIComponent(prefix)}`);
  await expect(table.locator('tbody tr')).toHaveCount(2);
  expect(await names()).toEqual(
    await mlflowRegistry.searchModels(
      `name ILIKE '%${prefix}%' AND tag.\`mlflow.prompt.is_prompt\` != 'true'`,
      ['name ASC'],
    ),
  );
  const firstRow = table.locator('tbody tr').filter({ hasText: first });
  await expect(firstRow).toContainText('team');
  await expect(firstRow).toContainText('growth');

  await page.getByLabel('Sort').selectOption('updated');
  await expect(page).toHaveURL(/sort=updated/);
  await expect
    .poll(names)
    .toEqual(
      await mlflowRegistry.searchModels(
        `name ILIKE '%${prefix}%' AND tag.\`mlflow.prompt.is_prompt\` != 'true'`,
        ['last_updated_timestamp DESC'],
      ),
    );
  expect(await names()).toEqual([first, second]);

  await page.getByLabel('Show').selectOption('prompts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prompts');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText(prompt);
});

test('the models list opens a model: its aliases and every version, newest first, as MLflow holds them', async ({
  page,
}) => {
  const { name, runId, experimentId } = await ownModel('model-page', [
    'Production',
    'Staging',
    'None',
  ]);
  await mlflowRegistry.setAlias(name, 'champion', '1');
  await mlflowRegistry.setAlias(name, 'challenger', '3');

  await page.goto(`/models?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/models/${encodeURIComponent(name)}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('region', { name: 'Description' })).toContainText(
    'Model of the model-page test.',
  );

  // Aliases, each with the version MLflow says it points at.
  const aliases = page.getByRole('list', { name: 'Aliases' });
  const model = await mlflowRegistry.getModel(name);
  for (const { alias, version } of model.aliases ?? [])
    await expect(aliases.getByRole('listitem').filter({ hasText: `@${alias}` })).toContainText(
      `v${version}`,
    );

  // Versions: newest first, each row with MLflow's stage.
  const table = page.getByRole('table', { name: 'Model versions' });
  await expect(table.getByRole('row')).toHaveCount(4);
  const links = await table.getByRole('link', { name: /^v\d+$/ }).allTextContents();
  expect(links).toEqual(['v3', 'v2', 'v1']);
  for (const mv of await mlflowRegistry.versions(name))
    await expect(versionRow(page, mv.version)).toContainText(mv.current_stage ?? 'None');
  await expect(versionRow(page, '3')).toContainText('@challenger');

  // A version's page, and its source run's page through the run-id link.
  await versionRow(page, '1').getByRole('link', { name: 'v1', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} v1`);
  await expect(page.getByText('Production', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Load it' })).toContainText(
    `mlflow.pyfunc.load_model("models:/${name}@champion")`,
  );
  await page.getByRole('link', { name: runId, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${experimentId}/runs/${runId}$`));
});

test('setting an alias says which version holds it and what moves; MLflow then holds the move', async ({
  page,
}) => {
  const { name } = await ownModel('alias', ['None', 'None']);
  await mlflowRegistry.setAlias(name, 'champion', '1');
  await page.goto(`/models/${encodeURIComponent(name)}/versions/2`);
  await page.getByRole('button', { name: 'Set alias' }).click();
  const dialog = page.getByRole('dialog');
  const alias = dialog.getByLabel('Alias');

  // Names MLflow reserves are refused before anything is sent.
  await alias.fill('v1');
  await expect(dialog.getByRole('status')).toContainText('already names version 1');
  await expect(dialog.getByRole('button', { name: 'Set alias' })).toBeDisabled();

  await alias.fill('champion');
  await expect(dialog.getByRole('status')).toContainText(
    '@champion points at version 1 now. It will move to version 2',
  );
  await dialog.getByRole('button', { name: 'Move @champion' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Aliases of this version' })).toContainText(
    '@champion',
  );
  expect((await mlflowRegistry.getModel(name)).aliases).toEqual([
    { alias: 'champion', version: '2' },
  ]);

  // A new alias, then removed again after a confirmation.
  await page.getByRole('button', { name: 'Set alias' }).click();
  await dialog.getByLabel('Alias').fill('shadow');
  await expect(dialog.getByRole('status')).toContainText('No version holds @shadow yet');
  await dialog.getByRole('button', { name: 'Set alias' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Remove alias shadow' }).click();
  await expect(page.getByRole('dialog')).toContainText('models:/');
  await page.getByRole('dialog').getByRole('button', { name: 'Remove alias' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect
    .poll(async () => (await mlflowRegistry.getModel(name)).aliases?.map((a) => a.alias))
    .toEqual(['champion']);
});

test('a stage change that archives the others names exactly those versions first', async ({
  page,
}) => {
  // v1 and v2 in Production (MLflow allows it without archiving), v3 in Staging, v4 new.
  const { name } = await ownModel('stage', ['Production', 'Production', 'Staging', 'None']);
  await page.goto(`/models/${encodeURIComponent(name)}/versions/4`);
  await page.getByRole('button', { name: 'Change stage' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New stage').selectOption('Production');
  await dialog
    .getByRole('checkbox', { name: /Archive the other versions now in Production/ })
    .check();
  const listed = dialog.locator('.stage-archive-list li');
  await expect(listed).toHaveText(['Version 2', 'Version 1']);
  // Staging would archive only v3.
  await dialog.getByLabel('New stage').selectOption('Staging');
  await expect(listed).toHaveText(['Version 3']);
  await dialog.getByLabel('New stage').selectOption('Production');
  await dialog.getByRole('button', { name: 'Move to Production' }).click();
  await expect(dialog).toBeHidden();

  const stages = Object.fromEntries(
    (await mlflowRegistry.versions(name)).map((v) => [v.version, v.current_stage]),
  );
  expect(stages).toEqual({ '1': 'Archived', '2': 'Archived', '3': 'Staging', '4': 'Production' });
  await expect(page.locator('.badge-stage')).toHaveText('Production');
});

test('descriptions of a model and of a version are saved to MLflow', async ({ page }) => {
  const { name } = await ownModel('describe', ['None']);
  await page.goto(`/models/${encodeURIComponent(name)}`);
  const about = page.getByRole('region', { name: 'Description' });
  await about.getByRole('button', { name: 'Edit description' }).click();
  await about.getByLabel('Description').fill('**Scores** churn nightly.');
  await about.getByRole('button', { name: 'Save' }).click();
  await expect(about.locator('strong')).toHaveText('Scores');
  await expect
    .poll(async () => (await mlflowRegistry.getModel(name)).description)
    .toBe('**Scores** churn nightly.');

  await page.goto(`/models/${encodeURIComponent(name)}/versions/1`);
  const versionAbout = page.getByRole('region', { name: 'Description' });
  await versionAbout.getByRole('button', { name: 'Edit description' }).click();
  await versionAbout.getByLabel('Description').fill('Trained on <b>March</b> data.');
  await versionAbout.getByRole('button', { name: 'Save' }).click();
  await expect(versionAbout).toContainText('Trained on');
  await expect
    .poll(async () => (await mlflowRegistry.getVersion(name, '1')).description)
    .toBe('Trained on <b>March</b> data.');
});

test('deleting a version is confirmed; deleting the model waits for its typed name', async ({
  page,
}) => {
  const { name } = await ownModel('delete', ['None', 'None']);
  await mlflowRegistry.setAlias(name, 'champion', '2');
  await page.goto(`/models/${encodeURIComponent(name)}/versions/2`);
  await page.getByRole('button', { name: 'Delete version' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('@champion');
  await dialog.getByRole('button', { name: 'Delete version' }).click();
  await expect(page).toHaveURL(new RegExp(`/models/${encodeURIComponent(name)}$`));
  await expect(page.getByRole('table', { name: 'Model versions' }).getByRole('row')).toHaveCount(2);
  expect((await mlflowRegistry.versions(name)).map((v) => v.version)).toEqual(['1']);

  await page.getByRole('button', { name: 'Delete model' }).click();
  const confirm = dialog.getByRole('button', { name: 'Delete model' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type the model's name to confirm").fill(name.slice(0, -1));
  await expect(confirm).toBeDisabled();
  expect(await mlflowRegistry.exists(name)).toBe(true);
  await dialog.getByLabel("Type the model's name to confirm").fill(name);
  await confirm.click();
  await expect(page).toHaveURL(/\/models$/);
  expect(await mlflowRegistry.exists(name)).toBe(false);
});

test('versions picked in the table open the run diff of their source runs', async ({ page }) => {
  const a = await ownRun('versions-a');
  const b = await ownRun('versions-b');
  const name = uniqueName('e2e-versions');
  await mlflowRegistry.createModel(name);
  await mlflowRegistry.createVersion(name, a.runId);
  await mlflowRegistry.createVersion(name, b.runId);
  await mlflowRegistry.createVersion(name, b.runId);
  await page.goto(`/models/${encodeURIComponent(name)}`);
  await page.getByRole('checkbox', { name: 'Select version 2' }).check();
  await page.getByRole('checkbox', { name: 'Select version 3' }).check();
  await expect(page.getByText('These versions share one source run.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select version 1' }).check();
  await page.getByRole('link', { name: 'Compare source runs' }).click();
  await expect(page).toHaveURL(/\/compare\?runs=/);
  const runs = new URL(page.url()).searchParams.get('runs')?.split(',');
  expect(runs?.sort()).toEqual([a.runId, b.runId].sort());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare runs');
  await expect(page.getByText('2 runs', { exact: true })).toBeVisible();
});

test('a source-run metric across versions: one point per version, aliases named, a click opens it', async ({
  page,
}) => {
  const a = await ownRun('metric-a');
  const b = await ownRun('metric-b');
  await mlflow.logMetric(a.runId, 'roc_auc', 0.81);
  await mlflow.logMetric(b.runId, 'roc_auc', 0.86);
  await mlflow.logMetric(b.runId, 'f1', 0.7);
  const name = uniqueName('e2e-metric');
  await mlflowRegistry.createModel(name);
  await mlflowRegistry.createVersion(name, a.runId);
  await mlflowRegistry.createVersion(name, b.runId);
  await mlflowRegistry.setAlias(name, 'champion', '2');

  await page.goto(`/models/${encodeURIComponent(name)}?metric=roc_auc`);
  const section = page.getByRole('region', { name: 'Metric across versions' });
  const chart = section.getByRole('figure', { name: 'roc_auc against version, 2 versions' });
  await expect(chart).toBeVisible();
  const ys = await chart
    .locator('.run-scatter-dot')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-run'), e.getBoundingClientRect().y]),
    );
  // v2 (0.86) is drawn above v1 (0.81).
  expect(ys.reduce((a, b) => ((b[1] as number) < (a[1] as number) ? b : a))[0]).toBe('2');
  const v2 = chart.locator('.run-scatter-dot[data-run="2"]');
  await v2.hover();
  await expect(chart.getByRole('status')).toContainText('v2 @champion: version 2, roc_auc 0.86');
  // f1: only v2's run logged it.
  await section.getByLabel('Metric').selectOption('f1');
  await expect(
    section.getByRole('figure', { name: 'f1 against version, 1 version' }),
  ).toBeVisible();
  await expect(section.getByText('1 version has no f1 value and is not plotted.')).toBeVisible();
  await expect(page).toHaveURL(/metric=f1/);
  await section.locator('.run-scatter-dot[data-run="2"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} v2`);
});

test.describe('missing', () => {
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('a model or a version that does not exist says so with MLflow’s error code', async ({
    page,
  }) => {
    const { name } = await ownModel('missing', ['None']);
    await page.goto(`/models/${encodeURIComponent(`${name}-nope`)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Model ${name}-nope not found`,
    );
    await expect(page.getByText('RESOURCE_DOES_NOT_EXIST')).toBeVisible();
    await page.goto(`/models/${encodeURIComponent(name)}/versions/7`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Version 7 of ${name} not found`,
    );
    await expect(page.getByText('RESOURCE_DOES_NOT_EXIST')).toBeVisible();
    await page.getByRole('link', { name: 'Back to the model' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  });
});
