// A model with more versions than a screen holds: the model page draws the newest versions while
// MLflow is still handing over the full list. The fault proxy slows only the full list's search
// (max_results=1000), so the first rows can only come from the small newest-first request.
import { expect, test } from './support/fixtures';
import { setFault } from './support/fault-proxy';
import { faultControl, holdFaultProxyPerTest } from './support/fault-lease';
import { mlflowRegistry } from './support/mlflow-api';
import { ownModel } from './support/own-model';

holdFaultProxyPerTest();
test.use({ baseURL: process.env.E2E_PATIENT_PARALLAX_URL });

test('the newest versions show before the full list arrives, then every version', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { name } = await ownModel('first-rows', Array<string>(60).fill('None'));
  expect(await mlflowRegistry.versions(name)).toHaveLength(60);
  await setFault(faultControl(), {
    kind: 'slow',
    ms: 10_000,
    path: 'model-versions/search\\?.*max_results=1000',
  });
  await page.goto(`/models/${encodeURIComponent(name)}`);
  const table = page.getByRole('table', { name: 'Model versions' });
  await expect(page.getByText('The newest 50 versions; loading the rest…')).toBeVisible();
  await expect(table.getByRole('link', { name: 'v60', exact: true })).toBeVisible();
  // No count yet: the page does not know how many versions there are.
  await expect(page.getByRole('heading', { name: /^Versions/ })).toHaveText('Versions');

  await setFault(faultControl(), { kind: 'pass' });
  await expect(page.getByRole('heading', { name: /^Versions/ })).toHaveText('Versions 60', {
    timeout: 30_000,
  });
  await expect(page.getByText('The newest 50 versions; loading the rest…')).toHaveCount(0);
});
