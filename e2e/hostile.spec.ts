// Hostile input on every page: names, params, tags, descriptions, metric keys and artifact names
// and contents holding HTML, `javascript:` links, SVG and HTML with script, RTL override and
// zero-width characters, and the longest values MLflow takes (scripts/seed_e2e.py, seed_hostile).
// Every payload would set window.__pwned or open a dialog if it ran; each page must show the text
// as text, and no single long value may make the page scroll sideways.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';

const hostile = () => readManifest().experiments.hostile;

// Chromium reports each script a sandbox stopped (the HTML preview's frame, an SVG opened with its
// `sandbox` CSP) as a console error: that is the block working. Any other error still fails.
test.use({
  expectedConsoleErrors: [
    /^Blocked script execution in '[^']*' because the document's frame is sandboxed and the 'allow-scripts' permission is not set\.$/,
  ],
});

/** Fails the test on any dialog (alert, confirm, prompt) a payload opens. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

interface PageState {
  pwned: unknown;
  scrollWidth: number;
  clientWidth: number;
  /** The outermost elements reaching past the page's right edge, unclipped (to name a culprit). */
  wide: string[];
  /** Elements carrying an event-handler attribute, or a link or frame with a script URL. */
  live: string[];
}

// The e2e tsconfig has no DOM types: the page is reached through globalThis, typed by hand.
interface El {
  tagName: string;
  className: unknown;
  parentElement: El | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  getBoundingClientRect(): { right: number };
}
interface Doc {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(selector: string): ArrayLike<El>;
}

function readState(): PageState {
  const g = globalThis as unknown as {
    __pwned?: unknown;
    document: Doc;
    getComputedStyle(el: El): { overflowX: string };
  };
  const live: string[] = [];
  const width = g.document.documentElement.clientWidth;
  const wide: string[] = [];
  const clips = (el: El) => g.getComputedStyle(el).overflowX !== 'visible';
  for (const el of Array.from(g.document.querySelectorAll('body *'))) {
    const parent = el.parentElement;
    if (el.getBoundingClientRect().right <= width + 1) continue;
    if (parent && parent.getBoundingClientRect().right > width + 1) continue;
    let clipped = false;
    for (let a = parent; a && !clipped; a = a.parentElement) clipped = clips(a);
    if (!clipped) wide.push(`<${el.tagName.toLowerCase()} class="${String(el.className)}">`);
  }
  for (const el of Array.from(g.document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const scriptUrl = /^\s*(javascript|data):/i.test(attr.value);
      if (
        /^on/i.test(attr.name) ||
        (scriptUrl && /^(href|src|xlink:href|action)$/i.test(attr.name))
      )
        live.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 60)}">`);
    }
  }
  return {
    pwned: g.__pwned,
    scrollWidth: g.document.documentElement.scrollWidth,
    clientWidth: width,
    wide,
    live,
  };
}

/** No payload ran, none became live markup, and the page does not scroll sideways. */
async function expectHeld(page: Page, dialogs: string[], where: string): Promise<void> {
  const state = await page.evaluate(readState);
  expect(state.pwned, `${where}: window.__pwned`).toBeUndefined();
  expect(dialogs, `${where}: dialogs`).toEqual([]);
  expect(state.live, `${where}: event handlers or script URLs in the DOM`).toEqual([]);
  expect(
    state.scrollWidth,
    `${where}: page width (no horizontal scroll); too wide: ${state.wide.join(' ')}`,
  ).toBeLessThanOrEqual(state.clientWidth);
}

/** In `scope` as literal text (a text node, not markup). */
async function expectText(scope: Locator, text: string): Promise<void> {
  await expect(scope).toContainText(text);
}

test('experiments list: the hostile name is text, and the list holds its width', async ({
  page,
}) => {
  const dialogs = watchDialogs(page);
  const h = hostile();
  await page.goto('/experiments');
  const link = page.getByRole('link', { name: h.name, exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveText(h.name);
  await expectHeld(page, dialogs, 'experiments list');
});

test('experiment page and runs table: names, params, tags and description stay text', async ({
  page,
}) => {
  const dialogs = watchDialogs(page);
  const h = hostile();
  await page.goto(`/experiments/${h.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.name);
  const grid = page.getByRole('grid');
  // The rows are there: the hostile run's name as text, and the 250-character one.
  await expect(grid.getByText(h.hostile_run_name, { exact: true })).toBeVisible();
  await expect(grid.getByText(h.long_run_name, { exact: true })).toBeVisible();
  await expectText(page.locator('main'), h.texts.alert_img);
  await expectHeld(page, dialogs, 'runs table');

  // The widest columns: every param, whose values include 6,000 characters without a space.
  const cols = ['^p.long', 'p.html', `p.${h.texts.long_key}`, 't.long', 't.html'].join(',');
  await page.goto(`/experiments/${h.id}?cols=${encodeURIComponent(cols)}`);
  await expect(grid.getByText(h.hostile_run_name, { exact: true })).toBeVisible();
  await expectHeld(page, dialogs, 'runs table with long columns');
});

test('experiment charts: a 250-character metric key and a hostile run name in the legend', async ({
  page,
}) => {
  const dialogs = watchDialogs(page);
  const h = hostile();
  await page.goto(`/experiments/${h.id}?view=charts`);
  // Each metric is added through the picker, whose list shows the hostile key as text too.
  const addChart = async (key: string) => {
    await page.getByRole('button', { name: /^Metrics \(/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Metrics to chart' });
    await dialog.getByRole('searchbox', { name: 'Search metrics' }).fill(key);
    await expectText(dialog.getByRole('group', { name: 'Metrics' }), key);
    await dialog.getByRole('button', { name: 'Choose these' }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
  };
  await addChart(h.texts.long_metric);
  const chart = page.locator(
    `[data-testid="metric-chart"][data-metric-key="${h.texts.long_metric}"]`,
  );
  await expect(chart).toBeVisible();
  await expect(chart.locator('path.metric-line-raw').first()).toBeAttached();
  await expectText(chart, h.texts.long_metric);
  await expectText(chart, h.hostile_run_name);
  await expectHeld(page, dialogs, 'experiment charts, long metric key');
  await addChart(h.texts.unicode_metric);
  const unicode = page.locator(
    `[data-testid="metric-chart"][data-metric-key="${h.texts.unicode_metric}"]`,
  );
  await expectText(unicode, h.texts.unicode_metric);
  await expectHeld(page, dialogs, 'experiment charts, unicode metric key');
});

test('run page: params, tags, description and metrics show hostile values as text', async ({
  page,
}) => {
  const dialogs = watchDialogs(page);
  const h = hostile();
  await page.goto(`/experiments/${h.id}/runs/${h.hostile_run_id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.hostile_run_name);

  const params = page.getByRole('table', { name: 'Parameters' });
  await expectText(params, h.texts.html);
  await expectText(params, h.texts.javascript);
  await expectText(params, h.texts.rtl);
  await expectText(params, h.texts.zero_width);
  await expectText(params, h.texts.long_key);
  await expectText(params, h.texts.long_param);

  const tags = page.getByRole('table', { name: 'Tags', exact: true });
  await expectText(tags, h.texts.svg_onload + h.texts.alert_script);
  await expectText(tags, 'javascript:alert(1)');
  await expectText(tags, h.texts.zero_width);
  await expectText(tags, 'T'.repeat(8000));

  const description = page.getByRole('region', { name: 'Description' });
  await expectText(description, h.texts.alert_img);
  await expectText(description, h.texts.alert_script);
  await expectText(description, h.texts.svg_onload);
  await expectText(description, h.texts.rtl);
  // A `javascript:` link is text or a link without a script URL: clicking it runs nothing.
  const jsLink = description.getByText('javascript link', { exact: true });
  await jsLink.click();
  await expectHeld(page, dialogs, 'run page after clicking a javascript: link');

  await expectText(page.locator('main'), h.texts.long_metric);
  await expectText(page.locator('main'), h.texts.unicode_metric);
  await expectHeld(page, dialogs, 'run page');
});

test('run page: a 250-character run name does not widen the page', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const h = hostile();
  await page.goto(`/experiments/${h.id}/runs/${h.long_run_id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.long_run_name);
  await expect(page.getByRole('table', { name: 'Parameters' })).toBeVisible();
  await expectHeld(page, dialogs, 'run page of the long-named run');
});

/** What the .txt previews show where it is not the file's own name. */
const textContents = (h: ReturnType<typeof hostile>): Record<string, string> => ({
  [`${h.texts.alert_img}.txt`]: `named ${h.texts.alert_img}`,
  'long_line.txt': h.texts.long_param,
});

test('every hostile artifact previews without running anything', async ({ page }) => {
  test.setTimeout(60_000);
  const dialogs = watchDialogs(page);
  const h = hostile();
  await page.goto(`/experiments/${h.id}/runs/${h.hostile_run_id}`);
  const tree = page.getByRole('tree', { name: 'Artifacts' });
  await expect(tree.getByRole('treeitem')).toHaveCount(h.artifacts.length);
  for (const name of h.artifacts) {
    const item = tree.getByRole('treeitem', { name, exact: true });
    await item.locator('.artifact-row').first().click();
    // Each preview's header names the file, as text.
    await expect(page.getByRole('link', { name: `Download ${name}`, exact: true })).toBeVisible();
    if (name.endsWith('.svg')) {
      const img = page.getByRole('img', { name });
      await expect
        .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
    } else if (name.endsWith('.html')) {
      const frame = page.locator('iframe');
      await expect(frame).toHaveAttribute('sandbox', '');
      await expect(page.frameLocator('iframe').getByRole('heading')).toHaveText('Hostile report');
    } else if (name.endsWith('.txt')) {
      const text = page.getByLabel(`Contents of ${name}`);
      await expect(text).toBeVisible();
      await expectText(text, textContents(h)[name] ?? name.slice(0, -'.txt'.length));
    } else if (name.endsWith('.csv')) {
      const table = page.getByRole('table', { name: `Table ${name}` });
      await expect(table.getByRole('cell', { name: h.texts.html, exact: true })).toBeVisible();
      await expectText(table, h.texts.long_param);
    } else {
      // JSON and YAML: the values, as text.
      await expectText(page.locator('.artifact-preview, main').first(), h.texts.alert_img);
    }
    // Give a payload that would run on load the time to do so.
    await page.waitForTimeout(200);
    await expectHeld(page, dialogs, `preview of ${name}`);
  }
});

test('opening the SVG and HTML artifacts by their own URLs runs nothing', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const h = hostile();
  await page.goto(`/experiments/${h.id}/runs/${h.hostile_run_id}`);
  const tree = page.getByRole('tree', { name: 'Artifacts' });
  const hrefs: string[] = [];
  for (const name of ['hostile.svg', 'report.html']) {
    await tree
      .getByRole('treeitem', { name, exact: true })
      .locator('.artifact-row')
      .first()
      .click();
    const img = name.endsWith('.svg') ? page.getByRole('img', { name }) : null;
    if (img) hrefs.push((await img.getAttribute('src')) ?? '');
    const download = page.getByRole('link', { name: `Download ${name}`, exact: true });
    hrefs.push((await download.getAttribute('href')) ?? '');
  }
  for (const href of hrefs) {
    expect(href).not.toBe('');
    await page.goto(href).catch(() => undefined); // a download (attachment) aborts the navigation
    await page.waitForTimeout(200);
    const pwned = await page
      .evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned)
      .catch(() => undefined);
    expect(pwned, `${href}: window.__pwned`).toBeUndefined();
    expect(dialogs, `${href}: dialogs`).toEqual([]);
  }
});

test('models list: hostile model name, description and tags stay text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const h = hostile();
  await page.goto('/models');
  const table = page.getByRole('table', { name: 'Registered models' });
  await expect(table.getByText(h.model_name, { exact: true })).toBeVisible();
  await expectText(table, h.texts.alert_img);
  await expectHeld(page, dialogs, 'models list');
});

test('model and version pages: the hostile name, description, tags and alias stay text', async ({
  page,
}) => {
  const dialogs = watchDialogs(page);
  const h = hostile();
  await page.goto('/models');
  await page.getByRole('link', { name: h.model_name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.model_name);
  await expectText(page.getByRole('region', { name: 'Tags' }), h.texts.alert_script);
  await expect(page.getByRole('list', { name: 'Aliases' })).toContainText('@champion');
  await expectHeld(page, dialogs, 'model page');
  await page
    .getByRole('table', { name: 'Model versions' })
    .getByRole('link', { name: 'v1' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${h.model_name} v1`);
  await expectText(page.getByRole('region', { name: 'Description' }), h.texts.alert_img);
  await expectText(page.getByRole('region', { name: 'Load it' }), h.model_name);
  await expectHeld(page, dialogs, 'model version page');
});
