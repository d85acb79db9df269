// Installs what is missing, and only that: a second run finds everything in place in milliseconds.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log, elapsed } from './log.mjs';
import { chromiumPath, requirementsFile, root, venvBin, venvDir } from './paths.mjs';
import { run, runLines } from './run.mjs';

const fileHash = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** npm packages: installed when node_modules is missing or older than the lock file. */
export async function ensureNodeModules() {
  const modules = path.join(root, 'node_modules');
  // A symlinked node_modules (a git worktree sharing another checkout's packages) belongs to that
  // checkout: `npm ci` here would empty it through the link.
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) return;
  const stamp = path.join(modules, '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(lock).mtimeMs) return;
  const t = Date.now();
  log.step('Installing npm packages (npm ci)…');
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
  log.ok(`npm packages installed in ${elapsed(t)}`);
}

/** The project's own virtualenv with the pinned mlflow; rebuilt when requirements.txt changes. */
export async function ensureVenv() {
  const marker = path.join(venvDir, '.parallax-requirements');
  const want = fileHash(requirementsFile);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want && existsSync(venvBin('mlflow')))
    return;
  const t = Date.now();
  if (!existsSync(venvBin('python'))) {
    log.step('Creating the Python virtualenv (.venv)…');
    await run(process.env.PYTHON ?? 'python3', ['-m', 'venv', venvDir], { cwd: root });
  }
  log.step('Installing mlflow and the demo dependencies into .venv (about a minute)…');
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
