// Runs for the parcoords tests: a compact spelling, `{ 'p:lr': '0.01', 'm:loss': 0.3 }` per run.
import type { AxisValue, ParcoordsRun } from './types';

export function runsOf(rows: readonly Record<string, AxisValue>[]): ParcoordsRun[] {
  return rows.map((values, i) => ({
    id: `r${i}`,
    name: `run ${i}`,
    values: new Map(Object.entries(values)),
  }));
}

/** A seeded pseudo-random generator: the same runs on every test run (the downsampling tests' one). */
export { prng as random } from '../downsample/test-series';
