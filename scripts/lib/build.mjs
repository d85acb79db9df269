// Rebuilds the SPA only when a source file is newer than the last build, or the last build was made
// in the other mode.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { elapsed, log } from './log.mjs';
import { root } from './paths.mjs';
import { run } from './run.mjs';

const inputs = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'tsconfig.app.json',
];
const distDir = path.join(root, 'dist');
const stampFile = path.join(distDir, '.parallax-build');

/**
 * 'production' (npm start) or 'test' (npm test, the e2e suite, the bench): only a test build holds
 * the charts' test hook, `window.__parallaxCharts` (vite.config.ts, buildFlags).
 */
export const BUILD_MODES = /** @type {const} */ ({ production: 'production', test: 'e2e' });
const HOOK_MARKER = '__parallaxCharts';

/** The mode the last build was made in (from its stamp), or undefined for none or an old stamp. */
export function stampedMode(text) {
  try {
    const mode = JSON.parse(text)?.mode;
    return typeof mode === 'string' ? mode : undefined;
  } catch {
    return undefined; // a stamp from before modes (an ISO date): build again
  }
}

/** Whether dist/ must be built again: forced, no stamp, another mode, or a newer input. */
export function needsBuild({ force, stamp, stampMtime, mode, newestInput }) {
  if (force || stamp === undefined) return true;
  if (stampedMode(stamp) !== mode) return true;
  return stampMtime < newestInput;
}

/** Whether any built script carries the charts' test hook. */
export function bundleHasTestHook(dir = distDir) {
  const assets = path.join(dir, 'assets');
  if (!existsSync(assets)) return false;
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .some((f) => readFileSync(path.join(assets, f), 'utf8').includes(HOOK_MARKER));
}

function newestMtime(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** `mode`: 'production' by default, so nothing that forgets to ask ships the test hook. */
export async function ensureBuild({ force = false, mode = 'production' } = {}) {
  const viteMode = BUILD_MODES[mode];
  if (!viteMode) throw new Error(`unknown build mode ${mode}`);
  const newestInput = Math.max(
    ...inputs
      .map((p) => path.join(root, p))
      .filter(existsSync)
      .map(newestMtime),
  );
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : undefined;
  const stampMtime = stamp === undefined ? 0 : statSync(stampFile).mtimeMs;
  if (!needsBuild({ force, stamp, stampMtime, mode, newestInput })) return;
  const t = Date.now();
  log.step(`Building the Parallax SPA (vite build${mode === 'test' ? ', for tests' : ''})…`);
  // The stamp goes first: a build stopped half-way (Ctrl-C) leaves a dist/ without one, which the
  // next start builds again instead of serving.
  rmSync(stampFile, { force: true });
  await run(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--mode',
      viteMode,
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
    },
  );
  // The bundle is checked, not trusted: a production build with the hook (a guard bypassed, an
  // import of test-hook.ts outside published-series.ts) fails here rather than ships.
  const hooked = bundleHasTestHook();
  if (hooked !== (mode === 'test'))
    throw new Error(
      mode === 'test'
        ? `the test build lacks the charts' test hook (${HOOK_MARKER})`
        : `the production build contains the charts' test hook (${HOOK_MARKER}); see src/features/charts/published-series.ts`,
    );
  writeFileSync(stampFile, JSON.stringify({ mode, builtAt: new Date().toISOString() }));
  log.ok(`Built in ${elapsed(t)}`);
}
