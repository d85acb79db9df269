import { describe, expect, test } from 'vitest';
import { npmInstallNeeded, venvPlan } from './ensure.mjs';

describe('npmInstallNeeded', () => {
  test.each([
    // never installed, or `npm ci` stopped before it wrote its hidden lockfile
    [{ symlinked: false, stampMtimeMs: null, lockMtimeMs: 100 }, true],
    [{ symlinked: false, stampMtimeMs: 50, lockMtimeMs: 100 }, true],
    [{ symlinked: false, stampMtimeMs: 100, lockMtimeMs: 100 }, false],
    [{ symlinked: false, stampMtimeMs: 150, lockMtimeMs: 100 }, false],
    // another checkout's packages
    [{ symlinked: true, stampMtimeMs: null, lockMtimeMs: 100 }, false],
  ] as const)('%o → %s', (state, needed) => {
    expect(npmInstallNeeded(state)).toBe(needed);
  });
});

describe('venvPlan', () => {
  const complete = { hasPython: true, hasPip: true, markerMatches: true, hasMlflow: true };
  test.each([
    [complete, { create: 'no', install: false }],
    [
      { ...complete, hasPython: false, hasPip: false, markerMatches: false, hasMlflow: false },
      { create: 'new', install: true },
    ],
    // `python -m venv` stopped during ensurepip
    [
      { ...complete, hasPip: false, markerMatches: false, hasMlflow: false },
      { create: 'clear', install: true },
    ],
    // pip stopped part-way (its marker is removed before it starts), or requirements.txt changed
    [
      { ...complete, markerMatches: false },
      { create: 'no', install: true },
    ],
    [
      { ...complete, markerMatches: false, hasMlflow: false },
      { create: 'no', install: true },
    ],
    // marker right but the mlflow entry point gone
    [
      { ...complete, hasMlflow: false },
      { create: 'no', install: true },
    ],
  ] as const)('%o → %o', (state, plan) => {
    expect(venvPlan(state)).toEqual(plan);
  });
});
