// The environment block in every results file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { root } from './paths.ts';
import { mlflowVersion } from './workloads.ts';

function tryRun(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export function environment(extra: Record<string, unknown>): Record<string, unknown> {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  return {
    date: new Date().toISOString(),
    cpu_model: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? null,
    cores: os.cpus().length,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    loadavg_at_start: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    chromium: tryRun('/usr/bin/chromium', ['--version']),
    mlflow: mlflowVersion(),
    git_sha: tryRun('git', ['rev-parse', 'HEAD']),
    git_dirty: (tryRun('git', ['status', '--porcelain']) ?? '').length > 0,
    viewport: '1280x800@1',
    mlflow_workers: 2,
    ...extra,
  };
}
