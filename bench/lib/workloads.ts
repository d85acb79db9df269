// Seeds the benchmark workloads once and caches them under bench/.cache/<workload>-<hash>/, where the
// hash covers the seed script, its shared helpers and the pinned MLflow version.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { benchDir, root } from './paths.ts';

export type WorkloadName = 'w1' | 'w2' | 'w3' | 'w4' | 'w5';

export interface Spike {
  step: number;
  value: number;
}
/** W4's diff experiment (`bench-compare`). */
export interface CompareMeta {
  experiment_id: string;
  name: string;
  run_ids: string[];
  /** Params per run, and how many of them differ between runs (the rest are equal in every run). */
  params: number;
  varying_params: number;
  metrics: number;
  /** Steps in each metric's history. */
  steps: number;
}
/** W4's parallel-coordinates experiment (`bench-parcoords`): numeric params, one value per metric. */
export interface ParcoordsMeta {
  experiment_id: string;
  name: string;
  run_ids: string[];
  params: string[];
  metrics: string[];
}
/** W5's registered model (`bench-registry-model`): its versions, aliases and stages. */
export interface RegistryMeta {
  model: string;
  versions: number;
  /** Metrics per source run. */
  metrics: number;
  /** Alias → version number. */
  aliases: Record<string, number>;
  /** Stage → how many versions are in it. */
  stages: Record<string, number>;
  /** The promotion view's two versions: `champion` holds the alias of that name. */
  champion: string;
  candidate: string;
  champion_run_id: string;
  candidate_run_id: string;
  /** The version whose page the suite opens. */
  version_page: string;
  /** Source run of version i + 1. */
  run_ids: string[];
}
export interface WorkloadMeta {
  experiment_id: string;
  runs: number | { run_id: string; name: string; spikes: Spike[] }[];
  key?: string;
  steps?: number;
  pairs?: [string, string][];
  compare?: CompareMeta;
  parcoords?: ParcoordsMeta;
  registry?: RegistryMeta;
}
export interface Workload {
  name: WorkloadName;
  dir: string;
  meta: WorkloadMeta;
  /** Seconds the seed took, when it ran in this process (null when it came from the cache). */
  seededSeconds: number | null;
}

export function mlflowVersion(): string {
  const site = path.join(root, '.venv', 'lib');
  for (const py of readdirSync(site)) {
    const pkgs = path.join(site, py, 'site-packages');
    if (!existsSync(pkgs)) continue;
    const dist = readdirSync(pkgs).find((d) => /^mlflow-\d.*\.dist-info$/.test(d));
    if (dist) return dist.replace(/^mlflow-/, '').replace(/\.dist-info$/, '');
  }
  return 'unknown';
}

function cacheDir(name: WorkloadName, scale: number): string {
  const h = createHash('sha256');
  h.update(readFileSync(path.join(benchDir, 'seed_lib.py')));
  h.update(readFileSync(path.join(benchDir, `seed_${name}.py`)));
  h.update(`mlflow==${mlflowVersion()} scale=${scale}`);
  const suffix = scale === 1 ? '' : `-scale${scale}`;
  return path.join(benchDir, '.cache', `${name}-${h.digest('hex').slice(0, 12)}${suffix}`);
}

function runSeed(name: WorkloadName, dir: string, scale: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, '.venv', 'bin', 'python'),
      [path.join(benchDir, `seed_${name}.py`), '--dir', dir, '--scale', String(scale)],
      {
        cwd: benchDir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PYTHONUNBUFFERED: '1' },
      },
    );
    let errTail = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => process.stdout.write(`  ${d}`));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      errTail = (errTail + d).slice(-4000);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`seed_${name}.py failed (${code}): ${errTail}`)),
    );
  });
}

/** The cached workload, seeding it first if it is missing (into a temp dir, renamed when complete). */
export async function ensureWorkload(name: WorkloadName, scale = 1): Promise<Workload> {
  const dir = cacheDir(name, scale);
  const metaFile = path.join(dir, 'meta.json');
  let seededSeconds: number | null = null;
  if (!existsSync(metaFile)) {
    const tmp = `${dir}.partial-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    console.log(`▸ Seeding ${name} into ${path.relative(root, dir)} (first time only)…`);
    const t = Date.now();
    await runSeed(name, tmp, scale);
    seededSeconds = (Date.now() - t) / 1000;
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    console.log(`✓ Seeded ${name} in ${seededSeconds.toFixed(1)}s`);
  }
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as WorkloadMeta;
  return { name, dir, meta, seededSeconds };
}
