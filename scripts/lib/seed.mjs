import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { elapsed, log } from './log.mjs';
import { root, venvBin } from './paths.mjs';
import { runLines } from './run.mjs';

/** Seeds the demo once per data directory; the marker is written only after a complete seed. */
export async function seedDemoOnce(dataDir, trackingUri) {
  const marker = path.join(dataDir, '.seeded');
  if (existsSync(marker)) return false;
  const t = Date.now();
  log.step('Seeding the demo data with the MLflow client (once; about a minute)…');
  await runLines(
    venvBin('python'),
    [path.join(root, 'scripts', 'seed_demo.py'), '--tracking-uri', trackingUri],
    (line) => {
      if (line.startsWith('seed:')) log.info(line);
    },
  );
  writeFileSync(marker, new Date().toISOString());
  log.ok(`Demo seeded in ${elapsed(t)}`);
  return true;
}
