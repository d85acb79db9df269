// Rebuilds the SPA only when a source file is newer than the last build.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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
const stampFile = path.join(root, 'dist', '.parallax-build');

function newestMtime(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export async function ensureBuild({ force = false } = {}) {
  const newestInput = Math.max(
    ...inputs
      .map((p) => path.join(root, p))
      .filter(existsSync)
      .map(newestMtime),
  );
  if (!force && existsSync(stampFile) && statSync(stampFile).mtimeMs >= newestInput) return;
  const t = Date.now();
  log.step('Building the Parallax SPA (vite build)…');
  await run(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
    },
  );
  writeFileSync(stampFile, new Date().toISOString());
  log.ok(`Built in ${elapsed(t)}`);
}
