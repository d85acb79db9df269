import { spawn } from 'node:child_process';

// Every command started here and not yet exited, so that a stopping script can end them: a signal
// sent to the script alone (`kill`, a supervisor) does not reach them, and a build or seed left
// running would go on writing into dist/ or the store behind the next start's back.
const running = new Set();

function track(child) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/**
 * Ends every command still running: SIGTERM (Python's default action ends the seed at once, even
 * while its worker thread is logging), then SIGKILL for whatever is still there after `graceMs`.
 */
export async function stopRunning(graceMs = 3000) {
  await Promise.all(
    [...running].map(async (child) => {
      // No pid: it never started (spawn error), and no 'exit' will come.
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }),
  );
}

/** Runs a command to completion with inherited output; rejects with its exit code. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = track(spawn(cmd, args, { stdio: 'inherit', ...options }));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Runs a command and hands each output line to `onLine` (for relaying progress). */
export function runLines(cmd, args, onLine, options = {}) {
  return new Promise((resolve, reject) => {
    const child = track(spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options }));
    let tail = [];
    const feed = (stream) => {
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buf += chunk;
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const line of lines) {
          tail = [...tail.slice(-30), line];
          onLine(line);
        }
      });
    };
    feed(child.stdout);
    feed(child.stderr);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} exited with ${signal ?? code}:\n${tail.join('\n')}`));
    });
  });
}
