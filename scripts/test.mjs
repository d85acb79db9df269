#!/usr/bin/env node
// `npm test`: install what is missing, then type-check, lint, unit tests, build and the Playwright suite.
import path from 'node:path';
import { ensureBuild } from './lib/build.mjs';
import { ensureChromium, ensureNodeModules, ensureVenv } from './lib/ensure.mjs';
import { elapsed, log } from './lib/log.mjs';
import { root } from './lib/paths.mjs';
import { run, runLines } from './lib/run.mjs';

const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const node = (script, args) => () => run(process.execPath, [script, ...args], { cwd: root });
const vitest = bin('vitest', 'vitest.mjs');

// The start script's test (a copy of the project started and interrupted several times, with the
// real seed, build and mlflow) is about 3.5 minutes of mostly waiting. It runs beside the Playwright
// suite instead of before it; the two share nothing (its own copy, data dir, dist/ and free ports).
// Its output is held and printed once it ends, so the two logs do not interleave.
const START_TEST = 'scripts/start.test.ts';
// The Databricks Apps build (scripts/platform-build.test.ts: a production `npm install` from the
// registry, a build and a start under Node 22 in a copy) is about 1.5 minutes of the same kind.
const PLATFORM_BUILD_TEST = 'scripts/platform-build.test.ts';
function heldOutputTest(file) {
  const lines = [];
  return runLines(process.execPath, [vitest, 'run', file], (l) => lines.push(l), {
    cwd: root,
  }).finally(() => {
    log.info(`— ${file} —`);
    for (const l of lines) console.log(l);
  });
}

// Each entry runs in order; an entry with several steps runs them at the same time.
const checks = [
  [['Type-check', node(bin('typescript', 'bin/tsc'), ['-b'])]],
  [['Lint', node(bin('eslint', 'bin/eslint.js'), ['.', '--max-warnings', '0'])]],
  [['Format', node(bin('prettier', 'bin/prettier.cjs'), ['--check', '.', '--log-level', 'warn'])]],
  [
    [
      'Unit tests',
      node(vitest, ['run', '--exclude', START_TEST, '--exclude', PLATFORM_BUILD_TEST]),
    ],
  ],
];
const browserPhases = [
  [['Build', () => ensureBuild({ force: true, mode: 'test' })]],
  [
    ['End-to-end tests', node(bin('@playwright/test', 'cli.js'), ['test'])],
    ['Start-script tests', () => heldOutputTest(START_TEST)],
    ['Databricks Apps build test', () => heldOutputTest(PLATFORM_BUILD_TEST)],
  ],
];

const t0 = Date.now();
const failed = [];
async function step(name, fn) {
  const t = Date.now();
  log.step(`${name}…`);
  try {
    await fn();
    log.ok(`${name} passed in ${elapsed(t)}`);
    return true;
  } catch (e) {
    log.fail(`${name} failed in ${elapsed(t)}: ${e instanceof Error ? e.message : String(e)}`);
    failed.push(name);
    return false;
  }
}
const runPhases = async (phases) => {
  for (const phase of phases) await Promise.all(phase.map(([name, fn]) => step(name, fn)));
};

await ensureNodeModules();
// The Python environment (pip, about 100 s on a clean clone) and the browser are needed only from
// the build on: they install while the checks and unit tests run, instead of before them.
const installs = step('Python environment and browser', async () => {
  await ensureVenv();
  await ensureChromium();
});
await runPhases(checks);
if (await installs) await runPhases(browserPhases);

if (failed.length) {
  log.fail(`npm test failed after ${elapsed(t0)}: ${failed.join(', ')}`);
  process.exit(1);
}
log.ok(`npm test passed in ${elapsed(t0)}`);
