import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflow, mlflowRun, uniqueName } from './support/mlflow-api';

interface ArtifactFixture {
  id: string;
  artifact_run_id: string;
  artifacts: string[];
}

const MB = 1024 * 1024;

function fixture(): ArtifactFixture {
  return readManifest().experiments.churn as unknown as ArtifactFixture;
}

async function openArtifacts(page: Page, experimentId: string, runId: string): Promise<Locator> {
  await page.goto(`/experiments/${experimentId}/runs/${runId}`);
  const tree = page.getByRole('tree', { name: 'Artifacts' });
  await expect(tree).toBeVisible();
  return tree;
}

/** Opens each folder on the way and selects the file. */
async function select(tree: Locator, path: string): Promise<void> {
  const parts = path.split('/');
  for (const [i, part] of parts.entries()) {
    const item = tree.getByRole('treeitem', { name: part, exact: true });
    if (i < parts.length - 1) {
      if ((await item.getAttribute('aria-expanded')) !== 'true') {
        await item.locator('.artifact-row').first().click();
      }
      await expect(item).toHaveAttribute('aria-expanded', 'true');
    } else {
      await item.locator('.artifact-row').first().click();
    }
  }
}

test('the tree lists the seeded artifacts lazily, one level per expand, with sizes', async ({
  page,
}) => {
  const { id, artifact_run_id: runId, artifacts } = fixture();
  const listCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/artifacts/list'))
      listCalls.push(new URL(r.url()).searchParams.get('path') ?? '');
  });
  const tree = await openArtifacts(page, id, runId);
  const topLevel = [...new Set(artifacts.map((p) => p.split('/')[0] ?? ''))].sort();
  await expect(tree.getByRole('treeitem')).toHaveCount(topLevel.length);
  expect(listCalls).toEqual(['']);
  await expect(tree.getByRole('treeitem', { name: 'binary.txt' })).toContainText('4.0 KB');

  const model = tree.getByRole('treeitem', { name: 'model', exact: true });
  await expect(model).toHaveAttribute('aria-expanded', 'false');
  await model.locator('.artifact-row').first().click();
  await expect(model).toHaveAttribute('aria-expanded', 'true');
  const modelFiles = artifacts.filter((p) => p.startsWith('model/'));
  await expect(model.getByRole('treeitem')).toHaveCount(modelFiles.length);
  expect(listCalls).toEqual(['', 'model']);

  // Keyboard: Left closes the folder, Down moves on, Right opens.
  await model.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(model).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(tree.getByRole('treeitem', { name: 'plots' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tree.getByRole('treeitem', { name: 'plots' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  // The folder's children arrive lazily; Right moves into them once they are there.
  await expect(tree.getByRole('treeitem', { name: 'loss.png' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(tree.getByRole('treeitem', { name: 'loss.png' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: 'loss.png' })).toBeVisible();
});

test('images, CSV, JSON and YAML previews', async ({ page }) => {
  const { id, artifact_run_id: runId } = fixture();
  const tree = await openArtifacts(page, id, runId);

  await select(tree, 'plots/loss.png');
  const img = page.getByRole('img', { name: 'loss.png' });
  await expect(img).toBeVisible();
  await expect
    .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(100);

  await select(tree, 'data/table.csv');
  const table = page.getByRole('table', { name: 'Table table.csv' });
  await expect(table.getByRole('columnheader')).toHaveText(['step', 'loss', 'label']);
  await expect(page.getByText('50 rows')).toBeVisible();
  // The cell's markup is text, not a <b> element.
  await expect(table.getByRole('cell', { name: '<b>x</b>' })).toBeVisible();
  await expect(table.locator('b')).toHaveCount(0);

  await select(tree, 'metrics.json');
  const json = page.locator('.json-tree');
  await expect(json).toContainText('accuracy: 0.9');
  await expect(json).toContainText('confusion_matrix');
  const nested = json.locator('details', { hasText: 'nested' }).first();
  await expect(nested).toHaveAttribute('open', '');
  await nested.locator('summary').first().click();
  await expect(nested).not.toHaveAttribute('open', '');

  await select(tree, 'config.yaml');
  const yaml = page.getByLabel('Contents of config.yaml');
  await expect(yaml).toContainText('max_depth: 2');
  await expect(yaml).toContainText('- e2e');
});

test('text and log previews, with a tail view; a binary .txt does not garble the page', async ({
  page,
}) => {
  const { id, artifact_run_id: runId } = fixture();
  const tree = await openArtifacts(page, id, runId);
  await select(tree, 'logs/train.log');
  const log = page.getByLabel('Contents of train.log');
  await expect(log).toContainText('step 0 loss');
  await expect(log).toContainText('step 49 loss 0.2');
  await expect(page.getByRole('button', { name: 'Tail' })).toHaveAttribute('aria-pressed', 'true');

  await select(tree, 'binary.txt');
  await expect(page.getByText('Binary file, download to view.')).toBeVisible();
  const download = page.getByRole('link', { name: 'Download binary.txt' });
  await expect(download).toHaveAttribute('href', /download=1/);
});

test('the MLmodel view shows flavors, the signature and the input example', async ({ page }) => {
  const { id, artifact_run_id: runId } = fixture();
  const tree = await openArtifacts(page, id, runId);
  await select(tree, 'model');
  const flavors = page.getByRole('list', { name: 'Flavors' });
  await expect(flavors).toContainText('python_function');
  await expect(flavors).toContainText('sklearn');
  const inputs = page.getByRole('table', { name: 'Signature inputs' });
  await expect(inputs.getByRole('row')).toHaveCount(3);
  await expect(inputs).toContainText('tenure_months');
  await expect(inputs).toContainText('double');
  await expect(page.getByRole('table', { name: 'Signature outputs' })).toContainText(
    'tensor of int64',
  );
  await expect(page.getByRole('region', { name: 'Input example' })).toContainText(
    'monthly_charges',
  );

  await select(tree, 'model/MLmodel');
  await expect(page.getByRole('table', { name: 'Signature inputs' })).toContainText(
    'monthly_charges',
  );
});

test.describe('HTML', () => {
  // Chromium reports the blocked script: that message is the sandbox doing its job.
  test.use({ expectedConsoleErrors: [/Blocked script execution in 'about:srcdoc'/] });

  test('HTML renders only in a sandboxed frame and its script does not run', async ({ page }) => {
    const { id, artifact_run_id: runId } = fixture();
    const tree = await openArtifacts(page, id, runId);
    await select(tree, 'report.html');
    const frame = page.getByTitle('Preview of report.html');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(
      page
        .frameLocator('iframe[title="Preview of report.html"]')
        .getByRole('heading', { name: 'Report' }),
    ).toBeVisible();
    // The e2e code has no DOM types: the browser globals are described by hand.
    const scriptRan = await page.evaluate(() => {
      interface FrameWindow {
        __xss?: number;
      }
      const g = globalThis as unknown as FrameWindow & {
        document: {
          querySelector(selector: string): { contentWindow: FrameWindow | null } | null;
        };
      };
      const iframe = g.document.querySelector('iframe[title="Preview of report.html"]');
      let inFrame: unknown = 'unreadable';
      try {
        inFrame = iframe?.contentWindow?.__xss;
      } catch {
        // An opaque-origin frame cannot be read from here at all: also proof of the sandbox.
      }
      return { top: g.__xss, inFrame };
    });
    expect(scriptRan.top).toBeUndefined();
    expect(scriptRan.inFrame === undefined || scriptRan.inFrame === 'unreadable').toBe(true);
  });
});

test.describe('above the preview cap', () => {
  test.setTimeout(150_000);

  test('a 60 MB artifact shows the cap message and downloads whole', async ({ page, request }) => {
    const experimentId = await mlflow.createExperiment(uniqueName('/e2e/big-artifact'));
    const run = await mlflow.createRun(experimentId, uniqueName('big'));
    const size = 60 * MB;
    const line = Buffer.from('0123456789 a log line of the big file, repeated to 60 MB.....\n');
    const body = Buffer.alloc(size);
    for (let i = 0; i < size; i += line.length) line.copy(body, i);
    await mlflowRun.uploadArtifact(run, 'big.log', body);
    // A log of 1 MB: larger than a preview window, so head and tail differ.
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${'x'.repeat(40)}\n`).join(
      '',
    );
    await mlflowRun.uploadArtifact(run, 'medium.log', Buffer.from(lines));

    const tree = await openArtifacts(page, experimentId, run.info.run_id);
    await expect(tree.getByRole('treeitem', { name: 'big.log' })).toContainText('60.0 MB');
    await select(tree, 'big.log');
    await expect(page.getByText(/over the 50\.0 MB preview limit/)).toBeVisible();
    const link = page.locator('.artifact-notice').getByRole('link', { name: 'Download big.log' });
    const href = await link.getAttribute('href');
    expect(href).toContain('download=1');
    const res = await request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="big\.log"/);
    expect((await res.body()).length).toBe(size);
    // The server refuses the preview itself too.
    const preview = await request.get(`${href?.replace('download=1', 'preview=1')}`);
    expect(preview.status()).toBe(413);
    expect(await preview.json()).toMatchObject({ error_code: 'ARTIFACT_TOO_LARGE', size });

    await select(tree, 'medium.log');
    const text = page.getByLabel('Contents of medium.log');
    await expect(text).toContainText('line 19999');
    await expect(text).not.toContainText('line 0 ');
    await expect(page.getByText(/Showing the last 256 KB of/)).toBeVisible();
    await page.getByRole('button', { name: 'Head' }).click();
    await expect(text).toContainText('line 0 ');
    await expect(text).not.toContainText('line 19999');
  });
});
