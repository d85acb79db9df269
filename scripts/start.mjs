#!/usr/bin/env node
// `npm start`: install what is missing, start (or use) MLflow, seed once, build, serve, print the URL.
import path from 'node:path';
import { ensureBuild } from './lib/build.mjs';
import { ensureNodeModules, ensureVenv } from './lib/ensure.mjs';
import { elapsed, log } from './lib/log.mjs';
import { startMlflow } from './lib/mlflow-server.mjs';
import { startParallax } from './lib/parallax-server.mjs';
import { root } from './lib/paths.mjs';
import { seedDemoOnce } from './lib/seed.mjs';

const t0 = Date.now();
const cleanups = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log.step('Stopping…');
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (e) {
      log.warn(String(e));
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

async function main() {
  await ensureNodeModules();
  const external = process.env.MLFLOW_TRACKING_URI || process.env.DATABRICKS_HOST;
  const env = {
    PARALLAX_HOST:
      process.env.PARALLAX_HOST ?? (process.env.DATABRICKS_APP_PORT ? '0.0.0.0' : '127.0.0.1'),
    PARALLAX_PORT: process.env.DATABRICKS_APP_PORT ?? process.env.PARALLAX_PORT ?? '5050',
  };
  let mlflowUrl = external;
  if (!external) {
    await ensureVenv();
    const dataDir = path.join(root, '.mlflow');
    log.step('Starting the embedded mlflow server (SQLite under .mlflow/)…');
    const mlflow = await startMlflow({
      dataDir,
      port: process.env.PARALLAX_MLFLOW_PORT ? Number(process.env.PARALLAX_MLFLOW_PORT) : undefined,
    });
    cleanups.push(() => mlflow.stop());
    mlflowUrl = mlflow.url;
    env.MLFLOW_TRACKING_URI = mlflow.url;
    log.ok(`mlflow server ready at ${mlflow.url} (its own UI is there too)`);
    await seedDemoOnce(dataDir, mlflow.url);
  } else {
    log.step(`Using the MLflow backend at ${external}`);
  }
  await ensureBuild();
  log.step('Starting the Parallax server…');
  const { child, url } = await startParallax({ env });
  cleanups.unshift(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
  child.on('exit', (code) => {
    if (!stopping) {
      log.fail(`The Parallax server stopped (exit ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  log.ok(`Ready in ${elapsed(t0)}`);
  console.log(`\n  Parallax   ${url}\n  MLflow     ${mlflowUrl}\n\n  Press Ctrl-C to stop.\n`);
}

main().catch((e) => {
  log.fail(e instanceof Error ? e.message : String(e));
  void shutdown(1);
});
