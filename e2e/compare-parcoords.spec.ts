// The compare page's parallel coordinates against the real MLflow: which params get an axis, and
// which runs a brush keeps, are checked against the runs' params as MLflow's API reports them.
import type { Locator, Page } from '@playwright/test';
import type { Run } from '../src/api/types';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflow } from './support/mlflow-api';

const cmp = () => readManifest().experiments.compare;
const NAMES = ['cmp-base', 'cmp-lr', 'cmp-deep'] as const;

const section = (page: Page) => page.getByRole('region', { name: 'Parallel coordinates' });
/** An axis's title button: `param lr, axis 1 of 9; …`. */
const axisTitle = (page: Page, kind: 'param' | 'metric', key: string) =>
  section(page).getByRole('button', { name: new RegExp(`^${kind} ${key}, axis \\d+ of \\d+`) });
/** The strip over an axis that takes a drag or keys to brush it: `lr: no brush`. */
const brushArea = (page: Page, key: string) =>
  section(page).getByRole('button', { name: new RegExp(`^${key}: `) });
const status = (page: Page) => section(page).getByRole('status');
const runHeaders = (page: Page) =>
  page.getByRole('table', { name: 'Run differences' }).locator('[role="columnheader"][data-run]');

async function comparedRuns(): Promise<{ ids: string[]; runs: Run[] }> {
  const ids = NAMES.map((n) => cmp().run_id_by_name[n]);
  const all = await mlflow.searchRuns(cmp().id);
  const runs = ids.map((id) => all.find((r) => r.info.run_id === id));
  expect(runs.every(Boolean), 'MLflow has the three compared runs').toBe(true);
  return { ids, runs: runs as Run[] };
}
const paramOf = (run: Run, key: string) => run.data?.params?.find((p) => p.key === key)?.value;
const paramKeys = (runs: Run[]) => [
  ...new Set(runs.flatMap((r) => (r.data?.params ?? []).map((p) => p.key))),
];

async function open(page: Page, ids: readonly string[], extra = '') {
  await page.goto(`/compare?runs=${ids.join(',')}&experiments=${cmp().id}${extra}`);
  await section(page).scrollIntoViewIfNeeded();
}

/** Drags vertically over a fraction of an axis's strip, 0 its top edge, 1 its bottom edge. */
async function dragOn(page: Page, area: Locator, from: number, to: number) {
  await area.scrollIntoViewIfNeeded();
  const box = await area.boundingBox();
  if (!box) throw new Error('the axis has no box');
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + box.height * from);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height * to, { steps: 6 });
  await page.mouse.up();
}

test('params every run shares get no axis by default; those that vary do', async ({ page }) => {
  const { ids, runs } = await comparedRuns();
  const keys = paramKeys(runs);
  const equal = keys.filter((k) => new Set(runs.map((r) => paramOf(r, k))).size === 1);
  const varying = ['lr', 'max_depth', 'n_estimators'];
  expect(equal, 'the seed gives the runs shared params').toEqual(
    expect.arrayContaining(['seed', 'optimizer', 'dataset']),
  );
  for (const key of varying)
    expect(new Set(runs.map((r) => paramOf(r, key))).size, key).toBeGreaterThan(1);

  await open(page, ids);
  for (const key of varying) await expect(axisTitle(page, 'param', key)).toBeVisible();
  for (const key of equal) await expect(axisTitle(page, 'param', key)).toHaveCount(0);
  await expect(axisTitle(page, 'metric', 'val_loss')).toBeVisible();
  // The JSON param is one axis per leaf, as in the diff table: the leaf that varies, not the blob.
  await expect(axisTitle(page, 'param', 'model_config\\.lr')).toBeVisible();
  await expect(axisTitle(page, 'param', 'model_config')).toHaveCount(0);
  await expect(status(page)).toHaveText(/^3 runs/);

  // The chooser lists only varying params at first; all of them once asked, and adds one.
  await section(page)
    .getByRole('button', { name: /^Axes \(/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Axes' });
  await expect(dialog.getByRole('checkbox', { name: 'lr', exact: true })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'seed', exact: true })).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'Varying params only' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'seed', exact: true }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(axisTitle(page, 'param', 'seed')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('pc')).toMatch(/(^|,)p:seed$/);
});

test('a brush around lr 0.1 keeps cmp-lr alone; the diff can show only it; a reload keeps it', async ({
  page,
}) => {
  const { ids, runs } = await comparedRuns();
  const lrs = runs.map((r) => Number(paramOf(r, 'lr')));
  const top = Math.max(...lrs);
  // As MLflow has them: cmp-lr alone has the highest lr, 0.1; the others 0.01.
  expect(top).toBe(0.1);
  const kept = ids.filter((_, i) => lrs[i] === top);
  expect(kept).toEqual([cmp().run_id_by_name['cmp-lr']]);

  await open(page, ids);
  // The strip runs from just above the axis's top (its highest value) to below the missing slot:
  // its top fifth holds only values near the highest.
  await dragOn(page, brushArea(page, 'lr'), 0.01, 0.2);
  await expect(status(page)).toHaveText('1 of 3 runs in the brushes');
  await expect(brushArea(page, 'lr')).toHaveAccessibleName(/^lr: brushed from /);
  // Writing the brush into the URL does not scroll the page back to its top.
  await expect(section(page)).toBeInViewport();
  await expect(page).toHaveURL(/[?&]pcb=p%3Alr%3A/);

  const only = page.getByRole('checkbox', { name: /^Show only brushed runs/ });
  await only.check();
  await expect(runHeaders(page)).toHaveCount(1);
  await expect(runHeaders(page).first()).toHaveAttribute('data-run', kept[0] as string);

  await page.reload();
  await section(page).scrollIntoViewIfNeeded();
  await expect(status(page)).toHaveText('1 of 3 runs in the brushes');
  await expect(only).toBeChecked();
  await expect(runHeaders(page)).toHaveCount(1);
  await expect(runHeaders(page).first()).toHaveAttribute('data-run', kept[0] as string);

  // Escape on the focused axis clears its brush: every run is back, the switch goes away.
  await brushArea(page, 'lr').focus();
  await page.keyboard.press('Escape');
  await expect(status(page)).toHaveText(/^3 runs/);
  await expect(only).toHaveCount(0);
  await expect(runHeaders(page)).toHaveCount(3);
  expect(new URL(page.url()).searchParams.get('pcb')).toBeNull();
});

test('from the keyboard: Shift+Down brushes the top of an axis, Alt+Left moves an axis', async ({
  page,
}) => {
  const { ids, runs } = await comparedRuns();
  const depths = runs.map((r) => Number(paramOf(r, 'max_depth')));
  const deepest = ids.filter((_, i) => depths[i] === Math.max(...depths));
  expect(deepest).toEqual([cmp().run_id_by_name['cmp-deep']]);

  await open(page, ids);
  await brushArea(page, 'max_depth').focus();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(status(page)).toHaveText(`${deepest.length} of 3 runs in the brushes`);
  await page.getByRole('checkbox', { name: /^Show only brushed runs/ }).check();
  await expect(runHeaders(page)).toHaveCount(1);
  await expect(runHeaders(page).first()).toHaveAttribute('data-run', deepest[0] as string);

  const order = () =>
    section(page)
      .locator('.parcoords-title-button')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title')));
  const before = await order();
  const index = before.indexOf('param max_depth');
  expect(index).toBeGreaterThan(0);
  await axisTitle(page, 'param', 'max_depth').focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect
    .poll(order)
    .toEqual([
      ...before.slice(0, index - 1),
      'param max_depth',
      before[index - 1],
      ...before.slice(index + 1),
    ]);
  // Focus stays on the moved title, and the brush moved with its axis.
  await expect(axisTitle(page, 'param', 'max_depth')).toBeFocused();
  await expect(status(page)).toHaveText(`${deepest.length} of 3 runs in the brushes`);
});

test('the experiment’s Charts view offers it over every run the table’s filter matches', async ({
  page,
}) => {
  const churn = readManifest().experiments.churn;
  const filter = 'metrics.accuracy > 0.8';
  const matched = await mlflow.searchRuns(churn.id, filter);
  expect(matched.length, 'the filter keeps some runs and leaves out others').toBeGreaterThan(1);
  expect(matched.length).toBeLessThan(churn.run_ids.length);
  const depths = matched.map((r) => Number(paramOf(r, 'max_depth')));
  const deepest = depths.filter((d) => d === Math.max(...depths)).length;

  await page.goto(`/experiments/${churn.id}?view=charts&filter=${encodeURIComponent(filter)}`);
  const plot = section(page);
  await plot.getByRole('button', { name: 'Parallel coordinates' }).click();
  await expect(status(page)).toHaveText(new RegExp(`^${matched.length} runs`));
  await brushArea(page, 'max_depth').focus();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(status(page)).toHaveText(`${deepest} of ${matched.length} runs in the brushes`);
  // A link with a brush opens the plot at once, brushed.
  await page.reload();
  await expect(status(page)).toHaveText(`${deepest} of ${matched.length} runs in the brushes`);
});
