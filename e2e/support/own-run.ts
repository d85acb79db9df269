// A run of a test's own, for tests that change data: nothing seeded is edited, so the specs that
// read the seed never see another test's changes.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { mlflow, uniqueName } from './mlflow-api';

export const tagOf = (run: { data?: { tags?: { key: string; value: string }[] } }, key: string) =>
  run.data?.tags?.find((t) => t.key === key)?.value;

/** A fresh experiment with one run, created straight in MLflow. */
export async function ownRun(prefix: string) {
  const experimentId = await mlflow.createExperiment(uniqueName(`/e2e/${prefix}`));
  const run = await mlflow.createRun(experimentId, uniqueName(prefix));
  return { experimentId, runId: run.info.run_id, name: run.info.run_name ?? '' };
}

export async function openRun(page: Page, experimentId: string, runId: string) {
  await page.goto(`/experiments/${experimentId}/runs/${runId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
