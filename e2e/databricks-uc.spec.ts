// The Unity Catalog registry through the emulated workspace: Chromium → Apps front proxy →
// Parallax in app mode → the workspace's UC endpoints (e2e/support/databricks/uc-gateway.ts, which
// translates them onto the suite's real mlflow server with UC's rules). Parallax's config probe
// finds UC there, so its proxy maps every registry call onto `unity-catalog/…`; what MLflow then
// holds is read back through the gateway's UC endpoints, and the gateway's log shows which paths
// Parallax really called.
import { randomUUID } from 'node:crypto';
import { APP_CLIENT } from './support/databricks/users';
import { appUrl, workspace, workspaceUrl } from './support/databricks/control';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflowRegistry } from './support/mlflow-api';
import { ownRun } from './support/own-run';

test.use({ baseURL: appUrl(false) });

/** A token for the app's own client, from the workspace's token endpoint. */
async function appToken(): Promise<string> {
  const res = await fetch(new URL('/oidc/v1/token', workspaceUrl()), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${APP_CLIENT.id}:${APP_CLIENT.secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials&scope=all-apis',
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The model's aliases as the workspace's UC endpoint reports them. */
async function ucAliases(name: string): Promise<{ alias: string; version: string }[]> {
  const url = new URL('/api/2.0/mlflow/unity-catalog/registered-models/get', workspaceUrl());
  url.searchParams.set('name', name);
  const res = await fetch(url, { headers: { authorization: `Bearer ${await appToken()}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    registered_model: { aliases?: { alias: string; version: string }[] };
  };
  return body.registered_model.aliases ?? [];
}

test('three-level names read as paths, no stage anywhere, and aliases set and removed through UC', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const { runId } = await ownRun('dbx-uc');
  const schema = `e2e_${randomUUID().slice(0, 8)}`;
  const name = `main.${schema}.churn`;
  await mlflowRegistry.createModel(name, 'A model in Unity Catalog.');
  await mlflowRegistry.createVersion(name, runId);
  await mlflowRegistry.createVersion(name, runId);
  // The real server has stages; a UC registry has none, so Parallax must show none of this one.
  await mlflowRegistry.transition(name, '1', 'Production');
  const since = await workspace.lastSeq();

  // The list, narrowed to the model's catalog.schema; UC's search has no filter, so the narrowing
  // is over the pages loaded: load more until the model shows, as a user would.
  await page.goto(`/models?in=${encodeURIComponent(`main.${schema}`)}`);
  const link = page.getByRole('link', { name, exact: true });
  for (let i = 0; i < 20 && !(await link.isVisible()); i++) {
    const more = page.getByRole('button', { name: 'Load more' });
    if (!(await more.isVisible())) break;
    await more.click();
    await expect(page.getByRole('button', { name: 'Loading…' })).toHaveCount(0);
  }
  await expect(link).toBeVisible();
  await expect(link.locator('[aria-hidden="true"]').first()).toHaveText(`main › ${schema} › churn`);
  await expect(page.getByRole('columnheader', { name: /stage|latest versions/i })).toHaveCount(0);

  // The model page: its versions, and no stage column.
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('churn');
  await expect(page.getByRole('link', { name: 'v2', exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Stage', exact: true })).toHaveCount(0);
  await expect(page.getByText('Production', { exact: true })).toHaveCount(0);

  // The version page: no stage control; an alias set, then removed, each held by UC.
  await page.getByRole('link', { name: 'v2', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Set alias' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change stage' })).toHaveCount(0);
  // The version's own files have no route Parallax can read on Databricks: said, not shown as a
  // version without an MLmodel.
  await expect(
    page.getByText("On Databricks, a model version's own files are not readable from Parallax"),
  ).toBeVisible();
  await expect(page.getByText('No MLmodel in this version')).toHaveCount(0);
  await page.getByRole('button', { name: 'Set alias' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Alias').fill('champion');
  await dialog.getByRole('button', { name: 'Set alias' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Aliases of this version' })).toContainText(
    '@champion',
  );
  expect(await ucAliases(name)).toEqual([{ alias: 'champion', version: '2' }]);

  await page.getByRole('button', { name: 'Remove alias champion' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove alias' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect.poll(() => ucAliases(name)).toEqual([]);

  // Every registry call Parallax made went to UC's endpoints, none to the workspace registry's.
  const paths = (await workspace.logSince(since)).map((c) => c.path);
  expect(paths.filter((p) => p.includes('/unity-catalog/registered-models/alias'))).toHaveLength(2);
  expect(
    paths.filter((p) => p.includes('/unity-catalog/model-versions/search')).length,
  ).toBeGreaterThan(0);
  expect(paths.filter((p) => /\/mlflow\/(registered-models|model-versions)\//.test(p))).toEqual([]);
});

test('register from a run gives the mlflow.register_model code for a three-level name, and registers nothing', async ({
  page,
}) => {
  const {
    id,
    source_run_id: runId,
    logged_model_id: modelId,
  } = readManifest().experiments.register;
  const since = await workspace.lastSeq();
  await page.goto(`/experiments/${id}/runs/${runId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('register-source');
  await page.getByRole('button', { name: 'Register model', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Register model' });
  const name = dialog.getByLabel('Unity Catalog name');
  await name.fill('main.churn');
  const problem = dialog.getByText(
    'Unity Catalog model names have three parts, catalog.schema.model; "main.churn" has 2.',
  );
  await expect(problem).toBeVisible();
  await name.fill('main.ml.churn');
  await expect(problem).toHaveCount(0);
  // The run's logged model is the source offered first, as on an open-source registry.
  await expect(dialog.locator('pre code')).toHaveText(
    [
      'import mlflow',
      '',
      'mlflow.set_registry_uri("databricks-uc")',
      `mlflow.register_model("models:/${modelId}", "main.ml.churn")`,
    ].join('\n'),
  );
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(dialog).toBeHidden();
  // Nothing was asked of UC's registry: registering is the snippet's job.
  const calls = (await workspace.logSince(since)).map((c) => c.path);
  expect(calls.filter((p) => p.includes('/model-versions/create'))).toEqual([]);
});
