import type { Locator, Page } from '@playwright/test';
import { parseMetricValue } from '../src/api/client';
import type { Run } from '../src/api/types';
import { formatMetric } from '../src/lib/format';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';
import { mlflow, searchRunsOrdered, uniqueName } from './support/mlflow-api';

const runName = (run: Run) => run.info.run_name ?? run.info.run_id;
const metric = (run: Run, key: string) =>
  parseMetricValue(run.data?.metrics?.find((m) => m.key === key)?.value);
const param = (run: Run, key: string) => run.data?.params?.find((p) => p.key === key)?.value;

const grid = (page: Page) => page.getByRole('grid', { name: 'Runs' });
const rowOf = (page: Page, name: string) =>
  grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

/** Run names of the body rows in display order (rows in view; small experiments fit). */
async function rowNames(table: Locator): Promise<string[]> {
  return table.locator('tbody tr[data-run-id] .runs-name').allInnerTexts();
}

/**
 * Clicks a header until it sorts in `want` order. A click lands in the URL a moment later, so each
 * click waits for the header to change before deciding on another (reading at once races it).
 */
async function sortBy(header: Locator, want: 'ascending' | 'descending') {
  for (let clicks = 0; clicks < 2; clicks++) {
    const now = await header.getAttribute('aria-sort');
    if (now === want) return;
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute(
      'aria-sort',
      now === null ? /^(ascending|descending)$/ : now === 'ascending' ? 'descending' : 'ascending',
    );
  }
  await expect(header).toHaveAttribute('aria-sort', want);
}

async function loaded(page: Page, count: number) {
  const root = page.getByTestId('runs-table');
  await expect(root).toHaveAttribute('data-complete', 'true');
  await expect(root).toHaveAttribute('data-loaded-count', String(count));
}

/** The seeded churn experiment's runs table (with `query`), once every run is loaded. */
async function openChurn(page: Page, query = '') {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  await page.goto(`/experiments/${churn.id}${query}`);
  await loaded(page, runs.length);
  return { churn, runs };
}

test('nested runs expand under their parent, and the URL keeps it', async ({ page }) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  const parent = runs.find((r) => r.info.run_id === churn.parent_run_id);
  const children = runs.filter((r) => churn.child_run_ids?.includes(r.info.run_id));
  if (!parent || children.length === 0) throw new Error('the seed has no parent with children');
  await page.goto(`/experiments/${churn.id}`);
  await loaded(page, runs.length);

  const toggle = rowOf(page, runName(parent)).getByRole('button', { name: /^Child runs of/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  for (const child of children) await expect(rowOf(page, runName(child))).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const names = await rowNames(grid(page));
  const at = names.indexOf(runName(parent));
  // The children follow their parent directly, indented.
  expect(names.slice(at + 1, at + 1 + children.length).sort()).toEqual(
    children.map(runName).sort(),
  );
  await expect(page).toHaveURL(new RegExp(`open=${parent.info.run_id}`));

  await page.reload();
  await expect(
    rowOf(page, runName(parent)).getByRole('button', { name: /^Child runs of/ }),
  ).toHaveAttribute('aria-expanded', 'true');
  await expect(rowOf(page, runName(children[0] as Run))).toHaveCount(1);
});

test('the column chooser hides, shows and pins a column, and a reload keeps it', async ({
  page,
}) => {
  const { churn } = readManifest().experiments;
  await page.goto(`/experiments/${churn.id}`);
  const header = grid(page).getByRole('columnheader', { name: 'accuracy', exact: true });
  await expect(header).toBeVisible();

  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns' });
  await chooser.getByRole('button', { name: 'Hide accuracy' }).click();
  await expect(header).toHaveCount(0);

  await chooser.getByRole('searchbox', { name: 'Search columns' }).fill('accur');
  await expect(chooser.getByText('1 key')).toBeVisible();
  // The URL update behind the checkbox lands a moment after the click (a router transition).
  await chooser.getByRole('checkbox', { name: 'metric accuracy' }).click();
  await expect(chooser.getByRole('checkbox', { name: 'metric accuracy' })).toBeChecked();
  await chooser.getByRole('button', { name: 'Pin accuracy' }).click();
  await expect(chooser.getByRole('button', { name: 'Pin accuracy' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await chooser.getByRole('button', { name: 'Done' }).click();

  const texts = async () =>
    (await grid(page).getByRole('columnheader').allInnerTexts()).map((t) =>
      t.split('\n').at(-1)?.trim(),
    );
  // Pinned: right after the name, before the run attributes, and sticky.
  const order = await texts();
  expect(order.indexOf('accuracy')).toBe(order.indexOf('Name') + 1);
  await expect(header).toHaveClass(/is-sticky/);

  await page.reload();
  await expect(header).toHaveClass(/is-sticky/);
  const after = await texts();
  expect(after).toEqual(order);
});

test('shift-click selects a range and Compare opens exactly those runs', async ({ page }) => {
  await openChurn(page);
  const rows = grid(page).locator('tbody tr[data-run-id]');
  const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-run-id')));
  await rows.nth(1).getByRole('checkbox').click();
  await rows
    .nth(4)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByText('4 runs selected')).toBeVisible();
  for (const i of [1, 2, 3, 4]) await expect(rows.nth(i).getByRole('checkbox')).toBeChecked();
  await expect(rows.nth(0).getByRole('checkbox')).not.toBeChecked();
  await expect(rows.nth(5).getByRole('checkbox')).not.toBeChecked();

  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/compare\?runs=/);
  const url = new URL(page.url());
  expect(url.searchParams.get('runs')?.split(',')).toEqual(ids.slice(1, 5));
});

test('delete and restore selected runs, verified through the API', async ({ page }) => {
  const experimentId = await mlflow.createExperiment(uniqueName('e2e-runs-lifecycle'));
  const created = [];
  for (const name of ['keep', 'drop-a', 'drop-b']) {
    created.push(await mlflow.createRun(experimentId, name));
  }
  await page.goto(`/experiments/${experimentId}`);
  await loaded(page, 3);
  await rowOf(page, 'drop-a').getByRole('checkbox').click();
  await rowOf(page, 'drop-b').getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 2 runs?' });
  await dialog.getByRole('button', { name: 'Delete 2 runs' }).click();
  await expect(dialog).toBeHidden();
  await loaded(page, 1);

  const active = await mlflow.searchRuns(experimentId);
  expect(active.map(runName)).toEqual(['keep']);
  const deleted = await mlflow.searchRuns(experimentId, '', 'DELETED_ONLY');
  expect(deleted.map(runName).sort()).toEqual(['drop-a', 'drop-b']);

  await page.getByLabel('Lifecycle').selectOption('deleted');
  await expect(page).toHaveURL(/lifecycle=deleted/);
  await loaded(page, 2);
  await page.getByRole('checkbox', { name: 'Select all runs' }).check();
  await page.getByRole('button', { name: 'Restore' }).click();
  await loaded(page, 0);
  expect((await mlflow.searchRuns(experimentId)).length).toBe(3);
  expect(await mlflow.searchRuns(experimentId, '', 'DELETED_ONLY')).toEqual([]);
});

test('the URL reproduces sort, columns, lifecycle, grouping and expanded runs', async ({
  page,
}) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  const parent = runs.find((r) => r.info.run_id === churn.parent_run_id);
  if (!parent) throw new Error('the seed has no parent run');
  await page.goto(`/experiments/${churn.id}`);
  await loaded(page, runs.length);

  const sortHeader = grid(page).getByRole('columnheader', { name: 'loss', exact: true });
  await sortBy(sortHeader, 'ascending');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('button', { name: 'Hide f1' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByLabel('Lifecycle').selectOption('all');
  await page.getByLabel('Group by').selectOption('params.max_depth');
  await rowOf(page, runName(parent))
    .getByRole('button', { name: /^Child runs of/ })
    .click();

  const check = async () => {
    await expect(sortHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(grid(page).getByRole('columnheader', { name: 'f1', exact: true })).toHaveCount(0);
    await expect(page.getByLabel('Lifecycle')).toHaveValue('all');
    await expect(page.getByLabel('Group by')).toHaveValue('params.max_depth');
    await expect(grid(page).locator('.runs-group-row')).not.toHaveCount(0);
    await expect(
      rowOf(page, runName(parent)).getByRole('button', { name: /^Child runs of/ }),
    ).toHaveAttribute('aria-expanded', 'true');
  };
  await check();
  const url = page.url();
  await page.reload();
  await check();
  // A pasted link in a fresh tab shows the same view.
  const other = await page.context().newPage();
  await other.goto(url);
  const saved = page;
  page = other;
  await check();
  page = saved;
});

test('group by a param shows each group’s run count and metric stats as the API has them', async ({
  page,
}) => {
  const { runs } = await openChurn(page, '?group=params.C');
  const values = [...new Set(runs.map((r) => param(r, 'C')).filter((v) => v !== undefined))];
  expect(values.length).toBeGreaterThan(1);
  for (const value of values) {
    const members = runs.filter((r) => param(r, 'C') === value);
    const acc = members.map((r) => metric(r, 'accuracy')).filter(Number.isFinite);
    const row = grid(page)
      .locator('.runs-group-row')
      .filter({ has: page.getByRole('button', { name: new RegExp(`^▾? ?${value} \\(`) }) });
    await expect(row).toContainText(`(${members.length} ${members.length === 1 ? 'run' : 'runs'})`);
    const cell = row.locator('td[data-column="metrics.accuracy"]');
    await expect(cell.locator('[data-stat=min]')).toHaveText(formatMetric(Math.min(...acc)));
    await expect(cell.locator('[data-stat=max]')).toHaveText(formatMetric(Math.max(...acc)));
    const mean = acc.reduce((s, v) => s + v, 0) / acc.length;
    await expect(cell.locator('[data-stat=mean]')).toHaveText(`μ ${formatMetric(mean)}`);
  }
  // Collapsing a group hides its runs.
  const first = grid(page).locator('.runs-group-row').first().getByRole('button');
  await first.click();
  await expect(first).toHaveAttribute('aria-expanded', 'false');
});

test('once every run is loaded, a client-side sort matches MLflow’s order_by', async ({ page }) => {
  const { churn, runs } = await openChurn(page);
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('runs/search')) requests.push(r.url());
  });
  for (const [label, orderBy] of [
    ['C', 'params.`C` ASC'],
    ['accuracy', 'metrics.`accuracy` DESC'],
  ] as const) {
    const header = grid(page).getByRole('columnheader', { name: label, exact: true });
    const want = orderBy.endsWith('ASC') ? 'ascending' : 'descending';
    await sortBy(header, want);
    const expected = (await searchRunsOrdered(churn.id, [orderBy])).map(runName);
    // Top-level rows only: children sit under their collapsed parent.
    const topLevel = expected.filter((name) => {
      const run = runs.find((r) => runName(r) === name);
      return !run?.data?.tags?.some((t) => t.key === 'mlflow.parentRunId');
    });
    await expect.poll(() => rowNames(grid(page))).toEqual(topLevel);
  }
  expect(requests, 'no new request for a sort once all runs are loaded').toEqual([]);
});

test('keyboard: j/k move, x selects, Enter opens the run', async ({ page }) => {
  await openChurn(page);
  const table = grid(page);
  const rows = table.locator('tbody tr[data-run-id]');
  const names = await rowNames(table);
  await table.focus();
  await page.keyboard.press('j');
  await expect(rows.nth(0)).toHaveClass(/is-focused/);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(rows.nth(2)).toHaveClass(/is-focused/);
  await page.keyboard.press('x');
  await expect(rows.nth(2).getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('k');
  await expect(rows.nth(1)).toHaveClass(/is-focused/);
  await expect(rows.nth(1).getByRole('checkbox')).not.toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: names[1], level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/runs\//);
});

test('a click on a run name opens the run in the page, without reloading it', async ({ page }) => {
  await openChurn(page);
  const names = await rowNames(grid(page));
  const name = names[0] ?? '';
  // A full page load would drop this marker; the client-side navigation keeps it.
  await page.evaluate(() => ((globalThis as unknown as { kept: boolean }).kept = true));
  await grid(page).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/runs\//);
  expect(await page.evaluate(() => (globalThis as unknown as { kept?: boolean }).kept)).toBe(true);
});

test('header and body cells line up, and pinned columns stay put, when scrolled sideways', async ({
  page,
}) => {
  // Narrow enough that the seeded columns overflow sideways.
  await page.setViewportSize({ width: 800, height: 700 });
  await openChurn(page);
  const scroller = page.getByTestId('runs-table').locator('.runs-scroll');
  const row = grid(page).locator('tbody tr[data-run-id]').first();
  const name = row.locator('td[data-column="attributes.run_name"]');
  const nameLeft = (await name.boundingBox())?.x;
  /** Left edge and width of each header, and of each cell of the first row, by column id. */
  const boxes = (cells: Locator, attr: string) =>
    cells.evaluateAll(
      (els, name) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return [el.getAttribute(name) ?? '', r.left, r.width] as const;
        }),
      attr,
    );
  /** Columns whose header and first-row cell differ in left edge or width, in px. */
  const misaligned = async () => {
    const cells = new Map(
      (await boxes(row.locator('td[data-column]'), 'data-column')).map(([id, ...b]) => [id, b]),
    );
    const out: string[] = [];
    for (const [id, left, width] of await boxes(
      grid(page).locator('thead th[data-column-id]'),
      'data-column-id',
    )) {
      const cell = cells.get(id);
      if (!cell) out.push(`${id}: no cell`);
      else if (Math.abs(cell[0] - left) > 0.5 || Math.abs(cell[1] - width) > 0.5)
        out.push(`${id}: header ${left}+${width}, cell ${cell[0]}+${cell[1]}`);
    }
    return out;
  };
  expect(await misaligned()).toEqual([]);
  const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth, 'the seeded columns are wider than the view').toBeGreaterThan(clientWidth);
  for (const to of [0.5, 1]) {
    await scroller.evaluate((el, f) => (el.scrollLeft = (el.scrollWidth - el.clientWidth) * f), to);
    // The columns in view change a frame after the scroll: wait for the last one to show.
    await expect.poll(misaligned).toEqual([]);
    expect((await name.boundingBox())?.x).toBe(nameLeft);
  }
});

/** Column ids of the movable (metric / param / tag) headers in view, in display order. */
async function movableHeaders(page: Page): Promise<string[]> {
  return grid(page)
    .locator('thead th[data-move-group]')
    .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column-id') ?? ''));
}

const shortId = (id: string) => id.replace(/^metrics\./, 'm.').replace(/^params\./, 'p.');
const headerWidth = async (header: Locator) => (await header.boundingBox())?.width ?? NaN;

/** Presses the mouse on `from`, moves in small steps (pointer events, as a hand would) to `to`. */
async function dragMouse(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  beforeRelease?: () => Promise<void>,
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await beforeRelease?.();
  await page.mouse.up();
}

test('dragging a header onto another reorders the columns; the URL and a reload keep it', async ({
  page,
}) => {
  const { runs } = await openChurn(page);
  const before = await movableHeaders(page);
  expect(before.slice(0, 3)).toEqual(['metrics.accuracy', 'metrics.f1', 'metrics.loss']);
  const loss = grid(page).getByRole('columnheader', { name: 'loss', exact: true });
  const accuracy = grid(page).getByRole('columnheader', { name: 'accuracy', exact: true });
  const sortBefore = await loss.getAttribute('aria-sort');

  const from = await loss.boundingBox();
  const to = await accuracy.boundingBox();
  if (!from || !to) throw new Error('headers not laid out');
  // Onto the left half of "accuracy": loss lands before it.
  await dragMouse(
    page,
    { x: from.x + from.width / 2, y: from.y + from.height / 2 },
    { x: to.x + to.width / 4, y: to.y + to.height / 2 },
    async () => {
      await expect(accuracy).toHaveClass(/is-drop-before/);
      await expect(loss).toHaveClass(/is-dragging/);
    },
  );

  const expected = ['metrics.loss', 'metrics.accuracy', 'metrics.f1', ...before.slice(3)];
  await expect.poll(() => movableHeaders(page)).toEqual(expected);
  await expect(accuracy).not.toHaveClass(/is-drop-before/);
  await expect
    .poll(() => new URL(page.url()).searchParams.get('cols'))
    .toBe(expected.map(shortId).join(','));
  // Releasing the drag on a header is not a click on it: the sort did not change.
  expect(await loss.getAttribute('aria-sort')).toBe(sortBefore);
  expect(new URL(page.url()).searchParams.has('sort')).toBe(false);

  await page.reload();
  await loaded(page, runs.length);
  expect(await movableHeaders(page)).toEqual(expected);
  // The cells follow their header: the first metric cell of a row is now the loss.
  const run = runs.find((r) => runName(r) === 'run-01');
  const cells = rowOf(page, 'run-01').locator('td[data-column^="metrics."]');
  await expect(cells.first()).toHaveAttribute('data-column', 'metrics.loss');
  await expect(cells.first()).toHaveText(formatMetric(metric(run as Run, 'loss')));
});

test('a pinned column cannot be dragged out of the pinned group; Alt+→ moves a header', async ({
  page,
}) => {
  const { churn } = readManifest().experiments;
  const runs = await mlflow.searchRuns(churn.id);
  // accuracy pinned next to the name; f1 and loss after the run attributes.
  await page.goto(`/experiments/${churn.id}?cols=${encodeURIComponent('^m.accuracy,m.f1,m.loss')}`);
  await loaded(page, runs.length);
  const accuracy = grid(page).getByRole('columnheader', { name: 'accuracy', exact: true });
  const loss = grid(page).getByRole('columnheader', { name: 'loss', exact: true });
  const from = await accuracy.boundingBox();
  const to = await loss.boundingBox();
  if (!from || !to) throw new Error('headers not laid out');
  await dragMouse(
    page,
    { x: from.x + from.width / 2, y: from.y + from.height / 2 },
    { x: to.x + to.width * 0.75, y: to.y + to.height / 2 },
    async () => {
      await expect(accuracy).toHaveClass(/is-dragging/);
      await expect(grid(page).locator('th.is-drop-before, th.is-drop-after')).toHaveCount(0);
    },
  );
  expect(await movableHeaders(page)).toEqual(['metrics.accuracy', 'metrics.f1', 'metrics.loss']);

  // The keyboard path: Alt+→ on a focused header moves it one place, and it keeps the focus.
  await grid(page)
    .getByRole('columnheader', { name: 'f1', exact: true })
    .getByRole('button')
    .focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect
    .poll(() => movableHeaders(page))
    .toEqual(['metrics.accuracy', 'metrics.loss', 'metrics.f1']);
  await expect(
    grid(page).getByRole('columnheader', { name: 'f1', exact: true }).getByRole('button'),
  ).toBeFocused();
  await expect
    .poll(() => new URL(page.url()).searchParams.get('cols'))
    .toBe('^m.accuracy,m.loss,m.f1');
});

test('dragging a column’s grip resizes it by the dragged amount; a reload keeps the width', async ({
  page,
}) => {
  const { runs } = await openChurn(page);
  const header = grid(page).getByRole('columnheader', { name: 'f1', exact: true });
  const cell = rowOf(page, 'run-01').locator('td[data-column="metrics.f1"]');
  const grip = grid(page).getByRole('separator', { name: 'Resize f1' });
  const start = await headerWidth(header);
  const box = await grip.boundingBox();
  if (!box) throw new Error('no resize grip');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await dragMouse(page, { x, y }, { x: x + 90, y });

  await expect.poll(() => headerWidth(header)).toBeCloseTo(start + 90, -1);
  const wide = await headerWidth(header);
  expect(Math.abs(wide - (start + 90))).toBeLessThanOrEqual(2);
  expect(Math.abs((await headerWidth(cell)) - wide)).toBeLessThanOrEqual(1);
  await expect(grip).toHaveAttribute('aria-valuenow', String(Math.round(wide)));
  await expect
    .poll(() => new URL(page.url()).searchParams.get('w'))
    .toBe(`m.f1:${Math.round(wide)}`);
  // No sort from a press on the grip.
  expect(new URL(page.url()).searchParams.has('sort')).toBe(false);

  await page.reload();
  await loaded(page, runs.length);
  expect(Math.abs((await headerWidth(header)) - wide)).toBeLessThanOrEqual(1);

  // Narrower than the minimum is held at 60 px; a double-click restores the default.
  const again = await grip.boundingBox();
  if (!again) throw new Error('no resize grip');
  await dragMouse(
    page,
    { x: again.x + again.width / 2, y },
    { x: again.x + again.width / 2 - 400, y },
  );
  await expect(grip).toHaveAttribute('aria-valuenow', '60');
  await expect.poll(() => headerWidth(header)).toBeCloseTo(60, 0);
  await grip.dblclick();
  await expect(grip).toHaveAttribute('aria-valuenow', String(Math.round(start)));
  await expect.poll(() => new URL(page.url()).searchParams.has('w')).toBe(false);
});

test('keyboard: a resize grip is a separator; ArrowRight widens its column by 16 px', async ({
  page,
}) => {
  const { runs } = await openChurn(page);
  const header = grid(page).getByRole('columnheader', { name: 'loss', exact: true });
  const grip = header.getByRole('separator', { name: 'Resize loss' });
  await expect(grip).toHaveAttribute('aria-orientation', 'vertical');
  const start = Math.round(await headerWidth(header));
  await expect(grip).toHaveAttribute('aria-valuenow', String(start));

  await grip.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(grip).toHaveAttribute('aria-valuenow', String(start + 48));
  await page.keyboard.press('ArrowLeft');
  await expect(grip).toHaveAttribute('aria-valuenow', String(start + 32));
  await expect.poll(() => headerWidth(header)).toBeCloseTo(start + 32, 0);
  await expect(grip).toBeFocused();
  // The arrows resized the column; they did not move the focused row.
  await expect(grid(page).locator('tr.is-focused')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('w')).toBe(`m.loss:${start + 32}`);

  await page.reload();
  await loaded(page, runs.length);
  await expect(grip).toHaveAttribute('aria-valuenow', String(start + 32));
  expect(Math.round(await headerWidth(header))).toBe(start + 32);
});

test('a collapsed group hides its runs, and a reload keeps it collapsed', async ({ page }) => {
  const { runs } = await openChurn(page, '?group=params.max_depth');
  const groupButton = (value: string) =>
    grid(page)
      .locator('.runs-group-row')
      .getByRole('button', { name: new RegExp(`^▾? ?▸? ?${value} \\(`) });
  // Top-level runs with max_depth 4 (children sit under their parent, wherever it is).
  const members = runs
    .filter((r) => param(r, 'max_depth') === '4')
    .filter((r) => !r.data?.tags?.some((t) => t.key === 'mlflow.parentRunId'))
    .map(runName);
  const others = runs
    .filter((r) => param(r, 'max_depth') === '2')
    .filter((r) => !r.data?.tags?.some((t) => t.key === 'mlflow.parentRunId'))
    .map(runName);
  expect(members.length).toBeGreaterThan(0);
  for (const name of members) await expect(rowOf(page, name)).toHaveCount(1);

  await groupButton('4').click();
  await expect(groupButton('4')).toHaveAttribute('aria-expanded', 'false');
  for (const name of members) await expect(rowOf(page, name)).toHaveCount(0);
  for (const name of others) await expect(rowOf(page, name)).toHaveCount(1);
  await expect.poll(() => new URL(page.url()).searchParams.get('closed')).toBe('4');

  await page.reload();
  await loaded(page, runs.length);
  await expect(groupButton('4')).toHaveAttribute('aria-expanded', 'false');
  await expect(groupButton('2')).toHaveAttribute('aria-expanded', 'true');
  for (const name of members) await expect(rowOf(page, name)).toHaveCount(0);
  for (const name of others) await expect(rowOf(page, name)).toHaveCount(1);

  // Expanding it again shows its runs and leaves the URL clean.
  await groupButton('4').click();
  for (const name of members) await expect(rowOf(page, name)).toHaveCount(1);
  await expect.poll(() => new URL(page.url()).searchParams.has('closed')).toBe(false);
});
