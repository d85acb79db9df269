// Starts and stops a real `mlflow server` on 127.0.0.1 (SQLite + local artifacts under dataDir).
import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { venvBin } from './paths.mjs';

/** A free TCP port on 127.0.0.1, as the OS hands it out. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`mlflow server exited with ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`mlflow server at ${url} was not healthy after ${timeoutMs / 1000}s`);
}

/** Ends the server's whole process group (uvicorn runs workers beside the CLI). */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * @param {{ dataDir: string, port?: number, workers?: number, timeoutMs?: number, onSpawn?: (stop: () => Promise<void>) => void }} options
 *   `onSpawn` receives `stop` as soon as the process exists, before it is healthy: a caller stopped
 *   while waiting (Ctrl-C) must still end this detached server, which no terminal signal reaches.
 *   `extraArgs` go after the standard flags (e.g. `--app-name basic-auth`); `env` adds to the server's
 *   environment (e.g. MLFLOW_AUTH_CONFIG_PATH).
 * @returns {Promise<{ url: string, port: number, pid: number, logFile: string, stop: () => Promise<void> }>}
 */
export async function startMlflow({
  dataDir,
  port,
  workers = 2,
  timeoutMs = 90_000,
  onSpawn,
  extraArgs = [],
  env = {},
}) {
  mkdirSync(dataDir, { recursive: true });
  const listenPort = port ?? (await freePort());
  const logFile = path.join(dataDir, 'mlflow-server.log');
  const out = openSync(logFile, 'a');
  const args = [
    'server',
    '--backend-store-uri',
    `sqlite:///${path.join(dataDir, 'mlflow.db')}`,
    '--artifacts-destination',
    path.join(dataDir, 'artifacts'),
    '--host',
    '127.0.0.1',
    '--port',
    String(listenPort),
    '--workers',
    String(workers),
    ...extraArgs,
  ];
  const child = spawn(venvBin('mlflow'), args, {
    cwd: dataDir,
    detached: true,
    stdio: ['ignore', out, out],
    // The job runner (huey consumers for GenAI jobs) costs a dozen processes that Parallax never uses.
    env: {
      ...process.env,
      MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false',
      MLFLOW_ENABLE_ASYNC_LOGGING: 'false',
      PYTHONUNBUFFERED: '1',
      ...env,
    },
  });
  const url = `http://127.0.0.1:${listenPort}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    // uvicorn workers may outlive the CLI for a moment; make sure none is left behind
    killGroup(child, 'SIGKILL');
  };
  onSpawn?.(stop);
  try {
    await waitForHealth(url, child, timeoutMs);
  } catch (e) {
    await stop();
    throw new Error(`${e.message} (log: ${logFile})`, { cause: e });
  }
  return { url, port: listenPort, pid: child.pid, logFile, stop };
}
