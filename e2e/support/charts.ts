// Shared by the chart specs: open a run's chart once its full series is drawn, and read what the
// chart drew through its test hook (window.__parallaxCharts, see src/features/charts/test-hook.ts).
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { readManifest } from './manifest';

export interface DrawnSeries {
  steps: number[];
  values: number[];
  source: 'sampled' | 'full';
  exact: boolean;
}

export const charts = () => readManifest().experiments.charts;
export const runUrl = (experimentId: string, runId: string) =>
  `/experiments/${experimentId}/runs/${runId}`;

export const runIdOf = (url: string) => url.split('/').at(-1) ?? '';

export async function openChart(page: Page, url: string, key: string): Promise<Locator> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Charts', level: 2 }).scrollIntoViewIfNeeded();
  const chart = page.locator(`[data-testid="metric-chart"][data-metric-key="${key}"]`);
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute('data-source', 'full', { timeout: 20_000 });
  await expect.poll(async () => (await drawn(page, runIdOf(url), key))?.source).toBe('full');
  return chart;
}

export function drawn(page: Page, runId: string, key: string): Promise<DrawnSeries | undefined> {
  return page.evaluate(
    // globalThis: the e2e tsconfig has no DOM types; in the page it is the window.
    (id) =>
      (globalThis as unknown as { __parallaxCharts?: Record<string, DrawnSeries> })
        .__parallaxCharts?.[id],
    `${runId}:${key}`,
  );
}
