// `npm run bench [-- --only runs-table|charts|compare|footprint|server-load] [--runs N] [--quick] [--scale F] [--duration S]`
// Makes sure the venv, Chromium and the SPA build are in place, then runs bench/run.ts under tsx.
// BENCH_DIST=<dir> benchmarks an already built SPA instead of (re)building dist/; build it with
// `vite build --mode e2e`, since the charts suite reads what was drawn through the test hook.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild } from './lib/build.mjs';
import { ensureChromium, ensureNodeModules, ensureVenv } from './lib/ensure.mjs';
import { log } from './lib/log.mjs';
import { root } from './lib/paths.mjs';

// The server-load suite drives Parallax's HTTP API only: no browser, no SPA build needed.
const args = process.argv.slice(2);
const apiOnly = args[args.indexOf('--only') + 1] === 'server-load' && args.includes('--only');

try {
  await ensureNodeModules();
  await ensureVenv();
  if (!apiOnly) await ensureChromium();
  // The charts suite reads what was drawn through the test hook: a test build.
  if (!process.env.BENCH_DIST && !apiOnly) await ensureBuild({ mode: 'test' });
} catch (e) {
  log.fail(e.message);
  process.exit(1);
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'bench', 'run.ts'), ...args],
  { cwd: root, stdio: 'inherit' },
);
// Forward Ctrl-C so the bench stops its servers and browser instead of leaving them behind.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
