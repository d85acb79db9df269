// Parallax as a Databricks App, end to end: Chromium talks to the emulated Apps front proxy, which
// talks to Parallax in app mode, which talks to the emulated workspace (e2e/support/databricks/),
// in front of the suite's real mlflow server. Every check of what happened reads the workspace's
// gateway log or MLflow itself, never Parallax.
import { randomUUID } from 'node:crypto';
import type { Page, Response } from '@playwright/test';
import { startDatabricksApp } from './support/databricks/app';
import { appUrl, workspace, workspaceUrl } from './support/databricks/control';
import { STORE_PREFIX } from './support/databricks/object-store';
import {
  APP_CLIENT,
  EDITOR,
  SIGN_IN_COOKIE,
  VIEWER,
  appCaller,
  userCaller,
  type WorkspaceUser,
} from './support/databricks/users';
import { expect, test } from './support/fixtures';
import { mlflow, mlflowRun, uniqueName } from './support/mlflow-api';

// One workspace for the suite, whose rules (a 429 burst, a URL lifetime) and log are global: the
// tests here take turns.
test.describe.configure({ mode: 'serial' });

async function signIn(page: Page, baseUrl: string, user: WorkspaceUser): Promise<void> {
  await page.context().addCookies([{ name: SIGN_IN_COOKIE, value: user.name, url: baseUrl }]);
}

async function ownRun(prefix: string) {
  const experimentId = await mlflow.createExperiment(uniqueName(`/Shared/e2e/${prefix}`));
  const run = await mlflow.createRun(experimentId, uniqueName(prefix));
  return { experimentId, run };
}

test.describe('without user authorization (the app’s identity)', () => {
  test.use({ baseURL: appUrl(false) });

  test('the header shows the signed-in user the Apps proxy names; a forged header elsewhere names nobody', async ({
    page,
    request,
  }) => {
    await page.goto('/experiments');
    await expect(page.getByTitle(`Signed in as ${EDITOR.email}`, { exact: true })).toHaveText(
      EDITOR.email,
    );

    // Outside app mode the same header is any client's claim: Parallax shows no one.
    const direct = process.env.E2E_PARALLAX_URL ?? '';
    const config = await request.get(`${direct}/parallax/api/config`, {
      headers: { 'x-forwarded-email': 'intruder@example.com' },
    });
    expect(((await config.json()) as { user: unknown }).user).toBeNull();
  });

  test('a 429 burst with Retry-After: 2 is waited out and the runs table still loads', async ({
    page,
  }) => {
    const { experimentId, run } = await ownRun('dbx-429');
    const since = await workspace.lastSeq();
    await workspace.setRate429({ burst: 2, retryAfterS: 2, path: '/runs/search$' });
    try {
      await page.goto(`/experiments/${experimentId}`);
      await expect(page.getByRole('link', { name: run.info.run_name ?? '' })).toBeVisible({
        timeout: 20_000,
      });
    } finally {
      await workspace.setRate429(null);
    }
    const searches = (await workspace.logSince(since)).filter((c) =>
      c.path.endsWith('/runs/search'),
    );
    const limited = searches.filter((c) => c.status === 429);
    const served = searches.filter((c) => c.status === 200);
    expect(limited).toHaveLength(2);
    expect(served.length).toBeGreaterThan(0);
    // Retry-After was honoured: nothing was answered before two seconds had passed.
    expect((served[0]?.at ?? 0) - (limited[0]?.at ?? 0)).toBeGreaterThanOrEqual(1_900);
  });

  test('an image and a CSV preview through presigned URLs the browser never sees', async ({
    page,
  }) => {
    const { experimentId, run } = await ownRun('dbx-artifacts');
    await page.setContent('<div style="width:48px;height:32px;background:#2a7"></div>');
    const png = await page.locator('div').screenshot();
    await mlflowRun.uploadArtifact(run, 'plots/pic.png', png);
    await mlflowRun.uploadArtifact(
      run,
      'data/table.csv',
      Buffer.from('step,loss\n1,0.5\n2,0.25\n'),
    );
    const since = await workspace.lastSeq();

    const seen: string[] = [];
    const reading: Promise<void>[] = [];
    const onResponse = (response: Response) => {
      reading.push(
        (async () => {
          const body = await response.body().catch(() => Buffer.alloc(0));
          seen.push(
            `${response.url()}\n${JSON.stringify(await response.allHeaders())}\n${body.toString('latin1')}`,
          );
        })(),
      );
    };
    page.on('response', onResponse);
    await page.goto(`/experiments/${experimentId}/runs/${run.info.run_id}`);
    const tree = page.getByRole('tree', { name: 'Artifacts' });
    await tree
      .getByRole('treeitem', { name: 'plots', exact: true })
      .locator('.artifact-row')
      .first()
      .click();
    await tree.getByRole('treeitem', { name: 'pic.png' }).locator('.artifact-row').first().click();
    const img = page.getByRole('img', { name: 'pic.png' });
    await expect
      .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(48);
    await tree
      .getByRole('treeitem', { name: 'data', exact: true })
      .locator('.artifact-row')
      .first()
      .click();
    await tree
      .getByRole('treeitem', { name: 'table.csv' })
      .locator('.artifact-row')
      .first()
      .click();
    const table = page.getByRole('table', { name: 'Table table.csv' });
    await expect(table.getByRole('columnheader')).toHaveText(['step', 'loss']);
    await expect(table.getByRole('cell', { name: '0.25' })).toBeVisible();
    page.off('response', onResponse);
    await Promise.all(reading);

    // Both files went credentials-for-read → object store, as the app, for this run.
    const calls = await workspace.logSince(since);
    const credentials = calls.filter((c) => c.path.endsWith('/artifacts/credentials-for-read'));
    expect(credentials.length).toBeGreaterThanOrEqual(2);
    for (const c of credentials) {
      expect(c.who).toBe(appCaller(APP_CLIENT.id));
      expect(c.experiments).toEqual([experimentId]);
    }
    expect(
      calls.filter((c) => c.who === 'store' && c.status === 200).length,
    ).toBeGreaterThanOrEqual(2);

    // No signed URL, nor any part that would let someone use one, reached the browser.
    const urls = (await workspace.signedUrls()).filter((u) => u.includes(run.info.run_id));
    expect(urls.length).toBeGreaterThanOrEqual(2);
    const secrets = urls.map((u) => new URL(u).searchParams.get('X-Signature') ?? '');
    expect(seen.length).toBeGreaterThan(5);
    for (const text of seen) {
      expect(text).not.toContain(STORE_PREFIX);
      expect(text).not.toContain(workspaceUrl());
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  test('an expired presigned URL is replaced once, and the preview still shows', async ({
    page,
  }) => {
    const { experimentId, run } = await ownRun('dbx-expiry');
    await mlflowRun.uploadArtifact(run, 'notes.csv', Buffer.from('a,b\n1,expired-then-fresh\n'));
    await workspace.setSignedUrlLifetime(2);
    try {
      const open = async () => {
        await page.goto(`/experiments/${experimentId}/runs/${run.info.run_id}`);
        const tree = page.getByRole('tree', { name: 'Artifacts' });
        await tree
          .getByRole('treeitem', { name: 'notes.csv' })
          .locator('.artifact-row')
          .first()
          .click();
        await expect(page.getByRole('cell', { name: 'expired-then-fresh' })).toBeVisible();
      };
      await open();
      // Parallax keeps the URL for reuse; by now the store refuses it.
      await page.waitForTimeout(2_500);
      const since = await workspace.lastSeq();
      await open();
      const calls = await workspace.logSince(since);
      const store = calls.filter((c) => c.who === 'store').map((c) => c.status);
      expect(store).toEqual([403, 200]);
      expect(calls.filter((c) => c.path.endsWith('/credentials-for-read'))).toHaveLength(1);
    } finally {
      await workspace.setSignedUrlLifetime(60);
    }
  });
});

test.describe('with user authorization (the signed-in user’s token)', () => {
  test.use({ baseURL: appUrl(true), expectedConsoleErrors: [/status of 403/] });

  test('the viewer is told they may not read the guarded experiment; the app’s identity is never used', async ({
    page,
  }) => {
    const { experimentId, run } = await ownRun('dbx-guarded');
    await workspace.guardExperiment(experimentId);

    await signIn(page, appUrl(true), VIEWER);
    const since = await workspace.lastSeq();
    await page.goto(`/experiments/${experimentId}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('PERMISSION_DENIED');
    await expect(alert).toContainText(`User ${VIEWER.email} does not have permission`);
    await expect(page.getByTitle(`Signed in as ${VIEWER.email}`, { exact: true })).toBeVisible();

    const calls = await workspace.logSince(since);
    const touching = calls.filter((c) => c.experiments.includes(experimentId));
    expect(touching.length).toBeGreaterThan(0);
    for (const c of touching) expect([c.who, c.status]).toEqual([userCaller(VIEWER), 403]);
    // Not for this experiment, and not for anything else either: every call was the viewer's.
    expect(calls.filter((c) => c.who.startsWith('app:'))).toEqual([]);

    // The editor, on the same app, reads it with their own token.
    await signIn(page, appUrl(true), EDITOR);
    const editorSince = await workspace.lastSeq();
    await page.goto(`/experiments/${experimentId}`);
    await expect(page.getByRole('link', { name: run.info.run_name ?? '' })).toBeVisible();
    const editorCalls = (await workspace.logSince(editorSince)).filter((c) =>
      c.experiments.includes(experimentId),
    );
    expect(editorCalls.length).toBeGreaterThan(0);
    for (const c of editorCalls) expect([c.who, c.status]).toEqual([userCaller(EDITOR), 200]);
  });
});

test("the app's token is fetched once, single-flighted, and refreshed once per lifetime", async ({
  page,
}) => {
  // A Parallax of its own: no token cached yet, and a service principal whose tokens live 5 s.
  const client = { id: `parallax-e2e-token-${randomUUID().slice(0, 8)}`, secret: randomUUID() };
  await workspace.addClient(client.id, client.secret, 5);
  const app = await startDatabricksApp({
    workspaceUrl: workspaceUrl(),
    name: 'parallax-token',
    client,
    userAuthorization: false,
    defaultUser: EDITOR,
  });
  try {
    const issued = async () =>
      (await workspace.tokensIssued()).filter((t) => t.clientId === client.id);
    expect(await issued()).toHaveLength(0);
    // /healthz asks the workspace nothing: the page is there only to fetch from.
    await page.goto(`${app.url}/healthz`);
    const burst = () =>
      page.evaluate(async () => {
        const calls = Array.from({ length: 20 }, () =>
          fetch('/api/2.0/mlflow/experiments/get?experiment_id=0').then((r) => r.status),
        );
        return Promise.all(calls);
      });

    expect(await burst()).toEqual(Array(20).fill(200));
    const first = await issued();
    expect(first).toHaveLength(1);

    // Within the lifetime the same token serves.
    expect(await burst()).toEqual(Array(20).fill(200));
    expect(await issued()).toHaveLength(1);

    // Past 80 % of its 5 s (and before it expires), the token is replaced: once, for 20 calls at once.
    await page.waitForTimeout(Math.max(0, (first[0]?.at ?? 0) + 4_500 - Date.now()));
    expect(await burst()).toEqual(Array(20).fill(200));
    const second = await issued();
    expect(second).toHaveLength(2);
    expect((second[1]?.at ?? 0) - (second[0]?.at ?? 0)).toBeGreaterThanOrEqual(4_000);
    const rejected = (await workspace.log()).filter(
      (c) => c.who === appCaller(client.id) && c.status === 401,
    );
    expect(rejected).toEqual([]);
  } finally {
    await app.stop();
  }
});
