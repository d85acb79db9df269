/** Build modes: 'production' compiles the charts' test hook out; 'test' keeps it (e2e, bench). */
export const BUILD_MODES: { readonly production: 'production'; readonly test: 'e2e' };

export function stampedMode(text: string): string | undefined;

export function needsBuild(args: {
  force: boolean;
  stamp: string | undefined;
  stampMtime: number;
  mode: 'production' | 'test';
  newestInput: number;
}): boolean;

export function bundleHasTestHook(dir?: string): boolean;

export function ensureBuild(options?: {
  force?: boolean;
  mode?: 'production' | 'test';
}): Promise<void>;
