import type { Response } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { mlflow, mlflowRun, uniqueName } from './support/mlflow-api';

const WINDOW = 256 * 1024;

interface Seen {
  status: number;
  range: string | undefined;
  contentRange: string | undefined;
  bodyBytes: number;
}

async function describeResponse(res: Response): Promise<Seen> {
  return {
    status: res.status(),
    range: (await res.request().allHeaders()).range,
    contentRange: res.headers()['content-range'],
    bodyBytes: (await res.body()).length,
  };
}

test('a 3 MB log previews its tail from a single 206 of at most 256 KB', async ({ page }) => {
  const experimentId = await mlflow.createExperiment(uniqueName('/e2e/artifact-range'));
  const run = await mlflow.createRun(experimentId, uniqueName('range'));
  const lastLine = `final line ${uniqueName('tail')}: training finished`;
  const lines = Array.from(
    { length: 48_000 },
    (_, i) => `step ${i} loss ${(1 / (i + 1)).toFixed(8)} ${'.'.repeat(36)}\n`,
  );
  const body = Buffer.from(`${lines.join('')}${lastLine}\n`);
  expect(body.length).toBeGreaterThan(3_000_000);
  await mlflowRun.uploadArtifact(run, 'logs/range-train.log', body);

  // Every answer our server gives for this file, whatever asked for it.
  const seen: Promise<Seen>[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (
      url.pathname === '/parallax/api/artifact' &&
      url.searchParams.get('path')?.endsWith('range-train.log')
    ) {
      seen.push(describeResponse(res));
    }
  });

  await page.goto(`/experiments/${experimentId}/runs/${run.info.run_id}`);
  const tree = page.getByRole('tree', { name: 'Artifacts' });
  const folder = tree.getByRole('treeitem', { name: 'logs', exact: true });
  await folder.locator('.artifact-row').first().click();
  await expect(folder).toHaveAttribute('aria-expanded', 'true');
  await tree
    .getByRole('treeitem', { name: 'range-train.log', exact: true })
    .locator('.artifact-row')
    .first()
    .click();

  const text = page.getByLabel('Contents of range-train.log');
  await expect(text).toContainText(lastLine);
  await expect(text).not.toContainText('step 0 loss');
  // The tail view opens scrolled to its end, so the last line is on screen, not just in the DOM.
  await expect(page.getByText(lastLine)).toBeVisible();
  await expect
    .poll(() => text.evaluate((pre) => pre.scrollHeight - pre.scrollTop - pre.clientHeight))
    .toBeLessThanOrEqual(1);
  const totalMb = (body.length / 1024 / 1024).toFixed(1);
  await expect(page.getByText(`Showing the last 256 KB of ${totalMb} MB.`)).toBeVisible();

  const responses = await Promise.all(seen);
  expect(responses.length).toBeGreaterThan(0);
  for (const response of responses) {
    expect(response).toEqual({
      status: 206,
      range: `bytes=-${WINDOW}`,
      contentRange: `bytes ${body.length - WINDOW}-${body.length - 1}/${body.length}`,
      bodyBytes: WINDOW,
    });
    expect(response.bodyBytes).toBeLessThanOrEqual(WINDOW);
  }
});
