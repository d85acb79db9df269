// Installs what is missing, and only that: a second run finds everything in place in milliseconds.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log, elapsed } from './log.mjs';
import { chromiumPath, requirementsFile, root, venvBin, venvDir } from './paths.mjs';
import { run, runLines } from './run.mjs';

const fileHash = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Whether `npm ci` must run. Its stamp is npm's own hidden lockfile, node_modules/.package-lock.json,
 * which npm writes as the last step of a complete install; the start script also deletes it before
 * running `npm ci`, so an install stopped half-way never leaves a stamp behind.
 * @param {{ symlinked: boolean, stampMtimeMs: number | null, lockMtimeMs: number }} state
 */
export function npmInstallNeeded({ symlinked, stampMtimeMs, lockMtimeMs }) {
  // A symlinked node_modules (a git worktree sharing another checkout's packages) belongs to that
  // checkout: `npm ci` here would empty it through the link.
  if (symlinked) return false;
  // No stamp: never installed, or an install was stopped before its end.
  if (stampMtimeMs === null) return true;
  // The lock file changed since the last complete install.
  return stampMtimeMs < lockMtimeMs;
}

/** npm packages: installed when node_modules is missing, incomplete or older than the lock file. */
export async function ensureNodeModules() {
  const modules = path.join(root, 'node_modules');
  const stamp = path.join(modules, '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const needed = npmInstallNeeded({
    symlinked: existsSync(modules) && lstatSync(modules).isSymbolicLink(),
    stampMtimeMs: existsSync(stamp) ? statSync(stamp).mtimeMs : null,
    lockMtimeMs: statSync(lock).mtimeMs,
  });
  if (!needed) return;
  const t = Date.now();
  log.step('Installing npm packages (npm ci)…');
  // `npm ci` empties node_modules first anyway; removing the stamp ourselves does not rely on that.
  rmSync(stamp, { force: true });
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
  log.ok(`npm packages installed in ${elapsed(t)}`);
}

/**
 * What the virtualenv needs. `python -m venv` writes bin/python first and bin/pip last (ensurepip
 * runs at its end), and our marker (the requirements' hash) is written only after pip has finished.
 * @param {{ hasPython: boolean, hasPip: boolean, markerMatches: boolean, hasMlflow: boolean }} state
 * @returns {{ create: 'no' | 'new' | 'clear', install: boolean }}
 */
export function venvPlan({ hasPython, hasPip, markerMatches, hasMlflow }) {
  // Complete, and installed from these very requirements.
  if (hasPython && hasPip && markerMatches && hasMlflow) return { create: 'no', install: false };
  // No interpreter: never created.
  if (!hasPython) return { create: 'new', install: true };
  // An interpreter without pip: `venv` was stopped during ensurepip, and `pip install` cannot run
  // in it; `--clear` makes it again from scratch.
  if (!hasPip) return { create: 'clear', install: true };
  // pip is there: the requirements changed, or an install was stopped (pip then finishes it).
  return { create: 'no', install: true };
}

/** The project's own virtualenv with the pinned mlflow; rebuilt when requirements.txt changes. */
export async function ensureVenv() {
  const marker = path.join(venvDir, '.parallax-requirements');
  const want = fileHash(requirementsFile);
  const plan = venvPlan({
    hasPython: existsSync(venvBin('python')),
    hasPip: existsSync(venvBin('pip')),
    markerMatches: existsSync(marker) && readFileSync(marker, 'utf8') === want,
    hasMlflow: existsSync(venvBin('mlflow')),
  });
  if (!plan.install) return;
  const t = Date.now();
  if (plan.create !== 'no') {
    log.step('Creating the Python virtualenv (.venv)…');
    const clear = plan.create === 'clear' ? ['--clear'] : [];
    await run(process.env.PYTHON ?? 'python3', ['-m', 'venv', ...clear, venvDir], { cwd: root });
  }
  log.step('Installing mlflow and the demo dependencies into .venv (about a minute)…');
  // Written again only once pip has finished: a stopped install is never taken for a complete one.
  rmSync(marker, { force: true });
  // pip's notes about unusable index locations in this machine's pip config are noise here.
  await runLines(
    venvBin('python'),
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirementsFile],
    (line) => {
      if (!/^WARNING: Location .* is ignored/.test(line)) log.info(line);
    },
    { cwd: root },
  );
  writeFileSync(marker, want);
  log.ok(`Python environment ready in ${elapsed(t)}`);
}

/** Debian's Chromium for the end-to-end tests; a downloaded browser build does not work here. */
export async function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const t = Date.now();
  log.step("Installing Debian's chromium with apt-get…");
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args) => (sudo.length ? run('sudo', ['apt-get', ...args]) : run('apt-get', args));
  await apt(['update', '-qq']);
  await apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  log.ok(`chromium installed in ${elapsed(t)}`);
}
