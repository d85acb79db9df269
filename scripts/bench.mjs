// `npm run bench [-- --only runs-table|charts] [--runs N] [--quick] [--scale F]`
// Makes sure the venv, Chromium and the SPA build are in place, then runs bench/run.ts under tsx.
// BENCH_DIST=<dir> benchmarks an already built SPA instead of (re)building dist/.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild } from './lib/build.mjs';
import { ensureChromium, ensureNodeModules, ensureVenv } from './lib/ensure.mjs';
import { log } from './lib/log.mjs';
import { root } from './lib/paths.mjs';

try {
  await ensureNodeModules();
  await ensureVenv();
  await ensureChromium();
  // The charts suite reads what was drawn through the test hook: a test build.
  if (!process.env.BENCH_DIST) await ensureBuild({ mode: 'test' });
} catch (e) {
  log.fail(e.message);
  process.exit(1);
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'bench', 'run.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
// Forward Ctrl-C so the bench stops its servers and browser instead of leaving them behind.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
