// The compare page's artifact diff against the real MLflow: what it shows is checked against the
// files and listings as MLflow's own API serves them, never against what Parallax read.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflow, mlflowRun, uniqueName } from './support/mlflow-api';

const cmp = () => readManifest().experiments.compare;

function mlflowUrl(path: string, query: Record<string, string>): URL {
  const base = process.env.E2E_MLFLOW_URL;
  if (!base) throw new Error('E2E_MLFLOW_URL is not set: run the suite through playwright');
  const url = new URL(path, base);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url;
}

/** A run's artifact as MLflow serves it (its own download endpoint, not Parallax's). */
async function artifactText(runId: string, path: string): Promise<string> {
  const res = await fetch(mlflowUrl('/get-artifact', { run_uuid: runId, path }));
  if (!res.ok) throw new Error(`get-artifact ${path} → ${res.status}: ${await res.text()}`);
  return res.text();
}

/** The paths at the top of a run's artifact root, from MLflow's artifacts/list. */
async function topLevelPaths(runId: string): Promise<string[]> {
  const res = await fetch(mlflowUrl('/api/2.0/mlflow/artifacts/list', { run_id: runId }));
  if (!res.ok) throw new Error(`artifacts/list → ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { files?: { path: string }[] };
  return (body.files ?? []).map((f) => f.path);
}

const linesOf = (text: string) => text.replace(/\n$/, '').split('\n');

async function openArtifactDiff(page: Page, runIds: string[]): Promise<Locator> {
  await page.goto(`/compare?runs=${runIds.join(',')}`);
  await page.getByRole('button', { name: 'Artifact diff' }).click();
  return page.getByRole('region', { name: 'Artifact diff' });
}

const codeOf = (diff: Locator, kind: 'added' | 'removed' | 'context') =>
  diff.locator(`tr[data-kind="${kind}"] .artifact-diff-code`);

test('config.yaml shows the two changed lines as removed and added, and a file one run lacks as such', async ({
  page,
}) => {
  const base = cmp().run_id_by_name['cmp-base'];
  const lr = cmp().run_id_by_name['cmp-lr'];
  const [baseLines, lrLines] = (
    await Promise.all([artifactText(base, 'config.yaml'), artifactText(lr, 'config.yaml')])
  ).map(linesOf) as [string[], string[]];
  const changed = cmp().config_yaml_changed_lines;
  const removed = changed.map(([old]) => old);
  const added = changed.map(([, now]) => now);
  // The seed's account and MLflow's files agree: only these lines differ, at the same places.
  expect(baseLines.filter((l) => !lrLines.includes(l))).toEqual(removed);
  expect(lrLines.filter((l) => !baseLines.includes(l))).toEqual(added);
  const shared = baseLines.filter((l) => lrLines.includes(l));
  expect(await topLevelPaths(base)).toContain('only_in_base.txt');
  expect(await topLevelPaths(lr)).not.toContain('only_in_base.txt');

  const section = await openArtifactDiff(page, [base, lr]);
  await expect(section.getByLabel('Left run')).toHaveValue(base);
  await expect(section.getByLabel('Right run')).toHaveValue(lr);
  await section.getByRole('button', { name: /^config\.yaml/ }).click();
  const diff = section.getByRole('region', { name: 'Differences in config.yaml' });
  await expect(codeOf(diff, 'removed')).toHaveCount(removed.length);
  expect(await codeOf(diff, 'removed').allTextContents()).toEqual(removed);
  expect(await codeOf(diff, 'added').allTextContents()).toEqual(added);
  // Each removed line carries its line number in cmp-base's file and a − mark besides its colour.
  for (const [i, line] of removed.entries()) {
    const row = diff.locator('tr[data-kind="removed"]').nth(i);
    await expect(row.locator('.artifact-diff-num').first()).toHaveText(
      String(baseLines.indexOf(line) + 1),
    );
    await expect(row.locator('.artifact-diff-sign')).toHaveText('−removed');
  }
  await expect(diff.locator('tr[data-kind="added"] .artifact-diff-sign').first()).toHaveText(
    '+added',
  );
  // Shared lines around the changes are context, never marked.
  const context = await codeOf(diff, 'context').allTextContents();
  expect(context.length).toBeGreaterThan(0);
  for (const line of context) expect(shared).toContain(line);
  await expect(section.locator('.artifact-diff-summary')).toContainText(
    `+${added.length} added −${removed.length} removed`,
  );

  const onlyInBase = section.locator('li[data-path="only_in_base.txt"]');
  await expect(onlyInBase).toContainText('only in cmp-base');
  await expect(onlyInBase.getByRole('button')).toHaveCount(0);
});

test('images swipe from the keyboard; a large file is diffed over its head and says so; binary is not compared', async ({
  page,
}) => {
  // Two small PNGs of different colours, drawn by the browser itself.
  const png = async (color: string) => {
    await page.setContent(`<div style="width:60px;height:40px;background:${color}"></div>`);
    return page.locator('div').screenshot();
  };
  const [red, blue] = [await png('#d33'), await png('#33d')];
  const experimentId = await mlflow.createExperiment(uniqueName('/e2e/compare-artifacts'));
  const runs = [
    await mlflow.createRun(experimentId, uniqueName('art-a')),
    await mlflow.createRun(experimentId, uniqueName('art-b')),
  ];
  // Over the 1 MB diff window, differing in its second line.
  const big = (second: string) =>
    Buffer.from(`first\n${second}\n${'same line of filler text\n'.repeat(60_000)}`);
  for (const [i, run] of runs.entries()) {
    await mlflowRun.uploadArtifact(run, 'plots/curve.png', i === 0 ? red : blue);
    await mlflowRun.uploadArtifact(run, 'big.txt', big(i === 0 ? 'old second' : 'new second'));
    await mlflowRun.uploadArtifact(run, 'blob.txt', new Uint8Array([1, 0, 2, i]));
  }
  const section = await openArtifactDiff(
    page,
    runs.map((r) => r.info.run_id),
  );
  const [nameA, nameB] = runs.map((r) => r.info.run_name ?? '') as [string, string];

  // A file in a folder: the listing walked into plots/.
  await section.getByRole('button', { name: /^plots\/curve\.png/ }).click();
  const top = section.getByRole('img', { name: `plots/curve.png in ${nameA}` });
  const bottom = section.getByRole('img', { name: `plots/curve.png in ${nameB}` });
  for (const img of [top, bottom])
    await expect
      .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
  const slider = section.getByRole('slider', { name: /^Swipe between/ });
  await expect(slider).toHaveValue('50');
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveValue('0');
  await expect(top).toHaveCSS('clip-path', 'inset(0px 100% 0px 0px)');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('1');
  await expect(slider).toHaveAttribute('aria-valuetext', `1% ${nameA}, 99% ${nameB}`);
  await section.getByRole('button', { name: 'Side by side' }).click();
  await expect(section.locator('figure figcaption')).toHaveText([nameA, nameB]);

  await section.getByRole('button', { name: /^big\.txt/ }).click();
  await expect(section.getByText('Too large to diff in full')).toBeVisible();
  const diff = section.getByRole('region', { name: 'Differences in big.txt' });
  expect(await codeOf(diff, 'removed').allTextContents()).toEqual(['old second']);
  expect(await codeOf(diff, 'added').allTextContents()).toEqual(['new second']);

  await section.getByRole('button', { name: /^blob\.txt/ }).click();
  await expect(section.getByText('Binary, not compared.')).toBeVisible();
  await expect(section.locator('.artifact-diff-sizes')).toContainText('(the same size)');
});

test('the runs and the file picked survive a reload, swapped sides included', async ({ page }) => {
  const base = cmp().run_id_by_name['cmp-base'];
  const lr = cmp().run_id_by_name['cmp-lr'];
  const changed = cmp().config_yaml_changed_lines;
  const section = await openArtifactDiff(page, [base, lr]);
  // Picking the right run for the left side swaps the two.
  await section.getByLabel('Left run').selectOption(lr);
  await expect(section.getByLabel('Right run')).toHaveValue(base);
  await section.getByRole('button', { name: /^config\.yaml/ }).click();
  const diff = section.getByRole('region', { name: 'Differences in config.yaml' });
  // Swapped: cmp-lr's lines are now the removed ones.
  const lrLines = changed.map(([, now]) => now);
  await expect(codeOf(diff, 'removed')).toHaveText(lrLines);
  await expect(page).toHaveURL(/[?&]af=config\.yaml(&|$)/);

  await page.reload();
  const again = page.getByRole('region', { name: 'Artifact diff' });
  await expect(page.getByRole('button', { name: 'Artifact diff' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(again.getByLabel('Left run')).toHaveValue(lr);
  await expect(again.getByLabel('Right run')).toHaveValue(base);
  await expect(
    codeOf(again.getByRole('region', { name: 'Differences in config.yaml' }), 'removed'),
  ).toHaveText(lrLines);
});
