import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflow, uniqueName } from './support/mlflow-api';

test('the experiments list shows the seeded experiments', async ({ page }) => {
  const { experiments } = readManifest();
  await page.goto('/experiments');
  await expect(page.getByRole('heading', { name: 'Experiments', level: 1 })).toBeVisible();
  for (const seeded of [experiments.churn, experiments.empty, experiments.paging]) {
    const link = page.getByRole('link', { name: seeded.name, exact: true });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', `/experiments/${seeded.id}`);
  }
});

test('search by name narrows the list and lives in the URL', async ({ page }) => {
  const { experiments } = readManifest();
  await page.goto('/experiments');
  await page.getByLabel('Search experiments').fill('e2e/pag');
  await expect(
    page.getByRole('link', { name: experiments.paging.name, exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: experiments.churn.name, exact: true })).toBeHidden();
  await expect(page).toHaveURL(/[?&]q=e2e%2Fpag/);
  await page.reload();
  await expect(page.getByLabel('Search experiments')).toHaveValue('e2e/pag');
  await expect(page.getByRole('link', { name: experiments.churn.name, exact: true })).toBeHidden();
});

test('create, rename, delete and restore an experiment, each checked in MLflow', async ({
  page,
}) => {
  const name = uniqueName('/Shared/e2e-crud/exp');
  const renamed = `${name}-renamed`;
  await page.goto('/experiments');

  await page.getByRole('button', { name: 'New experiment' }).click();
  const createDialog = page.getByRole('dialog', { name: 'New experiment' });
  await createDialog.getByLabel('Name').fill(name);
  await createDialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const created = await mlflow.findExperiment(name);
  expect(created?.lifecycle_stage).toBe('active');
  const id = created?.experiment_id ?? '';
  await expect(page).toHaveURL(new RegExp(`/experiments/${id}$`));

  await page.goto(`/experiments?q=${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: `Rename ${name}` }).click();
  const renameDialog = page.getByRole('dialog');
  await renameDialog.getByLabel('New name').fill(renamed);
  await renameDialog.getByRole('button', { name: 'Rename' }).click();
  await expect(renameDialog).toBeHidden();
  await expect.poll(async () => (await mlflow.getExperiment(id)).name).toBe(renamed);

  await page.goto(`/experiments?q=${encodeURIComponent(renamed)}`);
  await page.getByRole('button', { name: `Delete ${renamed}` }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(renamed);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect.poll(async () => (await mlflow.getExperiment(id)).lifecycle_stage).toBe('deleted');
  await expect(page.getByRole('link', { name: renamed, exact: true })).toBeHidden();

  await page.getByRole('button', { name: 'Deleted' }).click();
  await page.getByRole('button', { name: `Restore ${renamed}` }).click();
  await expect.poll(async () => (await mlflow.getExperiment(id)).lifecycle_stage).toBe('active');
});

test.describe('a duplicate experiment name', () => {
  test.use({ expectedConsoleErrors: [/status of 400/] });

  test('shows MLflow’s error in the dialog and keeps what was typed', async ({ page }) => {
    const { experiments } = readManifest();
    await page.goto('/experiments');
    await page.getByRole('button', { name: 'New experiment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New experiment' });
    await dialog.getByLabel('Name').fill(experiments.churn.name);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('alert')).toContainText('RESOURCE_ALREADY_EXISTS');
    await expect(dialog.getByLabel('Name')).toHaveValue(experiments.churn.name);
  });
});

test.describe('a missing experiment', () => {
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('shows MLflow’s RESOURCE_DOES_NOT_EXIST message', async ({ page }) => {
    await page.goto('/experiments/987654321');
    await expect(page.getByRole('heading', { name: /not found/i })).toBeVisible();
    await expect(page.getByText('RESOURCE_DOES_NOT_EXIST')).toBeVisible();
    await expect(page.getByText(/987654321/).first()).toBeVisible();
  });
});

test('an experiment named with HTML renders as text and runs no script', async ({ page }) => {
  const name = `<img src=x onerror="window.__xss=1"> ${uniqueName('xss')}`;
  const id = await mlflow.createExperiment(name);
  await page.goto(`/experiments?q=${encodeURIComponent(name.slice(-12))}`);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await page.goto(`/experiments/${id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('the chosen theme survives a reload, applied before the app starts', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/experiments');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  // Read as the parser reaches the app's module script, which only runs after parsing: by then only
  // public/theme.js can have set the theme.
  await page.addInitScript(() => {
    const g = globalThis as unknown as {
      __themeAtParse?: string;
      MutationObserver: new (cb: () => void) => {
        observe(n: unknown, o: object): void;
        disconnect(): void;
      };
      document: {
        documentElement: { dataset: Record<string, string | undefined> };
        querySelector(q: string): unknown;
      };
    };
    const observer = new g.MutationObserver(() => {
      if (!g.document.querySelector('script[type="module"]')) return;
      g.__themeAtParse = g.document.documentElement.dataset.theme ?? 'unset';
      observer.disconnect();
    });
    observer.observe(g.document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(
    await page.evaluate(
      () => (globalThis as unknown as { __themeAtParse?: string }).__themeAtParse,
    ),
  ).toBe('dark');
  await page.getByLabel('Theme').selectOption('system');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
});
