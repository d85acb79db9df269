#!/usr/bin/env node
// `npm test`: install what is missing, then type-check, lint, unit tests, build and the Playwright suite.
import path from 'node:path';
import { ensureBuild } from './lib/build.mjs';
import { ensureChromium, ensureNodeModules, ensureVenv } from './lib/ensure.mjs';
import { elapsed, log } from './lib/log.mjs';
import { root } from './lib/paths.mjs';
import { run } from './lib/run.mjs';

const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const node = (script, args) => () => run(process.execPath, [script, ...args], { cwd: root });

const steps = [
  ['Type-check', node(bin('typescript', 'bin/tsc'), ['-b'])],
  ['Lint', node(bin('eslint', 'bin/eslint.js'), ['.', '--max-warnings', '0'])],
  ['Format', node(bin('prettier', 'bin/prettier.cjs'), ['--check', '.', '--log-level', 'warn'])],
  ['Unit tests', node(bin('vitest', 'vitest.mjs'), ['run'])],
  ['Build', () => ensureBuild({ force: true, mode: 'test' })],
  ['End-to-end tests', node(bin('@playwright/test', 'cli.js'), ['test'])],
];

const t0 = Date.now();
await ensureNodeModules();
await ensureVenv();
await ensureChromium();

const failed = [];
for (const [name, fn] of steps) {
  const t = Date.now();
  log.step(`${name}…`);
  try {
    await fn();
    log.ok(`${name} passed in ${elapsed(t)}`);
  } catch (e) {
    log.fail(`${name} failed in ${elapsed(t)}: ${e instanceof Error ? e.message : String(e)}`);
    failed.push(name);
  }
}
if (failed.length) {
  log.fail(`npm test failed after ${elapsed(t0)}: ${failed.join(', ')}`);
  process.exit(1);
}
log.ok(`npm test passed in ${elapsed(t0)}`);
