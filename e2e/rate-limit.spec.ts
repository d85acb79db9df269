// A rate limit longer than Parallax's server waits (its budget is 15 s): the server hands the 429
// and its Retry-After back, and the browser waits it out while a status line counts down, instead
// of showing an error; then the runs table loads. Injected by the fault proxy between the faulty
// Parallax and the real MLflow (support/fault-proxy.ts), which counts what reached MLflow.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { setFault } from './support/fault-proxy';
import { countRequests, faultControl, holdFaultProxyPerTest } from './support/fault-lease';
import { readManifest } from './support/manifest';

holdFaultProxyPerTest();

test.use({
  baseURL: process.env.E2E_FAULTY_PARALLAX_URL,
  // Chromium logs the 429 answer itself as a console error.
  expectedConsoleErrors: [/Failed to load resource/],
});

/** Longer than the server's whole retry budget, so it reaches the browser; short enough to wait. */
const RETRY_AFTER_S = 16;

const runsTable = (page: Page) => page.getByTestId('runs-table');

test('a 429 beyond the server’s budget is counted down, retried, and the runs table loads', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { churn } = readManifest().experiments;
  await setFault(faultControl(), {
    kind: 'status',
    status: 429,
    retryAfter: RETRY_AFTER_S,
    times: 1,
    path: 'runs/search',
  });
  await page.goto(`/experiments/${churn.id}`);

  const notice = page.getByRole('status').filter({ hasText: 'is rate-limiting' });
  await expect(notice).toHaveText(/^MLflow is rate-limiting; retrying in (1[0-6]) s$/);
  // The table waits with it: the refused call is the one that fills it.
  await expect(runsTable(page).getByRole('link', { name: 'run-01', exact: true })).toHaveCount(0);
  const first = Number(/in (\d+) s/.exec((await notice.textContent()) ?? '')?.[1]);
  // The countdown moves.
  await expect(notice).toHaveText(new RegExp(`retrying in ${first - 2} s$`), { timeout: 5_000 });
  // No error while it waits.
  await expect(page.getByRole('alert')).toHaveCount(0);

  await expect(runsTable(page).getByRole('link', { name: 'run-01', exact: true })).toBeVisible({
    timeout: (RETRY_AFTER_S + 15) * 1000,
  });
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The refusal and the retry: the server did not retry a wait beyond its budget.
  expect(await countRequests(/runs\/search/)).toBeGreaterThanOrEqual(2);
});
