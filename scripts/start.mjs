#!/usr/bin/env node
// `npm start`: install what is missing, start (or use) MLflow, seed once, build, serve, print the URL.
// Ctrl-C at any point stops every process it started and leaves a state the next start completes
// from: each step's marker is written only after the step has finished (see ensure.mjs, seed.mjs
// and build.mjs), and an unfinished demo is started over.
import { readyBanner } from './lib/banner.mjs';
import { ensureBuild } from './lib/build.mjs';
import { ensureNodeModules, ensureVenv } from './lib/ensure.mjs';
import { elapsed, log } from './lib/log.mjs';
import { startMlflow } from './lib/mlflow-server.mjs';
import { startParallax } from './lib/parallax-server.mjs';
import { demoDataDir } from './lib/paths.mjs';
import { stopRunning } from './lib/run.mjs';
import { prepareDemoDir, seedDemoOnce } from './lib/seed.mjs';

const t0 = Date.now();
const cleanups = [];
let stopping = false;

/** Thrown between steps once a stop has begun, so that no new process starts behind it. */
class Stopped extends Error {}
const checkpoint = () => {
  if (stopping) throw new Stopped('stopping');
};

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log.step('Stopping…');
  // One-shot commands first (npm ci, pip, the seed, vite): they write into node_modules, .venv,
  // the store or dist/, and must be gone before the servers they talk to.
  await stopRunning();
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
  checkpoint();
  const external = process.env.MLFLOW_TRACKING_URI || process.env.DATABRICKS_HOST;
  const backend = !external
    ? 'embedded'
    : process.env.MLFLOW_TRACKING_URI
      ? 'MLFLOW_TRACKING_URI'
      : 'DATABRICKS_HOST';
  const env = {
    PARALLAX_HOST:
      process.env.PARALLAX_HOST ?? (process.env.DATABRICKS_APP_PORT ? '0.0.0.0' : '127.0.0.1'),
    PARALLAX_PORT: process.env.DATABRICKS_APP_PORT ?? process.env.PARALLAX_PORT ?? '5050',
  };
  let mlflowUrl = external;
  if (!external) {
    await ensureVenv();
    checkpoint();
    prepareDemoDir(demoDataDir);
    log.step(`Starting the embedded mlflow server (SQLite under ${demoDataDir})…`);
    const mlflow = await startMlflow({
      dataDir: demoDataDir,
      port: process.env.PARALLAX_MLFLOW_PORT ? Number(process.env.PARALLAX_MLFLOW_PORT) : undefined,
      // Registered before it is healthy: a stop during its start-up must end it too.
      onSpawn: (stop) => cleanups.push(stop),
    });
    checkpoint();
    mlflowUrl = mlflow.url;
    env.MLFLOW_TRACKING_URI = mlflow.url;
    // No address here: this line comes a minute or more before Parallax can be opened, and the first
    // address a newcomer sees is the one they open. MLflow's is printed at the end, labelled.
    log.ok("mlflow server ready (Parallax's address follows once Parallax is ready)");
    await seedDemoOnce(demoDataDir, mlflow.url);
    checkpoint();
  } else {
    log.step(`Using the MLflow backend from ${backend} (its address is printed at the end)`);
  }
  await ensureBuild();
  checkpoint();
  log.step('Starting the Parallax server…');
  const { child, url } = await startParallax({
    env,
    // The server stops before MLflow (unshift: cleanups run in reverse).
    onSpawn: (server) =>
      cleanups.unshift(async () => {
        if (server.exitCode === null && server.signalCode === null) {
          const exited = new Promise((r) => server.once('exit', r));
          server.kill('SIGTERM');
          await exited;
        }
      }),
  });
  checkpoint();
  child.on('exit', (code) => {
    if (!stopping) {
      log.fail(`The Parallax server stopped (exit ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  log.ok(`Ready in ${elapsed(t0)}`);
  console.log(readyBanner({ parallaxUrl: url, mlflowUrl, backend }));
}

main().catch((e) => {
  // A step cut short by the stop fails as a matter of course; the stop already says what happens.
  if (stopping) return;
  log.fail(e instanceof Error ? e.message : String(e));
  void shutdown(1);
});
