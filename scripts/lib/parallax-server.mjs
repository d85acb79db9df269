// Runs the Parallax server (server/main.ts through tsx) as a child and waits until it answers.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './paths.mjs';

// `onSpawn` receives the child as soon as it exists, so that a caller stopped while waiting for it
// to answer (Ctrl-C) can still end it.
export async function startParallax({ env, timeoutMs = 30_000, onSpawn }) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'main.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  onSpawn?.(child);
  const host = env.PARALLAX_HOST ?? '127.0.0.1';
  const probeHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${probeHost}:${env.PARALLAX_PORT}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the Parallax server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return { child, url };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill('SIGTERM');
  throw new Error(`the Parallax server did not answer at ${url} within ${timeoutMs / 1000}s`);
}
