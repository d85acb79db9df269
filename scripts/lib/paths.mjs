import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const venvDir = path.join(root, '.venv');
export const venvBin = (name) => path.join(venvDir, 'bin', name);
export const requirementsFile = path.join(root, 'scripts', 'requirements.txt');
export const chromiumPath = '/usr/bin/chromium';
// The embedded MLflow's SQLite store, artifacts and demo markers. PARALLAX_DATA_DIR moves them (the
// start script's own test uses a temp dir, so it never touches a developer's demo).
export const demoDataDir = process.env.PARALLAX_DATA_DIR
  ? path.resolve(process.env.PARALLAX_DATA_DIR)
  : path.join(root, '.mlflow');
