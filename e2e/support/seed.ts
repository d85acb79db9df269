import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Seeds the read-only fixtures through the real MLflow Python client. */
export async function seedE2e(trackingUri: string, manifestPath: string): Promise<void> {
  await promisify(execFile)(
    path.join(root, '.venv', 'bin', 'python'),
    [
      path.join(root, 'scripts', 'seed_e2e.py'),
      '--tracking-uri',
      trackingUri,
      '--manifest',
      manifestPath,
    ],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
}
