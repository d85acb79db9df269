import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const root = path.resolve(benchDir, '..');
export const cacheRoot = path.join(benchDir, '.cache');
// BENCH_RESULTS_DIR: a trial run (--quick, --scale) can write elsewhere and leave the committed
// results alone.
export const resultsDir = process.env.BENCH_RESULTS_DIR ?? path.join(benchDir, 'results');
