#!/usr/bin/env node
// `npm run dev`: Vite with hot reload on :5173, proxying API paths to a Parallax server on :5174,
// which talks to the embedded mlflow server (or MLFLOW_TRACKING_URI / DATABRICKS_HOST).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureNodeModules, ensureVenv } from './lib/ensure.mjs';
import { log } from './lib/log.mjs';
import { startMlflow } from './lib/mlflow-server.mjs';
import { startParallax } from './lib/parallax-server.mjs';
import { demoDataDir, root } from './lib/paths.mjs';
import { prepareDemoDir, seedDemoOnce } from './lib/seed.mjs';

const cleanups = [];
const shutdown = async (code) => {
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

await ensureNodeModules();
const env = {
  PARALLAX_PORT: '5174',
  PARALLAX_STATIC_DIR: path.join(root, '.no-static'),
  // Vite passes the browser's Host (its own :5173) on; the server answers only to hosts it knows.
  PARALLAX_ALLOWED_HOSTS: 'localhost:5173,127.0.0.1:5173',
};
if (!process.env.MLFLOW_TRACKING_URI && !process.env.DATABRICKS_HOST) {
  await ensureVenv();
  prepareDemoDir(demoDataDir);
  const mlflow = await startMlflow({
    dataDir: demoDataDir,
    onSpawn: (stop) => cleanups.push(stop),
  });
  await seedDemoOnce(demoDataDir, mlflow.url);
  env.MLFLOW_TRACKING_URI = mlflow.url;
}
const server = await startParallax({ env });
cleanups.push(async () => void server.child.kill('SIGTERM'));
const vite = spawn(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PARALLAX_DEV_API: server.url },
});
cleanups.push(async () => void vite.kill('SIGTERM'));
log.ok('Dev server starting on http://127.0.0.1:5173 (API through the Parallax server on :5174)');
vite.on('exit', (code) => void shutdown(code ?? 0));
