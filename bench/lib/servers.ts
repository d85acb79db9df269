// One mlflow server per workload (its cached SQLite db), and Parallax proxying to that same server.
import path from 'node:path';
import { startMlflow, type MlflowServer } from '../../scripts/lib/mlflow-server.mjs';
import { startParallax } from '../../scripts/lib/parallax-server.mjs';
import { root } from './paths.ts';
import type { Workload } from './workloads.ts';

export interface Servers {
  mlflow: MlflowServer;
  mlflowUrl: string;
  parallaxUrl: string;
  parallaxPid: number | undefined;
  stop: () => Promise<void>;
}

export interface ParallaxServer {
  url: string;
  pid: number | undefined;
  stop: () => Promise<void>;
}

const running = new Set<() => Promise<void>>();

/** Stops every server still running (Ctrl-C, or a crash in the middle of a suite). */
export async function stopAll(): Promise<void> {
  await Promise.allSettled([...running].map((stop) => stop()));
}

/** Registers a server's stop for stopAll(); the returned stop also unregisters it. */
export function track(stop: () => Promise<void>): () => Promise<void> {
  const tracked = async () => {
    running.delete(tracked);
    await stop();
  };
  running.add(tracked);
  return tracked;
}

/** mlflow on the workload's cached db, as every suite runs it (2 workers). */
export function startWorkloadMlflow(w: Workload, port: number): Promise<MlflowServer> {
  return startMlflow({ dataDir: w.dir, port, workers: 2, timeoutMs: 120_000 });
}

/** Parallax's server proxying to `mlflowUrl`, on 127.0.0.1:`port`; `env` adds or overrides settings. */
export async function startParallaxServer(
  mlflowUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ParallaxServer> {
  const parallax = await startParallax({
    env: {
      MLFLOW_TRACKING_URI: mlflowUrl,
      PARALLAX_HOST: '127.0.0.1',
      PARALLAX_PORT: String(port),
      PARALLAX_STATIC_DIR: process.env.BENCH_DIST ?? path.join(root, 'dist'),
      PARALLAX_LOG_LEVEL: 'warn',
      ...env,
    },
  });
  const child = parallax.child;
  const stop = track(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { url: parallax.url, pid: child.pid, stop };
}

/**
 * Ports 6150–6169 belong to the bench: mlflow on `basePort`, Parallax on `basePort + 1`;
 * `parallaxEnv` adds or overrides Parallax's settings (startParallaxServer).
 */
export async function startServers(
  w: Workload,
  basePort: number,
  parallaxEnv: Record<string, string> = {},
): Promise<Servers> {
  const mlflow = await startWorkloadMlflow(w, basePort);
  let parallax: ParallaxServer;
  try {
    parallax = await startParallaxServer(mlflow.url, basePort + 1, parallaxEnv);
  } catch (e) {
    await mlflow.stop();
    throw e;
  }
  const stop = track(async () => {
    await parallax.stop();
    await mlflow.stop();
  });
  return {
    mlflow,
    mlflowUrl: mlflow.url,
    parallaxUrl: parallax.url,
    parallaxPid: parallax.pid,
    stop,
  };
}
