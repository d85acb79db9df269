// The one way into the charts' test hook (test-hook.ts). `__PARALLAX_TEST_HOOKS__` is a literal
// replaced at build time (vite.config.ts): true in builds made for tests, false in production, where
// the bundler drops the unused branch and with it test-hook.ts, `window.__parallaxCharts` and its
// copies of every drawn array. scripts/lib/build.test.ts checks both builds.
import { usePublishedSeries as publish } from './test-hook';
import type { DrawnRun } from './chart-types';

const nothing = (_runs: readonly DrawnRun[]): void => undefined;

/** Publishes the drawn runs for tests in a test build; does nothing in any other. */
export const usePublishedSeries = __PARALLAX_TEST_HOOKS__ ? publish : nothing;
