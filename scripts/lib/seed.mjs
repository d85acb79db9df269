// The demo's life cycle in its data directory, told by two marker files:
//   .seeding  written before the embedded server first starts there; the demo is not complete yet
//   .seeded   written once the seed has finished; from then on the data is the user's
// A first start stopped at any point (Ctrl-C during the server's start, the seed, or later) leaves
// no `.seeded`, and the next start begins the demo again from an empty store.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { elapsed, log } from './log.mjs';
import { root, venvBin } from './paths.mjs';
import { runLines } from './run.mjs';

export const SEEDED = '.seeded';
export const SEEDING = '.seeding';
// What `mlflow server` writes into the data directory (SQLite and its side files, local artifacts),
// and so all a reset removes: the server log and anything else a user put there stay.
const STORE_ENTRIES = [
  'mlflow.db',
  'mlflow.db-journal',
  'mlflow.db-wal',
  'mlflow.db-shm',
  'artifacts',
];

/**
 * What to do with the data directory before the embedded server starts.
 * @param {{ seeded: boolean, seeding: boolean, hasStore: boolean }} state
 * @returns {'reuse' | 'reset' | 'fresh'}
 */
export function demoDirPlan({ seeded, seeding, hasStore }) {
  // A completed seed wins over everything: the user may have logged their own runs since, so that
  // data is never removed (even if `.seeding` is still there, from a stop between the two writes).
  if (seeded) return 'reuse';
  // A seed began here and never finished: its partial experiments would make the seed refuse to
  // run again ("already seeded"), and resuming it would need every step to be idempotent. Nobody
  // has used a store whose first start never completed, so starting over loses nothing.
  if (seeding) return 'reset';
  // A store without either marker was left by a start from before `.seeding` existed, stopped
  // during its seed (the same state as above).
  if (hasStore) return 'reset';
  return 'fresh';
}

/**
 * Readies the data directory before the embedded server starts there: resets an unfinished demo
 * and marks a new one as in progress. Returns whether the demo is already seeded.
 */
export function prepareDemoDir(dataDir) {
  const plan = demoDirPlan({
    seeded: existsSync(path.join(dataDir, SEEDED)),
    seeding: existsSync(path.join(dataDir, SEEDING)),
    hasStore: STORE_ENTRIES.some((entry) => existsSync(path.join(dataDir, entry))),
  });
  if (plan === 'reuse') return { seeded: true };
  if (plan === 'reset') {
    log.warn(
      `A previous first start stopped before the demo was complete: starting the demo over in ${dataDir}`,
    );
    for (const entry of STORE_ENTRIES)
      rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, SEEDING), new Date().toISOString());
  return { seeded: false };
}

/** Seeds the demo once per data directory; `.seeded` is written only after a complete seed. */
export async function seedDemoOnce(dataDir, trackingUri) {
  const marker = path.join(dataDir, SEEDED);
  if (existsSync(marker)) return false;
  // Also marked here for callers that did not prepare the directory before starting the server.
  writeFileSync(path.join(dataDir, SEEDING), new Date().toISOString());
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
  rmSync(path.join(dataDir, SEEDING), { force: true });
  log.ok(`Demo seeded in ${elapsed(t)}`);
  return true;
}
