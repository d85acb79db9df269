// A metric holding NaN, ±Infinity and ±1e308 among finite values: its sparkline, its chart and the
// experiment's chart draw the finite points, and nothing non-finite reaches an SVG attribute (the
// browser logs `<path> attribute d: Expected number` for that, and the fixtures fail on any console
// error).
import type { Locator } from '@playwright/test';
import { openChart, runUrl } from './support/charts';
import { expect, test } from './support/fixtures';
import { readManifest } from './support/manifest';

/** Path data made only of plain numbers: what the browser accepts. */
const PATH = /^(?:[ML]-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?|Z)+$/;

/** The vertices of a path, one array per pen-down stretch. */
function strokes(d: string): number[] {
  return d
    .split('M')
    .filter(Boolean)
    .map((s) => s.split('L').length);
}

async function lineOf(chart: Locator): Promise<string> {
  const d = await chart.locator('path.metric-line-raw').first().getAttribute('d');
  return d ?? '';
}

test('NaN, ±Infinity and ±1e308 are left out and every finite point is drawn', async ({ page }) => {
  const extreme = readManifest().experiments.extreme;
  const finite = extreme.finite_steps.length;
  // Pen lifts at each left-out value: the finite points at steps 0, 2, 4, then 8 and 9 together.
  const expected = [1, 1, 1, 2];
  expect(finite).toBe(5);

  const chart = await openChart(page, runUrl(extreme.id, extreme.extreme_run_id), extreme.metric);
  const d = await lineOf(chart);
  expect(d).toMatch(PATH);
  expect(strokes(d)).toEqual(expected);
  await expect(chart.locator('.metric-chart-messages')).toContainText('1 NaN value not drawn');
  await expect(chart.locator('.metric-chart-messages')).toContainText(
    "values beyond the chart's range",
  );
  // The axes got finite ticks: every tick label sits at a number.
  for (const y of await chart
    .locator('.recharts-yAxis text')
    .evaluateAll((els) => els.map((e) => e.getAttribute('y'))))
    expect(Number.isFinite(Number(y))).toBe(true);

  // The latest-metrics table's sparkline.
  const sparkline = page.getByRole('img', { name: `${extreme.metric} history` });
  await expect(sparkline).toBeVisible();
  const spark = (await sparkline.locator('path').getAttribute('d')) ?? '';
  expect(spark).toMatch(PATH);
  expect(strokes(spark)).toEqual(expected);

  // The experiment's Charts view of the same run.
  await page.goto(`/experiments/${extreme.id}?view=charts`);
  const overlay = page.locator(`[data-testid="metric-chart"][data-metric-key="${extreme.metric}"]`);
  await expect(overlay).toHaveAttribute('data-source', 'full', { timeout: 20_000 });
  const od = await lineOf(overlay);
  expect(od).toMatch(PATH);
  expect(strokes(od)).toEqual(expected);
});
