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

const running = new Set<() => Promise<void>>();

/** Stops every server still running (Ctrl-C, or a crash in the middle of a suite). */
export async function stopAll(): Promise<void> {
  await Promise.allSettled([...running].map((stop) => stop()));
}

/** Ports 6150–6169 belong to the bench: mlflow on `basePort`, Parallax on `basePort + 1`. */
export async function startServers(w: Workload, basePort: number): Promise<Servers> {
  const mlflow = await startMlflow({
    dataDir: w.dir,
    port: basePort,
    workers: 2,
    timeoutMs: 120_000,
  });
  let parallax: Awaited<ReturnType<typeof startParallax>>;
  try {
    parallax = await startParallax({
      env: {
        MLFLOW_TRACKING_URI: mlflow.url,
        PARALLAX_HOST: '127.0.0.1',
        PARALLAX_PORT: String(basePort + 1),
        PARALLAX_STATIC_DIR: process.env.BENCH_DIST ?? path.join(root, 'dist'),
        PARALLAX_LOG_LEVEL: 'warn',
      },
    });
  } catch (e) {
    await mlflow.stop();
    throw e;
  }
  const child = parallax.child;
  const stop = async () => {
    running.delete(stop);
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await mlflow.stop();
  };
  running.add(stop);
  return {
    mlflow,
    mlflowUrl: mlflow.url,
    parallaxUrl: parallax.url,
    parallaxPid: child.pid,
    stop,
  };
}
