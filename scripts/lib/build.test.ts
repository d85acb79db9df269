// The charts' test hook (window.__parallaxCharts) must exist only in builds made for tests. A full
// `vite build` per test would take a minute on CI, so this builds the one module that decides it,
// published-series.ts, with the real config's flags for each mode (React left external), and checks
// what comes out. Together with the check that nothing else imports test-hook.ts, that proves the
// app bundle cannot carry the hook in production; build.mjs also scans every real bundle it makes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { TEST_BUILD_MODE, buildFlags } from '../../vite.config';
import { BUILD_MODES, needsBuild, stampedMode } from './build.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = path.join(root, 'src');

async function bundle(mode: string): Promise<string> {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode,
    define: buildFlags(mode),
    resolve: { alias: { '@': src } },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: path.join(src, 'features/charts/published-series.ts'),
        formats: ['es'],
        fileName: 'published',
      },
      rollupOptions: {
        external: (id) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('@/'),
      },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  return outputs
    .flatMap((o) => o.output)
    .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
    .join('\n');
}

describe('the charts test hook', () => {
  it('is compiled out of a production build and kept in a test build', async () => {
    const production = await bundle('production');
    const test = await bundle(TEST_BUILD_MODE);
    expect(production).not.toContain('__parallaxCharts');
    expect(production).not.toContain('useLayoutEffect');
    expect(test).toContain('__parallaxCharts');
  }, 60_000);

  it('is imported only through published-series.ts', () => {
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (
          /\.tsx?$/.test(entry.name) &&
          /['"][./@\w-]*test-hook['"]/.test(readFileSync(file, 'utf8'))
        )
          importers.push(path.relative(src, file));
      }
    };
    walk(src);
    expect(importers).toEqual([path.join('features', 'charts', 'published-series.ts')]);
  });

  it('is on in the build mode the e2e suite and the bench use, and only there', () => {
    expect(BUILD_MODES.test).toBe(TEST_BUILD_MODE);
    expect(buildFlags(TEST_BUILD_MODE).__PARALLAX_TEST_HOOKS__).toBe('true');
    expect(buildFlags(BUILD_MODES.production).__PARALLAX_TEST_HOOKS__).toBe('false');
    expect(buildFlags('development').__PARALLAX_TEST_HOOKS__).toBe('false');
  });
});

describe('ensureBuild decides from the stamp', () => {
  const stamp = (mode: string) => JSON.stringify({ mode, builtAt: '2026-01-01T00:00:00.000Z' });
  const base = { force: false, stampMtime: 2_000, newestInput: 1_000 };

  it('rebuilds when the last build was made in the other mode', () => {
    expect(needsBuild({ ...base, stamp: stamp('production'), mode: 'test' })).toBe(true);
    expect(needsBuild({ ...base, stamp: stamp('test'), mode: 'production' })).toBe(true);
  });

  it('keeps a current build of the same mode, and rebuilds a stale or forced one', () => {
    expect(needsBuild({ ...base, stamp: stamp('test'), mode: 'test' })).toBe(false);
    expect(needsBuild({ ...base, stamp: stamp('production'), mode: 'production' })).toBe(false);
    expect(needsBuild({ ...base, stamp: stamp('test'), mode: 'test', newestInput: 3_000 })).toBe(
      true,
    );
    expect(needsBuild({ ...base, stamp: stamp('test'), mode: 'test', force: true })).toBe(true);
  });

  it('rebuilds without a stamp or with one from before modes', () => {
    expect(needsBuild({ ...base, stamp: undefined, mode: 'production' })).toBe(true);
    expect(stampedMode('2026-01-01T00:00:00.000Z')).toBeUndefined();
    expect(needsBuild({ ...base, stamp: '2026-01-01T00:00:00.000Z', mode: 'production' })).toBe(
      true,
    );
  });
});
