// The run diff against the real MLflow: what it shows is checked against the runs as MLflow's own
// API reports them, never against values the page computed.
import type { Locator, Page } from '@playwright/test';
import type { Run } from '../src/api/types';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { rawHistory } from './support/logged-series';
import { mlflow, mlflowExperiment, mlflowRun, uniqueName } from './support/mlflow-api';

const churn = () => readManifest().experiments.churn;
const cmp = () => readManifest().experiments.compare;

const table = (page: Page) => page.getByRole('table', { name: 'Run differences' });
const rowOf = (page: Page, section: string, key: string) =>
  table(page).locator(`[role="row"][data-row="${section}:${key}"]`);
/** The cell of run column `index` (0-based, in column order). */
const cellOf = (row: Locator, index: number) =>
  row.locator(`[role="cell"][aria-colindex="${index + 2}"]`);
/** A cell's value alone, without its delta or best mark. */
const valueOf = (cell: Locator) => cell.locator('.diff-value-text');
const sectionOf = (page: Page, section: string) =>
  table(page).locator(`[role="row"][data-section="${section}"]`);
const runHeaders = (page: Page) => table(page).locator('[role="columnheader"][data-run]');

async function runsOf(experimentId: string, ids: readonly string[]): Promise<Map<string, Run>> {
  const runs = await mlflow.searchRuns(experimentId, '', 'ALL');
  return new Map(runs.filter((r) => ids.includes(r.info.run_id)).map((r) => [r.info.run_id, r]));
}
const paramOf = (run: Run | undefined, key: string) =>
  run?.data?.params?.find((p) => p.key === key)?.value;
const metricOf = (run: Run | undefined, key: string) =>
  Number(run?.data?.metrics?.find((m) => m.key === key)?.value);
/** A number as the page shows it: about 4 significant digits (an independent spelling). */
const fourDigits = (n: number) => String(Number(n.toPrecision(4)));

test('three runs selected in the table open side by side, exactly those', async ({ page }) => {
  await page.goto(`/experiments/${churn().id}`);
  const rows = page.getByRole('grid').locator('tbody tr[data-run-id]');
  await expect(rows.first()).toBeVisible();
  const picked = [0, 2, 5];
  const ids: string[] = [];
  const names: string[] = [];
  for (const i of picked) {
    const row = rows.nth(i);
    ids.push((await row.getAttribute('data-run-id')) ?? '');
    await row.getByRole('checkbox').click();
  }
  const runs = await runsOf(churn().id, ids);
  for (const id of ids) names.push(runs.get(id)?.info.run_name ?? '');
  await page.getByRole('button', { name: 'Compare' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare runs');
  await expect(runHeaders(page)).toHaveCount(3);
  expect(
    await runHeaders(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-run'))),
  ).toEqual(ids);
  for (const name of names)
    await expect(runHeaders(page).getByRole('link', { name, exact: true })).toBeVisible();
  // The table's experiment goes into the link: one runs/search, no lookup per run.
  expect(new URL(page.url()).searchParams.get('experiments')).toBe(churn().id);
});

test('differences only hides the params every run shares, and says how many', async ({ page }) => {
  // Runs 1, 4 and 7 of the churn grid share max_depth and differ in C (as MLflow reports them).
  const ids = [0, 3, 6].map((i) => churn().run_ids[i] as string);
  const runs = await runsOf(churn().id, ids);
  const values = (key: string) => ids.map((id) => paramOf(runs.get(id), key));
  const equalParams = ['C', 'max_depth'].filter((k) => new Set(values(k)).size === 1);
  const differing = ['C', 'max_depth'].filter((k) => new Set(values(k)).size > 1);
  expect(equalParams.length, 'the seed gives these runs a shared param').toBeGreaterThan(0);
  expect(differing.length, 'and a param that differs').toBeGreaterThan(0);

  await page.goto(`/compare?runs=${ids.join(',')}`);
  for (const key of differing) {
    const row = rowOf(page, 'params', key);
    await expect(row).toBeVisible();
    for (const [i, id] of ids.entries())
      await expect(cellOf(row, i)).toHaveText(paramOf(runs.get(id), key) ?? '');
  }
  for (const key of equalParams) await expect(rowOf(page, 'params', key)).toHaveCount(0);
  await expect(sectionOf(page, 'params')).toContainText(
    `${differing.length} shown, ${equalParams.length} equal hidden`,
  );

  await page.getByRole('checkbox', { name: /Differences only/ }).uncheck();
  for (const key of equalParams) await expect(rowOf(page, 'params', key)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('diff')).toBe('all');
  // `d` turns it back on.
  await table(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('d');
  for (const key of equalParams) await expect(rowOf(page, 'params', key)).toHaveCount(0);
});

test('a baseline pins first; deltas against it have the right sign and size, and a lower loss is better', async ({
  page,
}) => {
  const ids = [0, 3].map((i) => churn().run_ids[i] as string);
  const runs = await runsOf(churn().id, ids);
  const [base, other] = ids.map((id) => metricOf(runs.get(id), 'loss')) as [number, number];
  expect(base).not.toBe(other);

  // The baseline is the second run of the link: it moves to the first column.
  await page.goto(`/compare?runs=${ids.join(',')}&baseline=${ids[0]}`);
  await expect(runHeaders(page).first()).toHaveAttribute('data-run', ids[0] as string);
  await expect(
    runHeaders(page)
      .first()
      .getByRole('button', { name: /^Baseline:/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  const cell = cellOf(rowOf(page, 'metrics', 'loss'), 1);
  const delta = other - base;
  const sign = delta > 0 ? '+' : '';
  const relative = (delta / Math.abs(base)) * 100;
  await expect(cell.locator('.diff-delta')).toContainText(
    `${sign}${fourDigits(delta)} (${sign}${fourDigits(relative)}%)`,
  );
  await expect(cell.locator('.diff-delta')).toHaveClass(other < base ? /is-better/ : /is-worse/);
  await expect(cell).toContainText(fourDigits(other));

  // Another baseline from the keyboard: focus the other run's header button and press b.
  await runHeaders(page)
    .nth(1)
    .getByRole('button', { name: /^Baseline:/ })
    .focus();
  await page.keyboard.press('b');
  await expect(page).toHaveURL(new RegExp(`baseline=${ids[1]}`));
  await expect(runHeaders(page).first()).toHaveAttribute('data-run', ids[1] as string);
});

test('switching a metric’s direction writes the experiment tag, and a reload keeps it', async ({
  page,
}) => {
  const experimentId = await mlflow.createExperiment(uniqueName('e2e-compare-direction'));
  const a = await mlflow.createRun(experimentId, 'dir-a');
  const b = await mlflow.createRun(experimentId, 'dir-b');
  await mlflow.logMetric(a.info.run_id, 'score', 1);
  await mlflow.logMetric(b.info.run_id, 'score', 2);
  await page.goto(`/compare?runs=${a.info.run_id},${b.info.run_id}&baseline=${a.info.run_id}`);
  const delta = cellOf(rowOf(page, 'metrics', 'score'), 1).locator('.diff-delta');
  // "score" says nothing about its direction: a difference, neither better nor worse.
  await expect(delta).toHaveClass(/is-neutral/);

  const direction = rowOf(page, 'metrics', 'score').getByRole('button', {
    name: /^Direction of score/,
  });
  await direction.click();
  await page.getByRole('menuitem', { name: 'Lower is better' }).click();
  await expect
    .poll(() => mlflowExperiment.tag(experimentId, 'parallax.metric_direction.score'))
    .toBe('min');
  await expect(delta).toHaveClass(/is-worse/);
  await page.reload();
  await expect(delta).toHaveClass(/is-worse/);
  await expect(direction).toHaveAccessibleName(/shared with the experiment/);

  await direction.click();
  await page.getByRole('menuitem', { name: /Guess from the name/ }).click();
  await expect
    .poll(() => mlflowExperiment.tag(experimentId, 'parallax.metric_direction.score'))
    .toBeUndefined();
  await expect(delta).toHaveClass(/is-neutral/);
});

test('where MLflow cannot hold a direction, it is kept in this browser, says why, and a reload keeps it', async ({
  page,
}) => {
  const experimentId = await mlflow.createExperiment(uniqueName('e2e-compare-direction-local'));
  const a = await mlflow.createRun(experimentId, 'local-a');
  const b = await mlflow.createRun(experimentId, 'local-b');
  // MLflow holds metric keys of up to 250 characters; with the tag's prefix this one is too long
  // for a tag key.
  const longKey = `score_${'x'.repeat(234)}`;
  for (const [run, value] of [
    [a, 1],
    [b, 2],
  ] as const) {
    await mlflow.logMetric(run.info.run_id, 'score', value);
    await mlflow.logMetric(run.info.run_id, longKey, value);
  }
  const link = `/compare?runs=${a.info.run_id},${b.info.run_id}&baseline=${a.info.run_id}`;
  const readOnly = process.env.E2E_READONLY_PARALLAX_URL;
  if (!readOnly) throw new Error('E2E_READONLY_PARALLAX_URL is not set: run through playwright');
  const note = page.getByRole('status').filter({ hasText: 'is kept in this browser only' });
  const choose = async (key: string, name: string) => {
    await rowOf(page, 'metrics', key)
      .getByRole('button', { name: new RegExp(`^Direction of ${key}`) })
      .click();
    await page.getByRole('menuitem', { name }).click();
  };
  const deltaOf = (key: string) => cellOf(rowOf(page, 'metrics', key), 1).locator('.diff-delta');

  // A read-only Parallax writes nothing to MLflow.
  await page.goto(new URL(link, readOnly).href);
  await expect(deltaOf('score')).toHaveClass(/is-neutral/);
  await choose('score', 'Higher is better');
  await expect(note).toContainText('this Parallax is read-only');
  await expect(deltaOf('score')).toHaveClass(/is-better/);
  await page.reload();
  await expect(deltaOf('score')).toHaveClass(/is-better/);
  await expect(
    rowOf(page, 'metrics', 'score').getByRole('button', { name: /^Direction of score/ }),
  ).toHaveAccessibleName(/kept in this browser only/);
  expect(await mlflowExperiment.tag(experimentId, 'parallax.metric_direction.score')).toBe(
    undefined,
  );

  // On the normal Parallax, a key MLflow cannot hold as a tag stays in this browser too.
  await page.goto(link);
  await expect(deltaOf(longKey)).toHaveClass(/is-neutral/);
  await choose(longKey, 'Lower is better');
  await expect(note).toContainText('250');
  await expect(deltaOf(longKey)).toHaveClass(/is-worse/);
  await page.reload();
  await expect(deltaOf(longKey)).toHaveClass(/is-worse/);
  // What the read-only Parallax kept is in that origin's storage, not this one's.
  await expect(deltaOf('score')).toHaveClass(/is-neutral/);
  const tags = (await mlflow.getExperiment(experimentId)).tags ?? [];
  expect(tags.filter((t) => t.key.startsWith('parallax.metric_direction.'))).toEqual([]);
});

test.describe('ids that show no run', () => {
  // Chromium logs the 404 of the missing run's runs/get as a console error.
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('a missing id and a deleted run each get a message while the others still show', async ({
    page,
  }) => {
    const experimentId = await mlflow.createExperiment(uniqueName('e2e-compare-missing'));
    const kept = await mlflow.createRun(experimentId, 'kept');
    const gone = await mlflow.createRun(experimentId, 'gone');
    await mlflowRun.delete(gone.info.run_id);
    const missing = 'f'.repeat(32);
    await page.goto(
      `/compare?runs=${kept.info.run_id},${missing},${gone.info.run_id},not%20an%20id`,
    );
    await expect(runHeaders(page)).toHaveCount(1);
    await expect(runHeaders(page).getByRole('link', { name: 'kept' })).toBeVisible();
    const problems = page.locator('.compare-problems');
    await expect(problems).toContainText(`Run ${missing} was not found: RESOURCE_DOES_NOT_EXIST`);
    await expect(problems).toContainText(`Run ${gone.info.run_id} is deleted`);
    await expect(problems).toContainText('not an id is not a run id');
  });
});

test('runs from two experiments compare side by side, without the experiments in the link', async ({
  page,
}) => {
  const other = await mlflow.createExperiment(uniqueName('e2e-compare-other'));
  const run = await mlflow.createRun(other, 'elsewhere');
  const churnRun = churn().run_ids[0] as string;
  await page.goto(`/compare?runs=${churnRun},${run.info.run_id}`);
  await expect(runHeaders(page)).toHaveCount(2);
  const experimentRow = rowOf(page, 'attributes', 'experiment_id');
  await expect(cellOf(experimentRow, 0)).toHaveText(churn().id);
  await expect(cellOf(experimentRow, 1)).toHaveText(other);
});

test('the URL reproduces the view: baseline, every row, a folded section', async ({ page }) => {
  const ids = [1, 2].map((i) => churn().run_ids[i] as string);
  await page.goto(`/compare?runs=${ids.join(',')}`);
  await runHeaders(page)
    .nth(1)
    .getByRole('button', { name: /^Baseline:/ })
    .click();
  await page.getByRole('checkbox', { name: /Differences only/ }).uncheck();
  await sectionOf(page, 'tags').getByRole('button', { name: /Tags/ }).click();
  await expect(page).toHaveURL(/collapsed=tags/);

  await page.reload();
  await expect(runHeaders(page).first()).toHaveAttribute('data-run', ids[1] as string);
  await expect(page.getByRole('checkbox', { name: /Differences only/ })).not.toBeChecked();
  await expect(sectionOf(page, 'tags').getByRole('button', { name: /Tags/ })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(table(page).locator('[data-row^="tags:"]')).toHaveCount(0);
});

test('hostile names and values stay text; a long value opens whole, with Copy', async ({
  page,
}) => {
  const h = readManifest().experiments.hostile;
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(`/compare?runs=${h.hostile_run_id},${h.long_run_id}&diff=all`);
  await expect(
    runHeaders(page).getByRole('link', { name: h.hostile_run_name, exact: true }),
  ).toBeVisible();
  await expect(
    runHeaders(page).getByRole('link', { name: h.long_run_name, exact: true }),
  ).toBeVisible();
  const run = await mlflowRun.get(h.hostile_run_id);
  const html = run.data?.params?.find((p) => p.value === h.texts.html);
  expect(html, 'the hostile run has an HTML param').toBeDefined();
  const row = rowOf(page, 'params', html?.key ?? '');
  await row.scrollIntoViewIfNeeded();
  await expect(cellOf(row, 0)).toHaveText(h.texts.html);

  const long = run.data?.params?.find((p) => p.value === h.texts.long_param);
  const longRow = rowOf(page, 'params', long?.key ?? '');
  await page.getByRole('searchbox', { name: 'Search keys' }).fill(long?.key ?? '');
  await cellOf(longRow, 0).getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('pre')).toHaveText(h.texts.long_param);
  await expect(dialog.getByRole('button', { name: 'Copy value' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test('Export CSV saves the rows on screen, one column per run', async ({ page }) => {
  const ids = [0, 3, 6].map((i) => churn().run_ids[i] as string);
  const runs = await runsOf(churn().id, ids);
  await page.goto(`/compare?runs=${ids.join(',')}`);
  await expect(rowOf(page, 'params', 'C')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('run-diff.csv');
  const text = await new Response(
    (await file.createReadStream()) as unknown as ReadableStream,
  ).text();
  const lines = text.trim().split('\r\n');
  const header = ids.map((id) => `${runs.get(id)?.info.run_name} (${id})`);
  expect(lines[0]).toBe(['section', 'key', ...header].join(','));
  expect(lines).toContain(
    ['params', 'C', ...ids.map((id) => paramOf(runs.get(id), 'C'))].join(','),
  );
});

test('the value at a chosen step, the min and the best step of another metric are the history’s', async ({
  page,
}) => {
  const names = ['cmp-base', 'cmp-lr', 'cmp-deep'] as const;
  const ids = names.map((n) => cmp().run_id_by_name[n]);
  await page.goto(`/compare?runs=${ids.join(',')}&experiments=${cmp().id}`);
  const lossRow = rowOf(page, 'metrics', 'val_loss');
  await expect(lossRow).toBeVisible();
  const histories = await Promise.all(ids.map((id) => rawHistory(id, 'val_loss')));
  const at = (i: number, step: number) =>
    histories[i]?.find((p) => p.step === step)?.value ?? Number.NaN;

  await page.getByRole('combobox', { name: 'Metric value shown' }).selectOption('step');
  const stepBox = page.getByRole('spinbutton', { name: 'Step' });
  await stepBox.fill('5');
  await stepBox.press('Enter');
  await expect(page).toHaveURL(/at=step%3A5|at=step:5/);
  for (const i of [0, 1, 2])
    await expect(valueOf(cellOf(lossRow, i))).toHaveText(fourDigits(at(i, 5)));

  await page.getByRole('combobox', { name: 'Metric value shown' }).selectOption('min');
  for (const i of [0, 1, 2]) {
    const min = Math.min(...(histories[i] ?? []).map((p) => p.value));
    await expect(valueOf(cellOf(lossRow, i))).toHaveText(fourDigits(min));
  }

  // val_accuracy at the step where val_loss is lowest in the same run (cmp-lr overfits: not its last).
  await page.getByRole('combobox', { name: 'Metric value shown' }).selectOption('best');
  await page.getByRole('combobox', { name: 'Best step of metric' }).selectOption('val_loss');
  const accRow = rowOf(page, 'metrics', 'val_accuracy');
  for (const [i, id] of ids.entries()) {
    const loss = histories[i] ?? [];
    const best = loss.reduce((a, b) => (b.value < a.value ? b : a));
    const acc = await rawHistory(id, 'val_accuracy');
    const expected = acc.find((p) => p.step === best.step)?.value ?? Number.NaN;
    await expect(valueOf(cellOf(accRow, i))).toHaveText(fourDigits(expected));
  }
  // The link reproduces the choice.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Best step of metric' })).toHaveValue('val_loss');
});

test('a deleted seeded run, a run of another experiment, datasets and flattened params', async ({
  page,
}) => {
  const c = cmp();
  const ids = [
    c.run_id_by_name['cmp-base'],
    c.run_id_by_name['cmp-deep'],
    c.deleted_run_id,
    c.run_id_by_name['cmp-other'],
  ];
  await page.goto(`/compare?runs=${ids.join(',')}`);
  await expect(runHeaders(page)).toHaveCount(3);
  await expect(page.locator('.compare-problems')).toContainText(
    `Run ${c.deleted_run_id} is deleted`,
  );

  // A JSON param becomes dotted rows; the sub-key that varies shows, the one that does not hides.
  const base = await mlflowRun.get(c.run_id_by_name['cmp-base']);
  const config = JSON.parse(paramOf(base, 'model_config') ?? '{}') as { lr: number };
  await expect(cellOf(rowOf(page, 'params', 'model_config.lr'), 0)).toHaveText(String(config.lr));
  await expect(rowOf(page, 'params', 'model_config.layers.0')).toHaveCount(0);

  // The datasets row: cmp-deep read a different frame, so its digest differs.
  const digests = await Promise.all(
    [c.run_id_by_name['cmp-base'], c.run_id_by_name['cmp-deep']].map(async (id) => {
      const run = (await mlflowRun.get(id)) as Run & {
        inputs?: { dataset_inputs?: { dataset?: { digest?: string } }[] };
      };
      return run.inputs?.dataset_inputs?.[0]?.dataset?.digest ?? '';
    }),
  );
  expect(digests[0]).not.toBe(digests[1]);
  const datasetRow = rowOf(page, 'datasets', 'churn-train (training)');
  await expect(cellOf(datasetRow, 0)).toHaveText(digests[0] as string);
  await expect(cellOf(datasetRow, 1)).toHaveText(digests[1] as string);
});

test('the runs table marks each metric column’s best value by its direction', async ({ page }) => {
  const experimentId = await mlflow.createExperiment(uniqueName('e2e-best-marks'));
  const logged = {
    a: { val_loss: 0.3, val_auc: 0.8, epoch_time: 10 },
    b: { val_loss: 0.2, val_auc: 0.7, epoch_time: 12 },
    c: { val_loss: 0.5, val_auc: 0.9, epoch_time: 11 },
  };
  const ids: Record<string, string> = {};
  for (const [name, metrics] of Object.entries(logged)) {
    const run = await mlflow.createRun(experimentId, name);
    ids[name] = run.info.run_id;
    for (const [key, value] of Object.entries(metrics))
      await mlflow.logMetric(run.info.run_id, key, value);
  }
  await page.goto(`/experiments/${experimentId}`);
  const grid = page.getByRole('grid');
  await expect(grid.locator('tbody tr[data-run-id]')).toHaveCount(3);
  const marked = (key: string) => grid.locator(`td[data-column="metrics.${key}"] .runs-best`);
  // val_loss is lower-is-better and val_auc higher-is-better by their names; epoch_time says nothing.
  await expect(marked('val_loss')).toHaveCount(1);
  await expect(
    grid.locator(`tr[data-run-id="${ids.b}"] td[data-column="metrics.val_loss"] .runs-best`),
  ).toHaveText('0.2');
  await expect(marked('val_auc')).toHaveCount(1);
  await expect(
    grid.locator(`tr[data-run-id="${ids.c}"] td[data-column="metrics.val_auc"] .runs-best`),
  ).toHaveText('0.9');
  await expect(grid.locator('td[data-column="metrics.epoch_time"]')).toHaveCount(3);
  await expect(marked('epoch_time')).toHaveCount(0);

  // The team says epoch_time is lower-is-better (the tag the compare page writes): the table follows.
  await mlflowExperiment.setTag(experimentId, 'parallax.metric_direction.epoch_time', 'min');
  await page.reload();
  await expect(
    grid.locator(`tr[data-run-id="${ids.a}"] td[data-column="metrics.epoch_time"] .runs-best`),
  ).toHaveText('10');
});

test('the charts below the diff: curves of the runs, and a scatter whose point opens its run', async ({
  page,
}) => {
  const names = ['cmp-base', 'cmp-lr', 'cmp-deep'] as const;
  const ids = names.map((n) => cmp().run_id_by_name[n]);
  await page.goto(`/compare?runs=${ids.join(',')}&sx=params.lr&sy=metrics.val_loss`);
  const charts = page.getByRole('region', { name: 'Charts' });
  await charts.scrollIntoViewIfNeeded();
  // The experiment charts' own picker and curves, over exactly the compared runs.
  await expect(charts.getByRole('button', { name: /metrics/i }).first()).toBeVisible();
  const scatter = charts.getByRole('figure', { name: 'val_loss against lr, 3 runs' });
  await expect(scatter).toBeVisible();
  const points = scatter.locator('.run-scatter-dot');
  await expect(points).toHaveCount(3);
  // The point of cmp-lr, which MLflow holds at lr 0.1: the rightmost, since the others have 0.01.
  const lr = cmp().run_id_by_name['cmp-lr'];
  expect(paramOf(await mlflowRun.get(lr), 'lr')).toBe('0.1');
  const xs = await points.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-run'), e.getBoundingClientRect().x] as const),
  );
  expect(xs.reduce((a, b) => (b[1] > a[1] ? b : a))[0]).toBe(lr);
  const point = scatter.locator(`.run-scatter-dot[data-run="${lr}"]`);
  await point.hover();
  await expect(scatter.getByRole('status')).toContainText('cmp-lr: lr 0.1');
  await point.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${lr}`));
});
