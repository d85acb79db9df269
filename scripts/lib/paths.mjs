import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const venvDir = path.join(root, '.venv');
export const venvBin = (name) => path.join(venvDir, 'bin', name);
export const requirementsFile = path.join(root, 'scripts', 'requirements.txt');
export const chromiumPath = '/usr/bin/chromium';
