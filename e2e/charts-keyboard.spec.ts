// Metric charts from the keyboard (zoom and pan the step window, same URL state as a drag), and
// the series worker: off the main thread when it can start, the same charts on the main thread
// when it cannot. Reads what is drawn through the charts' test hook (src/features/charts/test-hook.ts).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { charts, drawn, openChart, runUrl } from './support/charts';

/** The `zoom:<key>` window in the page's URL, or null when there is none. */
function zoomOf(page: Page, key: string): [number, number] | null {
  const text = new URL(page.url()).searchParams.get(`zoom:${key}`);
  const m = /^(-?\d+)-(-?\d+)$/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Waits until the URL's zoom differs from `before`, and returns it. */
async function zoomChange(page: Page, key: string, before: [number, number] | null) {
  await expect.poll(() => zoomOf(page, key)).not.toEqual(before);
  return zoomOf(page, key);
}

// Every zoom is a fetch and a redraw, on a 2-core machine shared with other suites.
test.describe.configure({ timeout: 90_000 });

test.describe('keyboard zoom and pan', () => {
  test('+ halves the window, arrows pan it, - and 0 undo; the plot has a focus ring', async ({
    page,
  }) => {
    const m = charts();
    const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
    const plot = chart.getByRole('application', {
      name: 'loss chart; + and − zoom, arrows pan, 0 resets',
    });
    const last = m.loss_steps - 1;
    await plot.focus();
    await expect(plot).toBeFocused();

    await page.keyboard.press('+');
    const half = await zoomChange(page, 'loss', null);
    expect(half).not.toBeNull();
    const [start, end] = half ?? [0, 0];
    // The middle half of steps 0 … last.
    expect(Math.abs(end - start - last / 2)).toBeLessThanOrEqual(1);
    expect(Math.abs((start + end) / 2 - last / 2)).toBeLessThanOrEqual(1);
    expect(page.url()).toContain(`zoom%3Aloss=${start}-${end}`);
    await expect(chart).toContainText(
      `steps ${start.toLocaleString('en')}–${end.toLocaleString('en')}`,
    );
    // The drawn series is the window's.
    await expect
      .poll(async () => {
        const s = await drawn(page, m.spiky_run_id, 'loss');
        return s?.source === 'full' ? [s.steps[0], s.steps.at(-1)] : null;
      })
      .toEqual([start, end]);
    // A keyboard user sees where focus is.
    expect(
      await plot.evaluate(
        (el) =>
          el.matches(':focus-visible') &&
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { boxShadow: string } }
          ).getComputedStyle(el).boxShadow !== 'none',
      ),
    ).toBe(true);

    const quarter = Math.round((end - start) / 4);
    await page.keyboard.press('ArrowRight');
    expect(await zoomChange(page, 'loss', half)).toEqual([start + quarter, end + quarter]);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => zoomOf(page, 'loss')).toEqual([start - quarter, end - quarter]);
    // Panning stops at the run's first step, keeping the width.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => zoomOf(page, 'loss')).toEqual([0, end - start]);

    // Twice the window is the whole run: no zoom left.
    await page.keyboard.press('-');
    await expect.poll(() => page.url()).not.toMatch(/zoom/);
    await expect(chart).toHaveAttribute('data-exact', 'false');

    await page.keyboard.press('=');
    await zoomChange(page, 'loss', null);
    await page.keyboard.press('0');
    await expect.poll(() => page.url()).not.toMatch(/zoom/);
    await expect(chart.getByRole('button', { name: 'Reset zoom' })).toBeDisabled();

    await page.keyboard.press('+');
    await zoomChange(page, 'loss', null);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).not.toMatch(/zoom/);
  });

  test("a pan pressed while the run's step bounds are still loading is applied once they arrive", async ({
    page,
  }) => {
    // Zoomed, panning needs the run's first and last steps (a 2-point sample from MLflow). Each
    // such request is held for 2 s on its way to the real server (route.fetch sends it on; no
    // answer is made up), so the key below certainly comes before the bounds.
    let held = 0;
    await page.route(/get-history-bulk-interval\?.*max_results=2(&|$)/, async (route) => {
      held++;
      await new Promise((r) => setTimeout(r, 2_000));
      const response = await route.fetch();
      await route.fulfill({ response });
    });
    const m = charts();
    const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
    await chart.getByRole('application', { name: /^loss chart/ }).focus();
    await page.keyboard.press('+');
    const half = await zoomChange(page, 'loss', null);
    const [start, end] = half ?? [0, 0];
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const quarter = Math.round((end - start) / 4);
    // Both pans, in order, from the window the zoom made.
    await expect
      .poll(() => zoomOf(page, 'loss'), { timeout: 15_000 })
      .toEqual([start + 2 * quarter, end + 2 * quarter]);
    expect(held).toBeGreaterThan(0);
  });

  test('zooming in far enough draws the exact points, and Back undoes a key zoom', async ({
    page,
  }) => {
    const m = charts();
    const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
    await chart.getByRole('application', { name: /^loss chart/ }).focus();
    await expect(chart).toHaveAttribute('data-exact', 'false');
    let window = zoomOf(page, 'loss');
    for (let i = 0; i < 10 && (await chart.getAttribute('data-exact')) !== 'true'; i++) {
      await page.keyboard.press('+');
      window = await zoomChange(page, 'loss', window);
      await expect(chart).toHaveAttribute('aria-busy', 'false');
    }
    await expect(chart).toHaveAttribute('data-exact', 'true');
    await expect(chart.getByText(/· exact/)).toBeVisible();
    const [start, end] = window ?? [0, 0];
    expect(end - start).toBeLessThan(m.loss_steps / 4);
    const series = await drawn(page, m.spiky_run_id, 'loss');
    // Exact: every step of the window, nothing skipped.
    expect(series?.steps).toEqual(Array.from({ length: end - start + 1 }, (_, i) => start + i));

    // Each key zoom is a history entry, like a drag.
    await page.goBack();
    await expect.poll(() => zoomOf(page, 'loss')).not.toEqual(window);
  });

  test('keys other than the chart keys, and Ctrl/Cmd with +, are left alone', async ({ page }) => {
    const m = charts();
    const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
    await chart.getByRole('application', { name: /^loss chart/ }).focus();
    await page.keyboard.press('a');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+=');
    await page.keyboard.press('+');
    // Only the plain + zoomed: a single halving of the whole run.
    const w = await zoomChange(page, 'loss', null);
    const [start, end] = w ?? [0, 0];
    expect(Math.abs(end - start - (m.loss_steps - 1) / 2)).toBeLessThanOrEqual(1);
  });
});

/** Records the page's own (main-thread) fetches of Parallax's full-fidelity series. */
async function recordMainThreadSeriesFetches(page: Page) {
  await page.addInitScript(() => {
    const g = globalThis as unknown as {
      fetch: (input: unknown, init?: unknown) => Promise<unknown>;
      __mainThreadSeriesFetches: string[];
    };
    const original = g.fetch.bind(globalThis);
    g.__mainThreadSeriesFetches = [];
    g.fetch = (input, init) => {
      const url = String(input);
      if (url.includes('/parallax/api/metric-series')) g.__mainThreadSeriesFetches.push(url);
      return original(input, init);
    };
  });
  return () =>
    page.evaluate(
      () =>
        (globalThis as unknown as { __mainThreadSeriesFetches: string[] })
          .__mainThreadSeriesFetches,
    );
}

async function expectSpikesDrawn(page: Page) {
  const m = charts();
  const chart = await openChart(page, runUrl(m.id, m.spiky_run_id), 'loss');
  await expect(chart.getByText(/of 20,000 points · full fidelity/)).toBeVisible();
  const series = await drawn(page, m.spiky_run_id, 'loss');
  expect(series?.source).toBe('full');
  const at = new Map(series?.steps.map((s, i) => [s, series.values[i]]));
  m.spike_steps.forEach((step, i) => {
    expect(at.get(step), `spike at step ${step} is drawn`).toBeCloseTo(
      m.spike_values[i] as number,
      9,
    );
  });
  return chart;
}

test.describe('the series worker', () => {
  test('does the series work off the main thread when it can start', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const mainThreadFetches = await recordMainThreadSeriesFetches(page);
    await expectSpikesDrawn(page);
    expect(workers.some((url) => /series\.worker[^/]*\.js/.test(url))).toBe(true);
    expect(await mainThreadFetches()).toEqual([]);
  });

  test('without Worker in the page, the charts are drawn in full on the main thread', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      delete (globalThis as { Worker?: unknown }).Worker;
    });
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const mainThreadFetches = await recordMainThreadSeriesFetches(page);
    const chart = await expectSpikesDrawn(page);
    expect(workers).toEqual([]);
    expect((await mainThreadFetches()).length).toBeGreaterThan(0);
    // Zoom and smoothing run there too.
    await chart.getByRole('application', { name: /^loss chart/ }).focus();
    await page.keyboard.press('+');
    await zoomChange(page, 'loss', null);
    for (let i = 0; i < 5; i++) await page.keyboard.press('+');
    await expect(chart).toHaveAttribute('data-exact', 'true');
    await chart.getByLabel('Smoothing').fill('0.9');
    await expect(chart.locator('path.metric-line-smoothed')).toHaveCount(1);
  });

  test('when the Worker constructor throws (a CSP, say), the charts are drawn in full', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      // `new Worker(…)` throws, as it does when a CSP forbids workers.
      (globalThis as { Worker?: unknown }).Worker = function Worker() {
        throw new Error('Refused to create a worker (test)');
      };
    });
    const warnings: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    const mainThreadFetches = await recordMainThreadSeriesFetches(page);
    await expectSpikesDrawn(page);
    expect((await mainThreadFetches()).length).toBeGreaterThan(0);
    expect(warnings.some((w) => w.includes('working on the main thread'))).toBe(true);
  });

  test('when the worker script fails after starting, its pending work is redone on the main thread', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const g = globalThis as unknown as {
        Worker: new (url: unknown, options?: unknown) => object;
        Blob: new (parts: string[], options: { type: string }) => object;
        URL: { createObjectURL(blob: object): string };
      };
      const RealWorker = g.Worker;
      const broken = g.URL.createObjectURL(
        new g.Blob(['throw new Error("worker chunk failed (test)")'], {
          type: 'text/javascript',
        }),
      );
      // A worker that starts, then dies on its first line, as a bad chunk would.
      g.Worker = class extends RealWorker {
        constructor() {
          super(broken);
        }
      };
    });
    const mainThreadFetches = await recordMainThreadSeriesFetches(page);
    await expectSpikesDrawn(page);
    expect((await mainThreadFetches()).length).toBeGreaterThan(0);
  });
});
