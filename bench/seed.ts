// `node --import tsx bench/seed.ts [w1 w2 w3 w4 w5]`: seeds (or finds cached) workloads, nothing else.
import { ensureWorkload, type WorkloadName } from './lib/workloads.ts';

const names = (
  process.argv.slice(2).length ? process.argv.slice(2) : ['w1', 'w2', 'w3', 'w4', 'w5']
) as WorkloadName[];
for (const n of names) {
  const w = await ensureWorkload(n);
  console.log(`${n}: ${w.dir} seeded=${w.seededSeconds ?? 'cached'}`);
}
