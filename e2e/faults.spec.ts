// The fault sweep: latency, 429 with Retry-After, 500/503, a connection reset mid-body, and MLflow
// stopped then restarted, injected by the proxy between the faulty Parallax and the real MLflow
// (support/fault-proxy.ts). For each: the UI says what happened, what is safe to retry is retried
// (and by one layer only: the proxy counts what reached MLflow), and no edit in progress is lost.
// The tests share the proxy, so they run one after another and each holds it alone.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { setFault } from './support/fault-proxy';
import { countRequests, faultControl, holdFaultProxyPerTest } from './support/fault-lease';
import { readManifest } from './support/manifest';
import { mlflowRun, uniqueName } from './support/mlflow-api';
import { openRun, ownRun, tagOf } from './support/own-run';

test.describe.configure({ mode: 'serial' });
holdFaultProxyPerTest();

test.use({
  baseURL: process.env.E2E_FAULTY_PARALLAX_URL,
  // Chromium logs every failed answer ("… status of 503", "net::ERR_…") as a console error.
  expectedConsoleErrors: [/Failed to load resource/],
});

/** The most calls one failing request may cost MLflow: the server's attempts (DEFAULT_RETRY). */
const SERVER_MAX_ATTEMPTS = 4;

/**
 * Lets any late retry happen before calls are counted: react-query's used to come 2 s after the
 * failure was shown. A wait for something not to happen has no event to wait for.
 */
const lateRetries = (page: Page) => page.waitForTimeout(2_500);

const banner = (page: Page) => page.getByRole('alert').filter({ hasText: 'MLflow is unreachable' });

test.describe('latency', () => {
  test('a slow MLflow is waited for: the list loads, with no error and no banner', async ({
    page,
  }) => {
    await setFault(faultControl(), { kind: 'delay', ms: 1_000 });
    await page.goto('/experiments');
    await expect(page.getByRole('link', { name: /churn/ }).first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('429 with Retry-After', () => {
  test('is waited out and retried by the server, and the page loads', async ({ page }) => {
    await setFault(faultControl(), {
      kind: 'status',
      status: 429,
      retryAfter: 1,
      times: 2,
      path: 'experiments/search',
    });
    await page.goto('/experiments');
    await expect(page.getByRole('link', { name: /churn/ }).first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Two refusals, then the answer: three calls, all from the server.
    expect(await countRequests(/experiments\/search/)).toBe(3);
  });

  test('longer than the server waits, it is shown with MLflow’s error and not retried', async ({
    page,
  }) => {
    await setFault(faultControl(), {
      kind: 'status',
      status: 429,
      retryAfter: 120,
      path: 'experiments/search',
    });
    await page.goto('/experiments');
    const alert = page.getByRole('alert').filter({ hasText: 'INJECTED_FAULT' });
    await expect(alert).toContainText('injected HTTP 429');
    await lateRetries(page);
    expect(await countRequests(/experiments\/search/)).toBe(1);
  });
});

test.describe('500 and 503', () => {
  test('a GET answered 503 costs MLflow at most the server’s 4 calls, and the page says why', async ({
    page,
  }) => {
    const { churn } = readManifest().experiments;
    const runId = churn.run_ids[0] ?? '';
    const runGet = new RegExp(`/runs/get\\?run_id=${runId}`);
    await setFault(faultControl(), {
      kind: 'status',
      status: 503,
      path: runGet.source,
      method: 'GET',
    });
    await page.goto(`/experiments/${churn.id}/runs/${runId}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the run' });
    await expect(alert).toContainText('INJECTED_FAULT');
    await expect(alert).toContainText('injected HTTP 503');
    await lateRetries(page);
    // Before one retry layer: 4 (server) × 4 (client) × 2 (react-query) = 32.
    expect(await countRequests(runGet, 'GET')).toBe(SERVER_MAX_ATTEMPTS);
  });

  test('a search answered 503 costs at most 4 calls too', async ({ page }) => {
    await setFault(faultControl(), { kind: 'status', status: 503, path: 'experiments/search' });
    await page.goto('/experiments');
    await expect(page.getByRole('alert').filter({ hasText: 'INJECTED_FAULT' })).toContainText(
      'injected HTTP 503',
    );
    await lateRetries(page);
    expect(await countRequests(/experiments\/search/)).toBe(SERVER_MAX_ATTEMPTS);
  });

  test('a 500 is MLflow failing on this request: shown at once, asked once', async ({ page }) => {
    const { churn } = readManifest().experiments;
    const runId = churn.run_ids[1] ?? '';
    const runGet = new RegExp(`/runs/get\\?run_id=${runId}`);
    await setFault(faultControl(), { kind: 'status', status: 500, path: runGet.source });
    await page.goto(`/experiments/${churn.id}/runs/${runId}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the run' });
    await expect(alert).toContainText('injected HTTP 500');
    await lateRetries(page);
    expect(await countRequests(runGet)).toBe(1);
  });
});

test.describe('connection reset mid-body', () => {
  test('a read cut off once is tried again by the browser, and the page loads', async ({
    page,
  }) => {
    const { churn } = readManifest().experiments;
    const runId = churn.run_ids[2] ?? '';
    const runGet = new RegExp(`/runs/get\\?run_id=${runId}`);
    await setFault(faultControl(), {
      kind: 'reset',
      afterBytes: 40,
      times: 1,
      path: runGet.source,
    });
    await openRun(page, churn.id, runId);
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The cut-off answer and its retry (2); on a loaded machine the page may also remount and
    // cancel a read in flight, which sends it once more, still within the budget.
    const calls = await countRequests(runGet);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(SERVER_MAX_ATTEMPTS);
  });

  test('a read cut off every time says so, within the call budget', async ({ page }) => {
    const { churn } = readManifest().experiments;
    const runId = churn.run_ids[3] ?? '';
    const runGet = new RegExp(`/runs/get\\?run_id=${runId}`);
    await setFault(faultControl(), { kind: 'reset', afterBytes: 40, path: runGet.source });
    await page.goto(`/experiments/${churn.id}/runs/${runId}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the run' });
    await expect(alert).toContainText('INCOMPLETE_RESPONSE');
    await expect(alert).toContainText('cut off');
    await lateRetries(page);
    const calls = await countRequests(runGet);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(SERVER_MAX_ATTEMPTS);
  });
});

test.describe('no edit in progress is lost', () => {
  test('the description keeps its draft through a 500 on save, then saves it', async ({ page }) => {
    const { experimentId, runId } = await ownRun('fault-description');
    await openRun(page, experimentId, runId);
    const section = page.getByRole('region', { name: 'Description' });
    await section.getByRole('button', { name: 'Edit description' }).click();
    const text = 'Written while MLflow *fails*';
    await section.getByLabel('Description').fill(text);

    await setFault(faultControl(), {
      kind: 'status',
      status: 500,
      method: 'POST',
      path: 'runs/set-tag',
    });
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(section.getByRole('alert')).toContainText('INJECTED_FAULT');
    await expect(section.getByRole('alert')).toContainText('injected HTTP 500');
    await expect(section.getByLabel('Description')).toHaveValue(text);
    expect(tagOf(await mlflowRun.get(runId), 'mlflow.note.content')).toBeUndefined();

    await setFault(faultControl(), { kind: 'pass' });
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(section.getByRole('button', { name: 'Edit description' })).toBeVisible();
    await expect
      .poll(async () => tagOf(await mlflowRun.get(runId), 'mlflow.note.content'))
      .toBe(text);
  });

  test('the tag form keeps key and value while MLflow is stopped, then adds the tag once it is back', async ({
    page,
  }) => {
    const { experimentId, runId } = await ownRun('fault-tag');
    await openRun(page, experimentId, runId);
    const tags = page.getByRole('region', { name: 'Tags' });
    await tags.getByLabel('Key', { exact: true }).fill('owner');
    await tags.getByLabel('Value', { exact: true }).fill('team-retention');

    await setFault(faultControl(), { kind: 'down' });
    await tags.getByRole('button', { name: 'Add tag' }).click();
    await expect(tags.getByRole('alert')).toContainText('MLFLOW_UNAVAILABLE');
    await expect(banner(page)).toBeVisible();
    await expect(tags.getByLabel('Key', { exact: true })).toHaveValue('owner');
    await expect(tags.getByLabel('Value', { exact: true })).toHaveValue('team-retention');

    await setFault(faultControl(), { kind: 'pass' });
    await tags.getByRole('button', { name: 'Add tag' }).click();
    await expect(tags.getByRole('table', { name: 'Tags' })).toContainText('team-retention');
    await expect(tags.getByLabel('Key', { exact: true })).toHaveValue('');
    // The refetch after the save reached MLflow: it is back.
    await expect(banner(page)).toBeHidden();
    await expect
      .poll(async () => tagOf(await mlflowRun.get(runId), 'owner'))
      .toBe('team-retention');
  });

  test('an inline tag edit keeps its value when the answer to its save is cut off', async ({
    page,
  }) => {
    const { experimentId, runId } = await ownRun('fault-tag-edit');
    await mlflowRun.setTag(runId, 'stage', 'draft');
    await openRun(page, experimentId, runId);
    const tags = page.getByRole('region', { name: 'Tags' });
    await tags.getByRole('button', { name: 'Edit stage' }).click();
    await tags.getByLabel('Value of stage').fill('reviewed');

    // MLflow applies the write; only its answer is lost on the way back.
    await setFault(faultControl(), {
      kind: 'reset',
      afterBytes: 1,
      method: 'POST',
      path: 'runs/set-tag',
    });
    await tags.getByRole('button', { name: 'Save' }).click();
    await expect(tags.getByRole('alert')).toContainText('INCOMPLETE_RESPONSE');
    await expect(tags.getByLabel('Value of stage')).toHaveValue('reviewed');
    // Not sent again by any layer: a write whose answer was lost may have been applied.
    expect(await countRequests(/runs\/set-tag/, 'POST')).toBe(1);

    await setFault(faultControl(), { kind: 'pass' });
    await tags.getByRole('button', { name: 'Save' }).click();
    await expect(tags.getByLabel('Value of stage')).toBeHidden();
    await expect(tags.getByRole('table', { name: 'Tags' })).toContainText('reviewed');
    await expect.poll(async () => tagOf(await mlflowRun.get(runId), 'stage')).toBe('reviewed');
  });

  test('the rename dialog keeps the typed name through a 503 on save, then renames', async ({
    page,
  }) => {
    const { experimentId, runId } = await ownRun('fault-rename');
    await openRun(page, experimentId, runId);
    const renamed = uniqueName('renamed-under-fault');
    await page.getByRole('button', { name: 'Rename' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename run' });
    await dialog.getByLabel('Run name').fill(renamed);

    await setFault(faultControl(), {
      kind: 'status',
      status: 503,
      method: 'POST',
      path: 'runs/update',
    });
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog.getByRole('alert')).toContainText('injected HTTP 503');
    await expect(dialog.getByLabel('Run name')).toHaveValue(renamed);
    // A write refused with 503 was not processed: the server may and does try it again.
    expect(await countRequests(/runs\/update/, 'POST')).toBe(SERVER_MAX_ATTEMPTS);

    await setFault(faultControl(), { kind: 'pass' });
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
    await expect.poll(async () => (await mlflowRun.get(runId)).info.run_name).toBe(renamed);
  });
});
