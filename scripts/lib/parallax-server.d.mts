import type { ChildProcess } from 'node:child_process';

export function startParallax(options: {
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<{ child: ChildProcess; url: string }>;
