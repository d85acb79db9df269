// One real mlflow server per run, seeded through the MLflow client, with two Parallax servers in
// front of it: one direct, one behind the fault-injecting proxy.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild } from '../scripts/lib/build.mjs';
import { startMlflow, freePort } from '../scripts/lib/mlflow-server.mjs';
import { startParallax } from '../scripts/lib/parallax-server.mjs';
import { startFaultProxy } from './support/fault-proxy';
import { seedE2e } from './support/seed';

export default async function globalSetup(): Promise<() => Promise<void>> {
  // The suite reads the charts' test hook, which only a test build has; rebuilds only when dist/
  // is stale or was built for production (npm start).
  await ensureBuild({ mode: 'test' });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parallax-e2e-'));
  const mlflow = await startMlflow({ dataDir });
  const cleanups: (() => Promise<void>)[] = [
    async () => rmSync(dataDir, { recursive: true, force: true }),
    mlflow.stop,
  ];
  const teardown = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  };
  try {
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
    // PARALLAX_READ_ONLY: the UI must offer no change at all (e2e/read-only.spec.ts).
    const readOnly = await startParallax({
      env: {
        MLFLOW_TRACKING_URI: mlflow.url,
        PARALLAX_PORT: String(await freePort()),
        PARALLAX_READ_ONLY: '1',
      },
    });
    cleanups.push(async () => void readOnly.child.kill('SIGTERM'));

    process.env.E2E_MLFLOW_URL = mlflow.url;
    process.env.E2E_PARALLAX_URL = direct.url;
    process.env.E2E_FAULTY_PARALLAX_URL = faulty.url;
    process.env.E2E_READONLY_PARALLAX_URL = readOnly.url;
    process.env.E2E_FAULT_CONTROL_URL = fault.controlUrl;
    process.env.E2E_MANIFEST = manifest;
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}
