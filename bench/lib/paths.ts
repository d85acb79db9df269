import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const root = path.resolve(benchDir, '..');
export const cacheRoot = path.join(benchDir, '.cache');
export const resultsDir = path.join(benchDir, 'results');
