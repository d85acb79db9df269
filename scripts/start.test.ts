// `npm start` stopped with Ctrl-C at several points of a first start, each time followed by a start
// that must get further, ending in full starts that serve the whole demo. The real start script runs
// from a copy of the project (so that its build has its own dist/) with the demo in a temp dir
// (PARALLAX_DATA_DIR), the real seed and a real `mlflow server`. Linux only: leftover processes are
// found through /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from './lib/mlflow-server.mjs';

const repo = path.resolve(import.meta.dirname, '..');
// What the start script reads; node_modules and .venv are linked, not copied (the start script
// leaves a symlinked node_modules alone, and the venv's marker matches the same requirements).
const PROJECT_FILES = [
  'package.json',
  'package-lock.json',
  'index.html',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.app.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'src',
  'public',
  'server',
  'scripts',
];
const DEMO_EXPERIMENTS = [
  '/Shared/churn_prediction',
  '/Shared/cost_anomaly_detector',
  '/Users/ada@example.com/resnet_finetune',
  '/Shared/etl/daily_features',
];
const DEMO_MODELS = ['churn-classifier', 'cost-anomaly-detector'];
// Every process the start script starts inherits this variable: a process still carrying it after
// the script has exited is one it left behind.
const TAG = 'PARALLAX_START_TEST_TAG';
const tagValue = `${process.pid}-${Date.now()}`;
// How long a stop may take: the servers get SIGTERM, then SIGKILL after a few seconds. The other
// bounds below are generous on purpose: they only catch a hang, and a loaded machine seeds slowly.
const STOP_MS = 20_000;

let tmp = '';
let copy = '';
let dataDir = '';
let env: NodeJS.ProcessEnv = {};
const started: ChildProcess[] = [];

interface Start {
  child: ChildProcess;
  lines: string[];
  waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startScript(): Start {
  // Its own process group, so that a signal to the group is what a terminal's Ctrl-C sends.
  const child = spawn(process.execPath, [path.join(copy, 'scripts', 'start.mjs')], {
    cwd: copy,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  started.push(child);
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buf += chunk;
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      lines.push(...parts);
      for (const wake of waiters) wake();
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      for (const wake of waiters) wake();
      resolve({ code, signal });
    }),
  );
  const waitFor = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        for (const line of lines) {
          const match = pattern.exec(line);
          if (match) return finish(() => resolve(match));
        }
        if (child.exitCode !== null || child.signalCode !== null)
          finish(() => reject(new Error(`start exited before ${pattern}:\n${lines.join('\n')}`)));
      };
      const timer = setTimeout(
        () =>
          finish(() => reject(new Error(`no ${pattern} in ${timeoutMs} ms:\n${lines.join('\n')}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });
  return { child, lines, waitFor, exited };
}

/** Pids of live processes carrying this run's tag (zombies have an empty environ). */
function leftovers(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (environ.split('\0').includes(`${TAG}=${tagValue}`)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

async function expectNoLeftovers(): Promise<void> {
  // Killed processes take a moment to be reaped.
  const deadline = Date.now() + 5_000;
  while (leftovers().length > 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  expect(leftovers(), 'processes left behind by the start script').toEqual([]);
}

/** Ctrl-C: to the whole group as a terminal sends it, or to the script alone as `kill` does. */
async function interrupt(start: Start, to: 'group' | 'script'): Promise<void> {
  const pid = start.child.pid;
  if (pid === undefined) throw new Error('the start script has no pid');
  process.kill(to === 'group' ? -pid : pid, 'SIGINT');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), STOP_MS));
  const result = await Promise.race([start.exited, timeout]);
  expect(result, `the start script stops within ${STOP_MS / 1000} s`).not.toBe('timeout');
  expect(start.lines.join('\n')).not.toMatch(/✗/);
  await expectNoLeftovers();
}

const marker = (name: string) => existsSync(path.join(dataDir, name));

/** Waits for the printed URL, reads the demo through Parallax, then stops it with Ctrl-C. */
async function expectFullStart(start: Start): Promise<void> {
  const [, url] = await start.waitFor(/^\s+Open Parallax:\s+(http:\/\/\S+)/, 240_000);
  // The first address printed is the one a newcomer opens: it must be Parallax's, not MLflow's.
  expect(start.lines.join('\n').match(/https?:\/\/[^\s)]+/)?.[0]).toBe(url);
  await start.waitFor(/^\s+MLflow API \(for clients.*not to open\): http:\/\//, 5_000);
  const config = await fetch(`${url}/parallax/api/config`);
  expect(config.status).toBe(200);
  expect(await config.json()).toMatchObject({ backend: 'oss' });

  const experiments = await fetch(`${url}/api/2.0/mlflow/experiments/search?max_results=100`);
  expect(experiments.status).toBe(200);
  const names = ((await experiments.json()) as { experiments: { name: string }[] }).experiments
    .map((e) => e.name)
    .filter((name) => name !== 'Default')
    .sort();
  expect(names).toEqual([...DEMO_EXPERIMENTS].sort());

  const models = await fetch(`${url}/api/2.0/mlflow/registered-models/search?max_results=100`);
  expect(models.status).toBe(200);
  const modelNames = ((await models.json()) as { registered_models: { name: string }[] })
    .registered_models;
  expect(modelNames.map((m) => m.name).sort()).toEqual(DEMO_MODELS);

  await interrupt(start, 'group');
  expect((await start.exited).code).toBe(0);
}

describe('a first `npm start` stopped with Ctrl-C', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'parallax-start-test-'));
    copy = path.join(tmp, 'project');
    dataDir = path.join(tmp, 'data');
    for (const entry of PROJECT_FILES)
      cpSync(path.join(repo, entry), path.join(copy, entry), {
        recursive: true,
        filter: (src) => !src.includes('__pycache__'),
      });
    symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'));
    symlinkSync(path.join(repo, '.venv'), path.join(copy, '.venv'));
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        // A backend from the environment would skip the embedded server; Vitest's variables
        // (NODE_ENV=test among them) would change what Vite builds.
        ([key]) => !/^(MLFLOW_|DATABRICKS_|PARALLAX_|VITEST|NODE_ENV$)/.test(key),
      ),
    );
    env = {
      ...inherited,
      NO_COLOR: '1',
      PARALLAX_DATA_DIR: dataDir,
      PARALLAX_PORT: String(await freePort()),
      PARALLAX_MLFLOW_PORT: String(await freePort()),
      [TAG]: tagValue,
    };
  });

  afterAll(() => {
    // Only what this test started: its start scripts' groups and anything carrying its tag.
    for (const child of started)
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null)
        process.kill(-child.pid, 'SIGKILL');
    for (const pid of leftovers()) process.kill(pid, 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });

  test(
    'early in the seed: the next start begins the demo again',
    { timeout: 240_000 },
    async () => {
      const start = startScript();
      await start.waitFor(/seed: \[1\/9\]/, 220_000);
      await interrupt(start, 'group');
      // The state that used to break every later start: experiments created, no `.seeded`.
      expect(marker('.seeded')).toBe(false);
      expect(marker('.seeding')).toBe(true);
      expect(marker('mlflow.db')).toBe(true);
    },
  );

  test(
    'late in the seed, the script alone signalled: the seed is stopped too',
    { timeout: 420_000 },
    async () => {
      const start = startScript();
      await start.waitFor(/starting the demo over/, 30_000);
      await start.waitFor(/seed: \[8\/9\]/, 400_000);
      await interrupt(start, 'script');
      expect(marker('.seeded')).toBe(false);
      expect(marker('.seeding')).toBe(true);
    },
  );

  test(
    'during the build: the seed is kept, the half-built dist/ is not served',
    { timeout: 540_000 },
    async () => {
      const start = startScript();
      await start.waitFor(/starting the demo over/, 30_000);
      await start.waitFor(/Demo seeded/, 500_000);
      await start.waitFor(/Building the Parallax SPA/, 10_000);
      await interrupt(start, 'group');
      expect(marker('.seeded')).toBe(true);
      expect(marker('.seeding')).toBe(false);
      expect(existsSync(path.join(copy, 'dist', '.parallax-build'))).toBe(false);
    },
  );

  test('the next start rebuilds and serves the whole demo', { timeout: 300_000 }, async () => {
    const start = startScript();
    await start.waitFor(/Building the Parallax SPA/, 120_000);
    await expectFullStart(start);
    expect(start.lines.join('\n')).not.toMatch(/Seeding|starting the demo over/);
    expect(existsSync(path.join(copy, 'dist', '.parallax-build'))).toBe(true);
  });

  test(
    'right after mlflow starts: the seeded demo is kept and served',
    { timeout: 300_000 },
    async () => {
      const first = startScript();
      await first.waitFor(/mlflow server ready/, 120_000);
      await interrupt(first, 'group');
      expect(marker('.seeded')).toBe(true);

      const next = startScript();
      await expectFullStart(next);
      expect(next.lines.join('\n')).not.toMatch(/Seeding|starting the demo over|Building/);
    },
  );
});
