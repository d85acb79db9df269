/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
// Vite's own defineConfig: a Databricks App installs without devDependencies (vitest among them)
// before `npm run build`; the reference above types the `test` block below for Vitest alone.
import { defineConfig } from 'vite';

// In `npm run dev` the Parallax server runs beside Vite and does the proxying, so the dev SPA
// reaches MLflow through exactly the same allow-list, auth and headers as production.
const apiTarget = process.env.PARALLAX_DEV_API ?? 'http://127.0.0.1:5174';
const proxied = ['/api', '/ajax-api', '/get-artifact', '/model-versions/get-artifact', '/parallax'];

/**
 * The Vite mode of builds made for tests (`vite build --mode e2e`, see scripts/lib/build.mjs): the
 * e2e suite and the bench read what the charts drew through `window.__parallaxCharts`. Any other
 * build (`npm start`, `npm run build` for a Databricks App) compiles the hook out.
 */
export const TEST_BUILD_MODE = 'e2e';

/** Compile-time flags, replaced as literals so the bundler drops what a `false` guards. */
export function buildFlags(mode: string) {
  // vitest runs in mode 'test'; unit tests may import the hook.
  const testHooks = mode === TEST_BUILD_MODE || mode === 'test';
  return { __PARALLAX_TEST_HOOKS__: JSON.stringify(testHooks) };
}

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  define: buildFlags(mode),
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: apiTarget }])),
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Every browser we support preloads modules natively; the polyfill's scan of the document
    // only adds to the start-up task.
    modulePreload: { polyfill: false },
    // One stylesheet, loaded with the page (about 10 KB gzipped): a route's own stylesheet was
    // inserted as the router started loading the route, a 20–30 ms task on our 2-core reference.
    cssCodeSplit: false,
  },
  worker: { format: 'es' },
  test: {
    include: [
      'src/**/*.test.ts',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/lib/**/*.test.ts',
      // Pure helpers of the e2e suite (the emulated workspace's UC translation).
      'e2e/support/**/*.test.ts',
    ],
    environment: 'node',
  },
}));
