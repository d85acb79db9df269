export function npmInstallNeeded(state: {
  symlinked: boolean;
  stampMtimeMs: number | null;
  lockMtimeMs: number;
}): boolean;
export function ensureNodeModules(): Promise<void>;
export function venvPlan(state: {
  hasPython: boolean;
  hasPip: boolean;
  markerMatches: boolean;
  hasMlflow: boolean;
}): { create: 'no' | 'new' | 'clear'; install: boolean };
export function ensureVenv(): Promise<void>;
export function ensureChromium(): Promise<void>;
