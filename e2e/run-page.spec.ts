import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflow, mlflowRun, uniqueName } from './support/mlflow-api';
import { openRun, ownRun, tagOf } from './support/own-run';

test('the overview links a parent to its children and a child to its parent', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const parentId = churn.parent_run_id ?? '';
  const childIds = churn.child_run_ids ?? [];
  const children = await mlflow.searchRuns(churn.id, `tags.\`mlflow.parentRunId\` = '${parentId}'`);
  expect(children.map((r) => r.info.run_id).sort()).toEqual([...childIds].sort());

  await openRun(page, churn.id, parentId);
  const links = page.getByRole('list', { name: 'Child runs' }).getByRole('link');
  await expect(links).toHaveText(['run-10', 'run-11', 'run-12']);
  await links.first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'run-10' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'run-09' })).toBeVisible();
  await expect(page.getByText('Started')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'e2e@example.com' })).toBeVisible();
});

test('a description holding <script> shows as text and does not run', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const xssRunId = (churn as unknown as { xss_run_id: string }).xss_run_id;
  await openRun(page, churn.id, xssRunId);
  const section = page.getByRole('region', { name: 'Description' });
  await expect(section).toContainText('<script>window.__xss=1</script>');
  await expect(section.locator('strong')).toHaveText('bold markdown');
  await expect(section.locator('script')).toHaveCount(0);
  expect(
    await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
});

test('params are searchable', async ({ page }) => {
  const { churn } = readManifest().experiments;
  await openRun(page, churn.id, churn.run_ids[0] ?? '');
  const params = page.getByRole('table', { name: 'Parameters' });
  await expect(params.getByRole('row')).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Search parameters' }).fill('depth');
  await expect(params.getByRole('row')).toHaveCount(2);
  await expect(params).toContainText('max_depth');
});

test('tags are added, edited and deleted, as MLflow then reports', async ({ page }) => {
  const { experimentId, runId } = await ownRun('tags');
  await openRun(page, experimentId, runId);
  const tags = page.getByRole('region', { name: 'Tags' });

  await tags.getByLabel('Key', { exact: true }).fill('team');
  await tags.getByLabel('Value', { exact: true }).fill('<b>growth</b>');
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByRole('table', { name: 'Tags' })).toContainText('<b>growth</b>');
  await expect.poll(async () => tagOf(await mlflowRun.get(runId), 'team')).toBe('<b>growth</b>');

  await tags.getByRole('button', { name: 'Edit team' }).click();
  await tags.getByLabel('Value of team').fill('retention');
  await tags.getByRole('button', { name: 'Save' }).click();
  await expect(tags.getByRole('table', { name: 'Tags' })).toContainText('retention');
  await expect.poll(async () => tagOf(await mlflowRun.get(runId), 'team')).toBe('retention');

  // MLflow's own tags are not offered for editing.
  await expect(tags.getByRole('button', { name: /^Edit mlflow\./ })).toHaveCount(0);
  await tags.getByLabel('Key', { exact: true }).fill('mlflow.runName');
  await expect(tags.getByRole('button', { name: 'Add tag' })).toBeDisabled();

  await tags.getByRole('button', { name: 'Delete team' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete tag' });
  await dialog.getByRole('button', { name: 'Delete tag' }).click();
  await expect(dialog).toBeHidden();
  await expect(tags.getByText('No tags.')).toBeVisible();
  await expect.poll(async () => tagOf(await mlflowRun.get(runId), 'team')).toBeUndefined();
});

test('rename, delete and restore reach MLflow', async ({ page }) => {
  const { experimentId, runId } = await ownRun('lifecycle');
  await openRun(page, experimentId, runId);
  const renamed = uniqueName('renamed');

  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename run' });
  await dialog.getByLabel('Run name').fill(renamed);
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect.poll(async () => (await mlflowRun.get(runId)).info.run_name).toBe(renamed);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete run' });
  await confirm.getByRole('button', { name: 'Delete run' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Deleted', { exact: true })).toBeVisible();
  await expect.poll(async () => (await mlflowRun.get(runId)).info.lifecycle_stage).toBe('deleted');

  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
  await expect.poll(async () => (await mlflowRun.get(runId)).info.lifecycle_stage).toBe('active');
});

test('the description is edited as markdown and saved to mlflow.note.content', async ({ page }) => {
  const { experimentId, runId } = await ownRun('describe');
  await openRun(page, experimentId, runId);
  const section = page.getByRole('region', { name: 'Description' });
  await section.getByRole('button', { name: 'Edit description' }).click();
  await section.getByLabel('Description').fill('# Findings\n\nSee [the docs](https://mlflow.org).');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('heading', { name: 'Findings' })).toBeVisible();
  const link = section.getByRole('link', { name: 'the docs' });
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect
    .poll(async () => tagOf(await mlflowRun.get(runId), 'mlflow.note.content'))
    .toBe('# Findings\n\nSee [the docs](https://mlflow.org).');
});

test.describe('a failed description save', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource.*400/] });

  test("shows MLflow's error and keeps the draft across a reload", async ({ page }) => {
    const { experimentId, runId } = await ownRun('draft');
    await openRun(page, experimentId, runId);
    const section = page.getByRole('region', { name: 'Description' });
    await section.getByRole('button', { name: 'Edit description' }).click();
    const draft = 'A draft that must not be lost';
    await section.getByLabel('Description').fill(draft);
    // MLflow refuses tags on a deleted run: a real server-side failure.
    await mlflowRun.delete(runId);
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(section.getByRole('alert')).toContainText('INVALID_PARAMETER_VALUE');
    await expect(section.getByRole('alert')).toContainText("must be in the 'active' state");
    expect(tagOf(await mlflowRun.get(runId), 'mlflow.note.content')).toBeUndefined();

    await page.reload();
    await expect(
      page.getByRole('region', { name: 'Description' }).getByLabel('Description'),
    ).toHaveValue(draft);

    // Once MLflow accepts it, the draft is saved and forgotten.
    await mlflowRun.restore(runId);
    await page
      .getByRole('region', { name: 'Description' })
      .getByRole('button', { name: 'Save' })
      .click();
    // The editor closes only once the save's answer has reached the page: reloading before that
    // would race the draft's removal and find it still stored.
    await expect(page.getByRole('button', { name: 'Edit description' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Description' })).toContainText(draft);
    await expect
      .poll(async () => tagOf(await mlflowRun.get(runId), 'mlflow.note.content'))
      .toBe(draft);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Edit description' })).toBeVisible();
    expect(
      await page.evaluate(
        (id) =>
          (
            globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
          ).localStorage.getItem(`parallax.run-description-draft.${id}`),
        runId,
      ),
    ).toBeNull();
  });
});
