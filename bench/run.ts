// `npm run bench [-- --only runs-table|charts|compare|footprint|server-load|registry] [--runs N] [--full-runs K] [--no-warmup]
//  [--cold-runs C] [--quick] [--scale F] [--duration S]`
// Parallax against MLflow's own UI on the same mlflow server, and Parallax's server under load
// against MLflow direct; results in bench/results/*.json.
import type { Browser } from '@playwright/test';
import { launchBrowser } from './lib/browser.ts';
import { stopAll } from './lib/servers.ts';
import { runsTableSuite, type Options } from './suites.ts';
import { chartsSuite } from './suites-charts.ts';
import { compareSuite } from './suites-compare.ts';
import { footprintSuite } from './suites-footprint.ts';
import { registrySuite } from './suites-registry.ts';
import { serverLoadSuite, type LoadSuiteOptions } from './suites-server-load.ts';

const SUITES = ['runs-table', 'charts', 'compare', 'footprint', 'server-load', 'registry'] as const;
type SuiteName = (typeof SUITES)[number];

function parse(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const only = get('--only');
  if (only && !(SUITES as readonly string[]).includes(only))
    throw new Error(`--only must be one of ${SUITES.join(', ')}, got ${only}`);
  const runsArg = get('--runs');
  const runs = Number(runsArg ?? (quick ? 2 : 5));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const scale = Number(get('--scale') ?? process.env.BENCH_SCALE ?? 1);
  const fullRuns = Number(get('--full-runs') ?? runs);
  if (!Number.isInteger(fullRuns) || fullRuns < 1)
    throw new Error('--full-runs must be a positive integer');
  const warmup = !quick && !argv.includes('--no-warmup');
  // charts: the cold iterations (fresh servers each). Their order alternates, so an even count lets
  // each UI go first equally often: by default --runs rounded up to an even number, at least 6
  // (issue 11 asks for at least 5); --quick keeps --runs.
  const coldRuns = Number(get('--cold-runs') ?? (quick ? runs : Math.max(6, runs + (runs % 2))));
  if (!Number.isInteger(coldRuns) || coldRuns < 1)
    throw new Error('--cold-runs must be a positive integer');
  // server-load: each run lasts --duration seconds (60 by default, as issue 10 asks), so its default
  // is 3 repetitions rather than 5; --runs sets both.
  const durationS = Number(get('--duration') ?? (quick ? 10 : 60));
  if (!Number.isFinite(durationS) || durationS < 1)
    throw new Error('--duration must be a number of seconds ≥ 1');
  return {
    only: only as SuiteName | undefined,
    opts: { runs, scale, warmup, fullRuns: Math.min(fullRuns, runs), coldRuns } satisfies Options,
    load: {
      runs: Number(runsArg ?? (quick ? 1 : 3)),
      durationS,
      warmup,
      scale,
    } satisfies LoadSuiteOptions,
  };
}

const { only, opts, load } = parse(process.argv.slice(2));
process.on('unhandledRejection', (e) => {
  console.error('unhandled rejection:', e);
  void stopAll().finally(() => process.exit(1));
});
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    console.error(`\n${sig}: stopping the servers…`);
    void stopAll().finally(() => process.exit(130));
  });
const t0 = Date.now();
// Only the UI suites need a browser.
let browser: Browser | undefined;
const needBrowser = async () => (browser ??= await launchBrowser());
let failed = false;
try {
  const suites: [SuiteName, () => Promise<string>][] = [
    ['runs-table', async () => runsTableSuite(await needBrowser(), opts)],
    ['charts', async () => chartsSuite(await needBrowser(), opts)],
    ['compare', async () => compareSuite(await needBrowser(), opts)],
    ['footprint', async () => footprintSuite(await needBrowser(), opts)],
    ['server-load', () => serverLoadSuite(load)],
    ['registry', async () => registrySuite(await needBrowser(), opts)],
  ];
  for (const [name, suite] of suites) {
    if (only && only !== name) continue;
    const ts = Date.now();
    try {
      const file = await suite();
      console.log(`✓ ${name} in ${((Date.now() - ts) / 1000).toFixed(0)}s → ${file}`);
    } catch (e) {
      failed = true;
      console.error(`✗ ${name} failed: ${(e as Error).stack ?? String(e)}`);
    }
  }
} finally {
  await browser?.close();
}
console.log(`Bench finished in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
process.exitCode = failed ? 1 : 0;
