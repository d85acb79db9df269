// Runs for the parcoords tests: a compact spelling, `{ 'p:lr': '0.01', 'm:loss': 0.3 }` per run.
import type { AxisValue, ParcoordsRun } from './types';

export function runsOf(rows: readonly Record<string, AxisValue>[]): ParcoordsRun[] {
  return rows.map((values, i) => ({
    id: `r${i}`,
    name: `run ${i}`,
    values: new Map(Object.entries(values)),
  }));
}

/** A seeded pseudo-random generator (mulberry32): the same runs on every test run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
