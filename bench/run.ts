// `npm run bench [-- --only runs-table|charts] [--runs N] [--full-runs K] [--no-warmup] [--quick] [--scale F]`
// Parallax against MLflow's own UI on the same mlflow server; results in bench/results/*.json.
import { launchBrowser } from './lib/browser.ts';
import { stopAll } from './lib/servers.ts';
import { runsTableSuite, type Options } from './suites.ts';
import { chartsSuite } from './suites-charts.ts';

function parse(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const only = get('--only');
  if (only && only !== 'runs-table' && only !== 'charts')
    throw new Error(`--only must be runs-table or charts, got ${only}`);
  const runs = Number(get('--runs') ?? (quick ? 2 : 5));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const scale = Number(get('--scale') ?? process.env.BENCH_SCALE ?? 1);
  const fullRuns = Number(get('--full-runs') ?? runs);
  if (!Number.isInteger(fullRuns) || fullRuns < 1)
    throw new Error('--full-runs must be a positive integer');
  const warmup = !quick && !argv.includes('--no-warmup');
  return {
    only,
    opts: { runs, scale, warmup, fullRuns: Math.min(fullRuns, runs) } satisfies Options,
  };
}

const { only, opts } = parse(process.argv.slice(2));
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
const browser = await launchBrowser();
let failed = false;
try {
  for (const [name, suite] of [
    ['runs-table', runsTableSuite],
    ['charts', chartsSuite],
  ] as const) {
    if (only && only !== name) continue;
    const ts = Date.now();
    try {
      const file = await suite(browser, opts);
      console.log(`✓ ${name} in ${((Date.now() - ts) / 1000).toFixed(0)}s → ${file}`);
    } catch (e) {
      failed = true;
      console.error(`✗ ${name} failed: ${(e as Error).stack ?? String(e)}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`Bench finished in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
process.exitCode = failed ? 1 : 0;
