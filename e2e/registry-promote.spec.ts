// The promotion view and the version page's signature, against the real MLflow registry. The seed
// logged two real scikit-learn models whose signatures differ in one input's type
// (/Shared/e2e/promote); each test registers versions of its own from them, so a Promote changes
// nothing another test reads. Every write is read back from MLflow; every expected value comes
// from the seed's manifest (signatures as MLflow itself reads them back).
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readManifest, type SeededColumn } from './support/manifest';
import {
  mlflow,
  mlflowExperiment,
  mlflowPromote,
  mlflowRegistry,
  mlflowRegistryHistory,
  mlflowRun,
  uniqueName,
} from './support/mlflow-api';
import { ownRun } from './support/own-run';

const seeded = () => readManifest().experiments.promote;

/**
 * v1 from the champion's logged model (its `models:/m-…` URI), in Production with @champion; v2
 * from the candidate run's `model/` folder (the 2.x way), in Staging.
 */
async function promotionModel(prefix: string) {
  const { champion, candidate } = seeded();
  const name = uniqueName(`e2e-${prefix}`);
  await mlflowRegistry.createModel(name);
  await mlflowPromote.createVersionFrom(
    name,
    `models:/${champion.model_id}`,
    champion.run_id,
    champion.model_id,
  );
  await mlflowRegistry.createVersion(name, candidate.run_id);
  await mlflowRegistry.transition(name, '1', 'Production');
  await mlflowRegistry.transition(name, '2', 'Staging');
  await mlflowRegistry.setAlias(name, 'champion', '1');
  return name;
}

const promoteUrl = (name: string, query: string) =>
  `/models/${encodeURIComponent(name)}/promote?${query}`;

/** The candidate minus the champion, as a person writes it to 4 significant digits. */
const signedDelta = (candidate: number, champion: number) => {
  const d = Number((candidate - champion).toPrecision(4));
  return d > 0 ? `+${d}` : String(d);
};

const metricRow = (page: Page, key: string) =>
  page
    .getByRole('table', { name: 'Metrics' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${key}\\b`) }) });

async function expectDelta(row: Locator, text: string, verdict: 'better' | 'worse') {
  const delta = row.locator('.promotion-delta');
  await expect(delta).toContainText(text);
  await expect(delta).toContainText(verdict);
  await expect(delta).toHaveClass(new RegExp(`\\bis-${verdict}\\b`));
}

/** MLflow's JSON type of a column, as the page spells it. */
const typeOf = (c: SeededColumn) =>
  c['tensor-spec'] ? `tensor of ${c['tensor-spec'].dtype}` : c.type;

test('the promotion view: metric deltas by direction, the retyped input flagged, the view kept in the URL', async ({
  page,
}) => {
  const { champion, candidate } = seeded();
  const name = await promotionModel('promote-view');

  // By default the candidate is compared with @champion.
  await page.goto(promoteUrl(name, 'candidate=2'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Promote v2 of ${name}`);
  const loss = metricRow(page, 'loss');
  await expect(loss).toContainText(String(champion.metrics.loss));
  await expect(loss).toContainText(String(candidate.metrics.loss));
  // A lower loss is better; a higher accuracy too.
  await expectDelta(loss, signedDelta(candidate.metrics.loss, champion.metrics.loss), 'better');
  await expectDelta(
    metricRow(page, 'accuracy'),
    signedDelta(candidate.metrics.accuracy, champion.metrics.accuracy),
    'better',
  );

  // Params: the changed ones shown, as the runs logged them.
  const params = page.getByRole('table', { name: 'Changed params' });
  for (const key of ['C', 'feature_set'])
    await expect(
      params
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: key, exact: true }) })
        .getByRole('cell'),
    ).toHaveText([champion.params[key] ?? '?', candidate.params[key] ?? '?']);

  // The input whose type differs between the two MLmodels is flagged breaking; the other is not.
  const section = page.getByRole('region', { name: 'Signature compatibility' });
  await expect(section.getByRole('status')).toContainText('Breaking.');
  const changes = section.getByRole('table', { name: 'Inputs changes' });
  const before = new Map(champion.inputs.map((c) => [c.name, c]));
  const retyped = candidate.inputs.filter((c) => before.get(c.name)?.type !== c.type);
  expect(retyped.map((c) => c.name)).toEqual(['tenure_months']);
  for (const c of retyped) {
    const row = changes
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: c.name ?? '' }) });
    await expect(row).toContainText(before.get(c.name)?.type ?? '?');
    await expect(row).toContainText(c.type);
    await expect(row).toContainText('breaking');
  }
  await expect(changes.getByRole('row')).toHaveCount(1 + retyped.length);

  // Both source runs' curves, named by version.
  const curves = page.getByRole('region', { name: 'Training curves' });
  // Charts draw once scrolled into view.
  await curves.scrollIntoViewIfNeeded();
  await expect(
    curves.getByRole('button', { name: /v1 champion · promote-champion/ }),
  ).toBeVisible();
  await expect(
    curves.getByRole('button', { name: /v2 candidate · promote-candidate/ }),
  ).toBeVisible();

  // The other way round, chosen in the view: v1 against v2. The loss now rose: worse.
  await page.getByLabel('Candidate', { exact: true }).selectOption('1');
  await page.getByLabel('against', { exact: true }).selectOption('version:2');
  await expect(page).toHaveURL(/candidate=1/);
  await expect(page).toHaveURL(/against=version%3A2/);
  const worse = signedDelta(champion.metrics.loss, candidate.metrics.loss);
  await expectDelta(metricRow(page, 'loss'), worse, 'worse');

  // The URL alone reproduces it.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Promote v1 of ${name}`);
  await expect(page.getByLabel('against', { exact: true })).toHaveValue('version:2');
  await expectDelta(metricRow(page, 'loss'), worse, 'worse');
});

test('Promote lists every change, then MLflow holds them: the alias moved, the stages transitioned', async ({
  page,
}) => {
  const name = await promotionModel('promote-write');
  await page.goto(promoteUrl(name, 'candidate=2'));
  await page.getByRole('button', { name: 'Promote v2…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Promote version 2' });
  await expect(dialog.getByRole('list', { name: 'Changes' }).getByRole('listitem')).toHaveText([
    'alias champion: v1 → v2',
    'v2: Staging → Production',
    'v1: Production → Archived',
  ]);
  await dialog.getByRole('button', { name: 'Promote' }).click();
  await expect(dialog).toBeHidden();

  await expect
    .poll(async () => (await mlflowRegistry.getModel(name)).aliases)
    .toEqual([{ alias: 'champion', version: '2' }]);
  expect((await mlflowRegistry.getVersion(name, '2')).current_stage).toBe('Production');
  expect((await mlflowRegistry.getVersion(name, '1')).current_stage).toBe('Archived');
  // Made through the recorded writes: the model's history holds both, stage first.
  const history = (await mlflowRegistryHistory.tags(name)).map(
    (t) => JSON.parse(t.value) as Record<string, unknown>,
  );
  expect(history).toEqual([
    expect.objectContaining({
      kind: 'stage',
      moves: [
        { version: '2', from: 'Staging', to: 'Production' },
        { version: '1', from: 'Production', to: 'Archived' },
      ],
    }),
    expect.objectContaining({ kind: 'alias', alias: 'champion', from: '1', to: '2' }),
  ]);

  // The new state: what was done, and v2 now the champion.
  await expect(page.getByRole('list', { name: 'Changes made' })).toContainText(
    'alias champion: v1 → v2',
  );
  await expect(page.getByRole('note')).toContainText('Version 2 is @champion');
  await expect(page.getByLabel('The candidate')).toContainText('Production');
  await expect(page.getByLabel('The candidate')).toContainText('@champion');
});

test.describe('a Promote MLflow refuses', () => {
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test("keeps the dialog open with MLflow's error code and message", async ({ page }) => {
    const name = await promotionModel('promote-fail');
    await page.goto(promoteUrl(name, 'candidate=2'));
    await page.getByRole('button', { name: 'Promote v2…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Promote version 2' });
    await expect(dialog.getByRole('listitem')).toHaveCount(3);
    // Gone behind the page's back: MLflow refuses the transition.
    await mlflowPromote.deleteVersion(name, '2');
    await dialog.getByRole('button', { name: 'Promote' }).click();
    await expect(dialog.getByRole('alert')).toContainText('RESOURCE_DOES_NOT_EXIST');
    await expect(dialog).toBeVisible();
    expect((await mlflowRegistry.getModel(name)).aliases).toEqual([
      { alias: 'champion', version: '1' },
    ]);
    expect((await mlflowRegistry.getVersion(name, '1')).current_stage).toBe('Production');
  });
});

test('no champion, a deleted source run: each said, the rest still shown', async ({ page }) => {
  const { candidate } = seeded();
  const { runId } = await ownRun('promote-gone');
  const name = uniqueName('e2e-promote-gone');
  await mlflowRegistry.createModel(name);
  await mlflowRegistry.createVersion(name, runId);
  await mlflowRegistry.createVersion(name, candidate.run_id);
  await mlflowRun.delete(runId);

  await page.goto(promoteUrl(name, 'candidate=2'));
  await expect(page.getByRole('note').first()).toContainText('No champion yet');
  await expect(metricRow(page, 'loss')).toContainText(String(candidate.metrics.loss));
  await expect(page.getByRole('region', { name: 'Signature compatibility' })).toContainText(
    'Compatibility unknown',
  );

  await page.getByLabel('against', { exact: true }).selectOption('version:1');
  await expect(page.getByRole('note').filter({ hasText: runId })).toContainText('is deleted');
  // v1 was registered from a folder with no MLmodel: no signature, not a failure.
  await expect(page.getByRole('region', { name: 'Signature compatibility' })).toContainText(
    'v1 (champion) has no signature',
  );
  await expect(metricRow(page, 'loss')).toContainText(String(candidate.metrics.loss));
});

test("the version page shows the signature read from the version's MLmodel; the table says which have one", async ({
  page,
}) => {
  const { candidate } = seeded();
  const name = await promotionModel('signature');
  // A version whose folder holds no MLmodel.
  const run = await mlflowRun.get(candidate.run_id);
  await mlflowPromote.createVersionFrom(name, `${run.info.artifact_uri}/plots`, candidate.run_id);

  await page.goto(`/models/${encodeURIComponent(name)}/versions/2`);
  const section = page.getByRole('region', { name: 'Signature' });
  const inputs = section.getByRole('table', { name: 'Signature inputs' });
  await expect(inputs.getByRole('row')).toHaveCount(1 + candidate.inputs.length);
  for (const c of candidate.inputs) {
    const row = inputs.getByRole('row').filter({ hasText: c.name ?? '' });
    await expect(row).toContainText(typeOf(c));
    await expect(row).toContainText(c.required === false ? 'no' : 'yes');
  }
  const outputs = section.getByRole('table', { name: 'Signature outputs' });
  for (const c of candidate.outputs) await expect(outputs).toContainText(typeOf(c));
  await expect(section.getByLabel('Input example')).toContainText('tenure_months');

  await page.goto(`/models/${encodeURIComponent(name)}/versions/3`);
  await expect(page.getByRole('region', { name: 'Signature' })).toContainText(
    "No MLmodel in this version's files",
  );

  await page.goto(`/models/${encodeURIComponent(name)}`);
  const table = page.getByRole('table', { name: 'Model versions' });
  const cell = (version: string) =>
    table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `v${version}`, exact: true }) });
  await expect(cell('1')).toContainText(
    `yes · ${seeded().champion.inputs.length} in, ${seeded().champion.outputs.length} out`,
  );
  await expect(cell('2')).toContainText(
    `yes · ${candidate.inputs.length} in, ${candidate.outputs.length} out`,
  );
  await expect(cell('3')).toContainText('no MLmodel');
});

test('a direction switched in the promotion view recolours the delta and is written to both source experiments', async ({
  page,
}) => {
  // Source runs of their own, in two experiments, so that no other test reads these tags.
  const before = await ownRun('promote-direction-champion');
  const after = await ownRun('promote-direction-candidate');
  await mlflow.logMetric(before.runId, 'score', 1);
  await mlflow.logMetric(after.runId, 'score', 3);
  const name = uniqueName('e2e-promote-direction');
  await mlflowRegistry.createModel(name);
  await mlflowRegistry.createVersion(name, before.runId);
  await mlflowRegistry.createVersion(name, after.runId);
  await mlflowRegistry.setAlias(name, 'champion', '1');
  const tagOf = (experimentId: string) =>
    mlflowExperiment.tag(experimentId, 'parallax.metric_direction.score');

  await page.goto(promoteUrl(name, 'candidate=2'));
  const score = metricRow(page, 'score');
  const delta = score.locator('.promotion-delta');
  // "score" says nothing about its direction: a change, neither better nor worse.
  await expect(delta).toHaveClass(/\bis-neutral\b/);
  await expect(delta).toContainText('+2');
  // The view says where a choice goes: both experiments, by name.
  const metrics = page.getByRole('region', { name: 'Metrics' });
  await expect(metrics).toContainText('different experiments');
  for (const { experimentId } of [before, after])
    await expect(
      metrics.getByRole('link', { name: (await mlflow.getExperiment(experimentId)).name }),
    ).toBeVisible();

  const choose = async (item: string) => {
    await score.getByRole('button', { name: /^Direction of score/ }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  await choose('Lower is better');
  await expect.poll(() => tagOf(before.experimentId)).toBe('min');
  await expect.poll(() => tagOf(after.experimentId)).toBe('min');
  await expectDelta(score, '+2', 'worse');
  await expect(score.getByRole('button', { name: /^Direction of score/ })).toHaveAccessibleName(
    /shared with the experiment/,
  );

  await choose('Higher is better');
  await expect.poll(() => tagOf(before.experimentId)).toBe('max');
  await expect.poll(() => tagOf(after.experimentId)).toBe('max');
  await expectDelta(score, '+2', 'better');
  // Read back from MLflow, not from this page's memory.
  await page.reload();
  await expectDelta(metricRow(page, 'score'), '+2', 'better');
});

test("the promotion view's history shows who held the alias before a Promote, without a reload", async ({
  page,
}) => {
  const name = await promotionModel('promote-history');
  // A record about another alias, as Parallax writes one: the model page shows it, this view not.
  await mlflowRegistry.setAlias(name, 'challenger', '2');
  await mlflowRegistryHistory.setTag(
    name,
    `parallax.history.${String(Date.now() - 60_000).padStart(15, '0')}.e2e0`,
    JSON.stringify({ v: 1, kind: 'alias', alias: 'challenger', from: null, to: '2', by: null }),
  );
  await page.goto(promoteUrl(name, 'candidate=2'));
  const history = page.getByRole('region', { name: 'History of @champion and Production' });
  await expect(history).toContainText('No move of @champion and Production recorded yet');

  await page.getByRole('button', { name: 'Promote v2…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Promote version 2' });
  await dialog.getByRole('button', { name: 'Promote' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => (await mlflowRegistry.getModel(name)).aliases)
    .toContainEqual({ alias: 'champion', version: '2' });
  const recorded = (await mlflowRegistryHistory.tags(name)).map(
    (t) => JSON.parse(t.value) as Record<string, unknown>,
  );
  expect(recorded).toContainEqual(
    expect.objectContaining({ kind: 'alias', alias: 'champion', from: '1', to: '2' }),
  );

  // Newest first: the alias's move from its past holder, then the transition and what it archived.
  const entries = history.getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('@champion');
  await expect(entries.nth(0)).toContainText('v1 → v2');
  await expect(entries.nth(1)).toContainText('Staging → Production');
  await expect(entries.nth(1)).toContainText('v1 Production → Archived');
  await expect(history).not.toContainText('challenger');

  await history.getByRole('link', { name: /full history/ }).click();
  await expect(page).toHaveURL(new RegExp(`/models/${encodeURIComponent(name)}#history$`));
  const full = page.getByRole('list', { name: 'History', exact: true });
  await expect(full.getByRole('listitem')).toHaveCount(3);
  await expect(full).toContainText('@challenger');
  await expect(full.getByRole('listitem').first()).toContainText('v1 → v2');
});

test('Swap compares the other way round: the URL names both, and the deltas change sign', async ({
  page,
}) => {
  const { champion, candidate } = seeded();
  const name = await promotionModel('promote-swap');
  await page.goto(promoteUrl(name, 'candidate=2'));
  const forward = signedDelta(candidate.metrics.loss, champion.metrics.loss);
  await expectDelta(metricRow(page, 'loss'), forward, 'better');

  await page.getByRole('button', { name: 'Swap' }).click();
  await expect(page).toHaveURL(/candidate=1/);
  await expect(page).toHaveURL(/against=version%3A2/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Promote v1 of ${name}`);
  const backward = signedDelta(champion.metrics.loss, candidate.metrics.loss);
  expect(Math.sign(Number(backward))).toBe(-Math.sign(Number(forward)));
  await expectDelta(metricRow(page, 'loss'), backward, 'worse');
  await expect(page.getByLabel('The candidate')).toContainText('v1');

  // And back again.
  await page.getByRole('button', { name: 'Swap' }).click();
  await expect(page).toHaveURL(/candidate=2/);
  await expect(page).toHaveURL(/against=version%3A1/);
  await expectDelta(metricRow(page, 'loss'), forward, 'better');
});
