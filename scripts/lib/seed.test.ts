import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { demoDirPlan, prepareDemoDir } from './seed.mjs';

describe('demoDirPlan', () => {
  test.each([
    [{ seeded: false, seeding: false, hasStore: false }, 'fresh'],
    [{ seeded: false, seeding: true, hasStore: false }, 'reset'],
    [{ seeded: false, seeding: true, hasStore: true }, 'reset'],
    // a start from before the `.seeding` marker, stopped during its seed
    [{ seeded: false, seeding: false, hasStore: true }, 'reset'],
    [{ seeded: true, seeding: false, hasStore: true }, 'reuse'],
    // stopped between writing `.seeded` and removing `.seeding`: the seed did complete
    [{ seeded: true, seeding: true, hasStore: true }, 'reuse'],
  ] as const)('%o → %s', (state, plan) => {
    expect(demoDirPlan(state)).toBe(plan);
  });
});

describe('prepareDemoDir', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parallax-seed-test-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  test('marks a new directory as being seeded', () => {
    const dir = path.join(dataDir(), 'nested', '.mlflow');
    expect(prepareDemoDir(dir)).toEqual({ seeded: false });
    expect(existsSync(path.join(dir, '.seeding'))).toBe(true);
  });

  test('removes the store of an unfinished demo, and only that', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dir = dataDir();
    writeFileSync(path.join(dir, '.seeding'), 'then');
    writeFileSync(path.join(dir, 'mlflow.db'), 'partial');
    writeFileSync(path.join(dir, 'mlflow.db-journal'), 'partial');
    mkdirSync(path.join(dir, 'artifacts', '1', 'abc'), { recursive: true });
    writeFileSync(path.join(dir, 'mlflow-server.log'), 'kept');
    writeFileSync(path.join(dir, 'notes.txt'), 'kept');
    expect(prepareDemoDir(dir)).toEqual({ seeded: false });
    expect(existsSync(path.join(dir, 'mlflow.db'))).toBe(false);
    expect(existsSync(path.join(dir, 'mlflow.db-journal'))).toBe(false);
    expect(existsSync(path.join(dir, 'artifacts'))).toBe(false);
    expect(readFileSync(path.join(dir, 'mlflow-server.log'), 'utf8')).toBe('kept');
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('kept');
    expect(existsSync(path.join(dir, '.seeding'))).toBe(true);
  });

  test('never touches a seeded directory', () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, '.seeded'), 'done');
    writeFileSync(path.join(dir, '.seeding'), 'stale');
    writeFileSync(path.join(dir, 'mlflow.db'), 'the demo and the user’s own runs');
    mkdirSync(path.join(dir, 'artifacts'));
    expect(prepareDemoDir(dir)).toEqual({ seeded: true });
    expect(readFileSync(path.join(dir, 'mlflow.db'), 'utf8')).toBe(
      'the demo and the user’s own runs',
    );
    expect(existsSync(path.join(dir, 'artifacts'))).toBe(true);
  });
});
