import type { ChildProcess } from 'node:child_process';

export function startParallax(options: {
  env: Record<string, string>;
  timeoutMs?: number;
  /** Called with the child as soon as it is spawned, before it answers. */
  onSpawn?: (child: ChildProcess) => void;
}): Promise<{ child: ChildProcess; url: string }>;
