// Registering a run's model against the real MLflow registry. The seeded run `register-source`
// holds one model both as an MLflow 3 logged model and as its artifact folder `model/`; each test
// registers it into models of its own (unique names), and reads what happened back from MLflow.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflowRegistration, mlflowRegistry, mlflowRun, uniqueName } from './support/mlflow-api';

const seeded = () => readManifest().experiments.register;

async function openSourceRun(page: Page, base = '') {
  const { id, source_run_id: runId } = seeded();
  await page.goto(`${base}/experiments/${id}/runs/${runId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('register-source');
}

test('from the run page into a new model: MLflow holds the version from the logged model, ready, and the link opens it', async ({
  page,
}) => {
  const { source_run_id: runId, logged_model_id: modelId } = seeded();
  const name = uniqueName('e2e-register-new');
  const listed: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/artifacts/list'))
      listed.push(new URL(r.url()).searchParams.get('path') ?? '');
  });
  await openSourceRun(page);
  const open = page.getByRole('button', { name: 'Register model', exact: true });
  await expect(open).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Artifacts' }).getByRole('treeitem')).toHaveCount(1);
  // The page offers the action from the root listing it shares with the tree: nothing deeper yet.
  expect(listed).toEqual(['']);
  await open.click();

  const dialog = page.getByRole('dialog', { name: 'Register model' });
  // Both of the run's copies are offered: the logged model and, found in its artifacts, `model/`.
  const logged = dialog.getByRole('radio', { name: new RegExp(`logged model ${modelId}`) });
  await expect(logged).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^model\/ folder of the run/ })).toBeVisible();
  await expect(logged).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'A new model' })).toBeChecked();
  // The dialog opened on the name, the one thing left to give; Enter submits.
  await expect(dialog.getByLabel('Model name')).toBeFocused();
  await page.keyboard.type(name);
  await expect(dialog.getByText('No model has this name yet')).toBeVisible();
  await page.keyboard.press('Enter');

  const done = page.getByRole('dialog', { name: 'Register model' });
  await expect(done.getByText(`Version 1 of ${name} is ready.`)).toBeVisible();
  const version = await mlflowRegistration.version(name, '1');
  expect(version.source).toBe(`models:/${modelId}`);
  expect(version.run_id).toBe(runId);
  expect(version.status).toBe('READY');
  // The run's list of logged models, behind the dialog, shows the version made from the model.
  const hidden = { includeHidden: true };
  await expect(
    page
      .getByRole('table', { name: 'Logged models', ...hidden })
      .getByRole('link', { name: `${name} v1`, ...hidden }),
  ).toBeVisible();

  await done.getByRole('link', { name: `Open version 1 of ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/models/${encodeURIComponent(name)}/versions/1$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} v1`);
});

test("from the artifact browser's model folder, a new version of an existing model chosen by keyboard", async ({
  page,
}) => {
  const { source_run_id: runId, model_folder: folder } = seeded();
  const name = uniqueName('e2e-register-existing');
  await mlflowRegistry.createModel(name);
  await mlflowRegistry.createVersion(name, runId);
  await openSourceRun(page);

  const tree = page.getByRole('tree', { name: 'Artifacts' });
  await tree.getByRole('treeitem', { name: folder, exact: true }).locator('.artifact-row').click();
  await page.getByRole('button', { name: 'Register this model' }).click();

  const dialog = page.getByRole('dialog', { name: 'Register model' });
  await expect(dialog.getByText(`${folder}/`, { exact: true })).toBeVisible();
  await dialog.getByRole('radio', { name: 'A new version of an existing model' }).check();
  const search = dialog.getByLabel('Existing model', { exact: true });
  await search.fill(name);
  const option = dialog.getByRole('radiogroup', { name: 'Models' }).getByRole('radio');
  await expect(option).toHaveCount(1);
  await expect(option).toHaveAccessibleName(name);
  await search.press('ArrowDown');
  await expect(option).toBeFocused();
  await page.keyboard.press('Space');
  await expect(option).toBeChecked();
  await expect(dialog.getByText(`Adds a version to ${name}.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();

  const done = page.getByRole('dialog', { name: 'Register model' });
  await expect(done.getByText(`Version 2 of ${name} is ready.`)).toBeVisible();
  await done.getByRole('button', { name: 'Close' }).click();
  await expect(done).toHaveCount(0);
  const version = await mlflowRegistration.version(name, '2');
  expect(version.source).toBe(`${(await mlflowRun.get(runId)).info.artifact_uri}/${folder}`);
  expect(version.run_id).toBe(runId);
  expect(version.status).toBe('READY');
});

test.describe('names MLflow refuses', () => {
  // MLflow answers 400 to the refused create; Chromium logs every failed response.
  test.use({ expectedConsoleErrors: [/status of 400/] });

  test('are said before anything is sent, or with MLflow’s own message, and the typed name stays', async ({
    page,
  }) => {
    const taken = uniqueName('e2e-register-taken');
    await mlflowRegistry.createModel(taken);
    await openSourceRun(page);
    await page.getByRole('button', { name: 'Register model', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Register model' });
    const input = dialog.getByLabel('Model name');

    // MLflow's own rule, checked as typed; MLflow refuses the same name.
    await input.fill('team/churn');
    await expect(dialog.getByText('A model name cannot contain “/” or “:”.')).toBeVisible();
    await expect(mlflowRegistry.createModel(`${uniqueName('e2e')}/churn`)).rejects.toThrow(
      /INVALID_PARAMETER_VALUE/,
    );

    // A name in use: said, with a way to add a version to that model instead.
    await input.fill(taken);
    await expect(dialog.getByText(`A model named ${taken} already exists.`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Add a version to it instead' }).click();
    await expect(dialog.getByText(`Adds a version to ${taken}.`)).toBeVisible();
    await dialog.getByRole('radio', { name: 'A new model' }).check();

    // A name free when checked, taken by a prompt before the submit: MLflow refuses it.
    const name = uniqueName('e2e-register-prompt');
    await input.fill(name);
    await expect(dialog.getByText('No model has this name yet')).toBeVisible();
    await mlflowRegistry.createModel(name, '', { 'mlflow.prompt.is_prompt': 'true' });
    await dialog.getByRole('button', { name: 'Register', exact: true }).click();

    const alert = dialog.getByRole('alert').filter({ hasText: 'MLflow did not register' });
    await expect(alert).toContainText('RESOURCE_ALREADY_EXISTS');
    await expect(alert).toContainText('already taken by a prompt');
    await expect(input).toHaveValue(name);
    await expect(dialog.getByRole('button', { name: 'Register', exact: true })).toBeEnabled();
    // Nothing was registered under the prompt's name.
    await expect(mlflowRegistration.version(name, '1')).rejects.toThrow(/RESOURCE_DOES_NOT_EXIST/);
  });
});

test('a read-only Parallax offers no registering, on the run or on its model folder', async ({
  page,
}) => {
  const base = process.env.E2E_READONLY_PARALLAX_URL ?? '';
  expect(base, 'the read-only Parallax of the global setup').not.toBe('');
  await openSourceRun(page, base);
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Artifacts' });
  await tree.getByRole('treeitem', { name: 'model', exact: true }).locator('.artifact-row').click();
  await expect(page.getByRole('heading', { name: 'Flavors' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Register/ })).toHaveCount(0);
});
