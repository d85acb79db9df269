// One real mlflow server per run, seeded through the MLflow client, with Parallax servers in front
// of it: one direct, two behind the fault-injecting proxy (short timeouts, and the defaults), one
// read-only. Beside it, a second real
// mlflow server with the basic-auth app, and a Parallax holding its admin credential (gate tests).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild } from '../scripts/lib/build.mjs';
import { startMlflow, freePort } from '../scripts/lib/mlflow-server.mjs';
import { startParallax } from '../scripts/lib/parallax-server.mjs';
import { startFaultProxy } from './support/fault-proxy';
import { startDatabricksApp } from './support/databricks/app';
import { APP_CLIENT, EDITOR, VIEWER, WORKSPACE_USERS } from './support/databricks/users';
import { reshapeOssAnswer, translateUcRequest } from './support/databricks/uc-gateway';
import { startDatabricksWorkspace } from './support/databricks/workspace';
import { seedE2e } from './support/seed';

export default async function globalSetup(): Promise<() => Promise<void>> {
  // The suite reads the charts' test hook, which only a test build has; rebuilds only when dist/
  // is stale or was built for production (npm start).
  await ensureBuild({ mode: 'test' });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parallax-e2e-'));
  const cleanups: (() => Promise<void>)[] = [
    async () => rmSync(dataDir, { recursive: true, force: true }),
  ];
  const teardown = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  };
  // Distinctive, so that a test can search every answer for them.
  const basicUser = `gate-admin-${randomBytes(4).toString('hex')}`;
  const basicPassword = `Gate-pw-${randomBytes(12).toString('hex')}`;
  try {
    // Both servers start at once: the second one costs seconds, not another start-up.
    const [mlflow, basicMlflow] = await Promise.all([
      startMlflow({ dataDir }).then((server) => (cleanups.push(server.stop), server)),
      startBasicAuthMlflow(path.join(dataDir, 'basic-auth'), basicUser, basicPassword).then(
        (server) => (cleanups.push(server.stop), server),
      ),
    ]);
    const manifest = path.join(dataDir, 'manifest.json');
    await seedE2e(mlflow.url, manifest);

    const fault = await startFaultProxy(mlflow.url);
    cleanups.push(fault.close);

    const direct = await startParallax({
      env: { MLFLOW_TRACKING_URI: mlflow.url, PARALLAX_PORT: String(await freePort()) },
    });
    cleanups.push(async () => void direct.child.kill('SIGTERM'));
    const faulty = await startParallax({
      env: {
        MLFLOW_TRACKING_URI: fault.url,
        PARALLAX_PORT: String(await freePort()),
        PARALLAX_CONNECT_TIMEOUT_MS: '2000',
        PARALLAX_UPSTREAM_TIMEOUT_MS: '4000',
      },
    });
    cleanups.push(async () => void faulty.child.kill('SIGTERM'));
    // Behind the same proxy with the default timeouts, as users run it: a slow MLflow is waited
    // for, not given up on after 4 s (e2e/charts-first-visit.spec.ts).
    const patient = await startParallax({
      env: { MLFLOW_TRACKING_URI: fault.url, PARALLAX_PORT: String(await freePort()) },
    });
    cleanups.push(async () => void patient.child.kill('SIGTERM'));
    // PARALLAX_READ_ONLY: the UI must offer no change at all (e2e/read-only.spec.ts).
    const readOnly = await startParallax({
      env: {
        MLFLOW_TRACKING_URI: mlflow.url,
        PARALLAX_PORT: String(await freePort()),
        PARALLAX_READ_ONLY: '1',
      },
    });
    cleanups.push(async () => void readOnly.child.kill('SIGTERM'));
    // Holds the basic-auth admin's credential: what the gate tests try to misuse (e2e/gate.spec.ts).
    const basic = await startParallax({
      env: {
        MLFLOW_TRACKING_URI: basicMlflow.url,
        MLFLOW_TRACKING_USERNAME: basicUser,
        MLFLOW_TRACKING_PASSWORD: basicPassword,
        PARALLAX_PORT: String(await freePort()),
      },
    });
    cleanups.push(async () => void basic.child.kill('SIGTERM'));

    // The emulated Databricks workspace in front of the same MLflow, and Parallax as a Databricks
    // App behind its Apps front proxy: without user authorization (the app's identity for every
    // call) and with it (the signed-in user's token). e2e/databricks.spec.ts.
    const dbx = await startDatabricksWorkspace({
      mlflowUrl: mlflow.url,
      clients: { [APP_CLIENT.id]: APP_CLIENT.secret },
      users: WORKSPACE_USERS,
      tokenLifetimeS: 20,
      signedUrlLifetimeS: 60,
      // The workspace's registry is Unity Catalog, as on Databricks by default: its UC endpoints
      // are translated onto the real server's registry, with UC's rules.
      ucTranslate: translateUcRequest,
      ucReshape: reshapeOssAnswer,
    });
    cleanups.push(dbx.stop);
    const startApp = (userAuthorization: boolean) =>
      startDatabricksApp({
        workspaceUrl: dbx.url,
        name: userAuthorization ? 'parallax-obo' : 'parallax',
        client: APP_CLIENT,
        userAuthorization,
        defaultUser: userAuthorization ? VIEWER : EDITOR,
      }).then((app) => (cleanups.push(app.stop), app));
    const [dbxApp, dbxOboApp] = await Promise.all([startApp(false), startApp(true)]);
    process.env.E2E_DBX_WORKSPACE_URL = dbx.url;
    process.env.E2E_DBX_APP_URL = dbxApp.url;
    process.env.E2E_DBX_OBO_APP_URL = dbxOboApp.url;

    process.env.E2E_MLFLOW_URL = mlflow.url;
    process.env.E2E_PARALLAX_URL = direct.url;
    process.env.E2E_FAULTY_PARALLAX_URL = faulty.url;
    process.env.E2E_PATIENT_PARALLAX_URL = patient.url;
    process.env.E2E_READONLY_PARALLAX_URL = readOnly.url;
    process.env.E2E_FAULT_CONTROL_URL = fault.controlUrl;
    process.env.E2E_MANIFEST = manifest;
    process.env.E2E_BASIC_MLFLOW_URL = basicMlflow.url;
    process.env.E2E_BASIC_PARALLAX_URL = basic.url;
    process.env.E2E_BASIC_USER = basicUser;
    process.env.E2E_BASIC_PASSWORD = basicPassword;
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}

/** `mlflow server --app-name basic-auth` with its own stores and a generated admin. */
async function startBasicAuthMlflow(dir: string, user: string, password: string) {
  mkdirSync(dir, { recursive: true });
  const ini = path.join(dir, 'basic_auth.ini');
  writeFileSync(
    ini,
    [
      '[mlflow]',
      'default_permission = READ',
      `database_uri = sqlite:///${path.join(dir, 'basic_auth.db')}`,
      `admin_username = ${user}`,
      `admin_password = ${password}`,
      'authorization_function = mlflow.server.auth:authenticate_request_basic_auth',
      '',
    ].join('\n'),
  );
  return startMlflow({
    dataDir: dir,
    workers: 1,
    extraArgs: ['--app-name', 'basic-auth'],
    env: {
      MLFLOW_AUTH_CONFIG_PATH: ini,
      MLFLOW_FLASK_SERVER_SECRET_KEY: randomBytes(16).toString('hex'),
    },
  });
}
