// The experiment page's description (markdown, saved as MLflow's `mlflow.note.content` tag) and
// tags (add, edit, delete), each change read back from MLflow itself. Every test makes its own
// experiment, so the seeded data other specs read is never edited.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { setFault } from './support/fault-proxy';
import { faultControl, holdFaultProxyPerTest } from './support/fault-lease';
import { mlflow, mlflowExperiment, uniqueName } from './support/mlflow-api';

const NOTE = 'mlflow.note.content';

async function ownExperiment(prefix: string): Promise<string> {
  return mlflow.createExperiment(uniqueName(`/e2e/experiment-edit/${prefix}`));
}

async function openExperiment(page: Page, experimentId: string) {
  await page.goto(`/experiments/${experimentId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

const descriptionOf = (page: Page) => page.getByRole('region', { name: 'Description' });
const tagsOf = (page: Page) => page.getByRole('region', { name: 'Tags', exact: true });

/** Every alert, confirm or prompt the page opens: a script that ran would open one. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

test('the description is written as markdown, saved to mlflow.note.content and rendered', async ({
  page,
}) => {
  const experimentId = await ownExperiment('describe');
  await openExperiment(page, experimentId);
  const section = descriptionOf(page);
  await expect(section.getByText('No description.')).toBeVisible();
  await section.getByRole('button', { name: 'Edit description' }).click();
  const text = '# Findings\n\n**Bold** claim, see [the docs](https://mlflow.org).\n\n- one\n- two';
  await section.getByLabel('Description').fill(text);
  await section.getByRole('button', { name: 'Save' }).click();

  // `# Findings` sits under the section's h2, and the page keeps one h1: the experiment's name.
  await expect(section.getByRole('heading', { name: 'Findings', level: 3 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(section.locator('strong')).toHaveText('Bold');
  await expect(section.getByRole('listitem')).toHaveText(['one', 'two']);
  const link = section.getByRole('link', { name: 'the docs' });
  await expect(link).toHaveAttribute('href', 'https://mlflow.org');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect.poll(() => mlflowExperiment.tag(experimentId, NOTE)).toBe(text);

  // A fresh load renders what MLflow holds, not what the page remembered.
  await page.reload();
  await expect(descriptionOf(page).getByRole('heading', { name: 'Findings' })).toBeVisible();
  await expect(descriptionOf(page).getByLabel('Description')).toHaveCount(0);
});

test('HTML and script in a description stay inert text: no element, no dialog', async ({
  page,
}) => {
  const dialogs = watchDialogs(page);
  const experimentId = await ownExperiment('inert');
  await openExperiment(page, experimentId);
  const section = descriptionOf(page);
  await section.getByRole('button', { name: 'Edit description' }).click();
  const script = "<script>window.__xss = 1; alert('script')</script>";
  const img = '<img src="x" onerror="window.__xss = 2; alert(\'img\')">';
  const text = `Intro with *emphasis*.\n\n${script}\n\n${img}\n\n[click me](javascript:alert('link'))`;
  await section.getByLabel('Description').fill(text);
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('button', { name: 'Edit description' })).toBeVisible();
  await expect.poll(() => mlflowExperiment.tag(experimentId, NOTE)).toBe(text);

  // Rendered from what MLflow holds: markdown works, the HTML is shown as the text it is.
  await page.reload();
  const rendered = descriptionOf(page);
  await expect(rendered.locator('em')).toHaveText('emphasis');
  await expect(rendered).toContainText(script);
  await expect(rendered).toContainText(img);
  await expect(rendered.locator('script, img, iframe, object, embed')).toHaveCount(0);
  await rendered.getByText('click me', { exact: true }).click();
  expect(
    await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test.describe('a failed description save', () => {
  holdFaultProxyPerTest();
  test.use({
    baseURL: process.env.E2E_FAULTY_PARALLAX_URL,
    // Chromium logs the refused save ("… status of 500") as a console error.
    expectedConsoleErrors: [/Failed to load resource/],
  });

  test("shows MLflow's error and keeps the draft, across a reload, until it is saved", async ({
    page,
  }) => {
    const experimentId = await ownExperiment('draft');
    await openExperiment(page, experimentId);
    const section = descriptionOf(page);
    await section.getByRole('button', { name: 'Edit description' }).click();
    const draft = 'A draft that must **not** be lost';
    await section.getByLabel('Description').fill(draft);

    await setFault(faultControl(), {
      kind: 'status',
      status: 500,
      method: 'POST',
      path: 'experiments/set-experiment-tag',
    });
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(section.getByRole('alert')).toContainText('INJECTED_FAULT');
    await expect(section.getByRole('alert')).toContainText('injected HTTP 500');
    await expect(section.getByLabel('Description')).toHaveValue(draft);
    expect(await mlflowExperiment.tag(experimentId, NOTE)).toBeUndefined();

    await page.reload();
    await expect(descriptionOf(page).getByLabel('Description')).toHaveValue(draft);
    await expect(descriptionOf(page)).toContainText('An unsaved draft from earlier was restored.');

    await setFault(faultControl(), { kind: 'pass' });
    await descriptionOf(page).getByRole('button', { name: 'Save' }).click();
    // The editor closes once the save's answer has reached the page, and the draft with it.
    await expect(
      descriptionOf(page).getByRole('button', { name: 'Edit description' }),
    ).toBeVisible();
    await expect(descriptionOf(page).locator('strong')).toHaveText('not');
    await expect.poll(() => mlflowExperiment.tag(experimentId, NOTE)).toBe(draft);
    expect(
      await page.evaluate(
        (id) =>
          (
            globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
          ).localStorage.getItem(`parallax.experiment-description-draft.${id}`),
        experimentId,
      ),
    ).toBeNull();
  });
});

test('tags are added, edited and deleted from the keyboard, as MLflow then reports', async ({
  page,
}) => {
  const experimentId = await ownExperiment('tags');
  await openExperiment(page, experimentId);
  const tags = tagsOf(page);
  await expect(tags.getByText('No tags.')).toBeVisible();

  // Add: type the key and value, Enter submits.
  await tags.getByLabel('Key', { exact: true }).fill('team');
  await tags.getByLabel('Value', { exact: true }).fill('<b>growth</b>');
  await tags.getByLabel('Value', { exact: true }).press('Enter');
  const table = tags.getByRole('table', { name: 'Tags', exact: true });
  await expect(table.getByRole('row', { name: /team/ })).toContainText('<b>growth</b>');
  await expect(tags.getByLabel('Key', { exact: true })).toHaveValue('');
  await expect.poll(() => mlflowExperiment.tag(experimentId, 'team')).toBe('<b>growth</b>');

  // Edit: Enter on the row's Edit button, the value field takes focus, Enter saves.
  await tags.getByRole('button', { name: 'Edit team' }).press('Enter');
  const value = tags.getByLabel('Value of team');
  await expect(value).toBeFocused();
  await value.fill('retention');
  await value.press('Enter');
  await expect(value).toBeHidden();
  await expect(table).toContainText('retention');
  await expect.poll(() => mlflowExperiment.tag(experimentId, 'team')).toBe('retention');

  // MLflow's own tags are not offered for editing.
  await tags.getByLabel('Key', { exact: true }).fill(NOTE);
  await expect(tags.getByRole('button', { name: 'Add tag' })).toBeDisabled();
  await tags.getByLabel('Key', { exact: true }).fill('');

  // Delete asks first; Escape keeps the tag.
  await tags.getByRole('button', { name: 'Delete team' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete tag' });
  await expect(dialog).toContainText('Delete the tag team from this experiment?');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await mlflowExperiment.tag(experimentId, 'team')).toBe('retention');

  await tags.getByRole('button', { name: 'Delete team' }).press('Enter');
  await dialog.getByRole('button', { name: 'Delete tag' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(tags.getByText('No tags.')).toBeVisible();
  await expect.poll(() => mlflowExperiment.tag(experimentId, 'team')).toBeUndefined();
});

test.describe('a refused tag write', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource.*400/] });

  test("shows MLflow's error_code and message and keeps what was typed", async ({ page }) => {
    const experimentId = await ownExperiment('refused');
    await openExperiment(page, experimentId);
    const tags = tagsOf(page);
    await tags.getByLabel('Key', { exact: true }).fill('owner');
    await tags.getByLabel('Value', { exact: true }).fill('team-retention');

    // MLflow refuses tags on a deleted experiment: a real server-side failure.
    await mlflow.deleteExperiment(experimentId);
    await tags.getByRole('button', { name: 'Add tag' }).click();
    await expect(tags.getByRole('alert')).toContainText('INVALID_PARAMETER_VALUE');
    await expect(tags.getByRole('alert')).toContainText("must be in the 'active' state");
    await expect(tags.getByLabel('Key', { exact: true })).toHaveValue('owner');
    await expect(tags.getByLabel('Value', { exact: true })).toHaveValue('team-retention');
    expect(await mlflowExperiment.tag(experimentId, 'owner')).toBeUndefined();

    // Restored, the same form adds the tag.
    await mlflowExperiment.restore(experimentId);
    await tags.getByRole('button', { name: 'Add tag' }).click();
    await expect(tags.getByRole('table', { name: 'Tags', exact: true })).toContainText(
      'team-retention',
    );
    await expect(tags.getByRole('alert')).toHaveCount(0);
    await expect.poll(() => mlflowExperiment.tag(experimentId, 'owner')).toBe('team-retention');
  });
});

test('a deleted experiment offers no edit until it is restored', async ({ page }) => {
  const experimentId = await ownExperiment('deleted');
  await mlflowExperiment.setTag(experimentId, 'stage', 'draft');
  await mlflow.deleteExperiment(experimentId);
  await openExperiment(page, experimentId);
  await expect(page.locator('header').getByText('Deleted', { exact: true })).toBeVisible();
  await expect(tagsOf(page).getByRole('table', { name: 'Tags', exact: true })).toContainText(
    'draft',
  );
  for (const name of ['Edit description', 'Edit stage', 'Delete stage', 'Add tag'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('button', { name: 'Edit stage' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit description' })).toBeVisible();
});
