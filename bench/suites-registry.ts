// W5 (one model × 500 versions, 20 aliases, stages spread over them): registry.json.
import type { Browser } from '@playwright/test';
import path from 'node:path';
import {
  modelPagePainted,
  promotionPainted,
  registryLoadOnce,
  versionPagePainted,
  versionRowsDrawn,
  type RegistrySample,
} from './probes/registry.ts';
import type { Ui } from './probes/runs-table.ts';
import { REGISTRY_GOALS, registryGoalsMet, registryUrls } from './lib/registry.ts';
import { sumKnown } from './lib/compare.ts';
import { environment } from './lib/env.ts';
import { startServers } from './lib/servers.ts';
import { medians, ratio } from './lib/stats.ts';
import { ensureWorkload } from './lib/workloads.ts';
import { alternate, writeResult, type Options } from './suites.ts';

/** Rows of the versions table both UIs must have drawn (MLflow pages its table; 10 fit the fold). */
const FIRST_ROWS = 10;
/** Inputs in the seeded signature of every version but the candidate (seed_w5.py BASE_INPUTS). */
const INPUTS = 5;
/** Metrics each side of the promotion view shows: the 20 of every run, and the two curves' keys. */
const PROMOTION_METRICS = 22;

const keys = [
  'T',
  'rows_drawn',
  'requests_to_ready',
  'request_rounds_to_ready',
  'bytes',
  'longtasks_load',
  'longtasks_over_50ms',
  'longtasks_over_50ms_to_ready',
  'longtask_max_ms',
] as const;

const PREDICATES = {
  T_model_page: {
    both: `at least ${FIRST_ROWS} rows of the versions table in the page, each with its version's link, the first linking the newest version (both UIs list newest first)`,
    parallax: 'table[aria-label="Model versions"] tbody tr with a[href*="/versions/"]',
    mlflow:
      '[data-testid="model-version-table"] [role="row"]:not(.table-isHeader) with a[href*="/versions/"] (ModelVersionTable)',
  },
  T_version_page: {
    both: `the version's heading, its source run's link, and its signature's ${INPUTS} inputs read from the version's MLmodel`,
    parallax:
      'an h1 holding v<version>, a[href*="<run id>"], and table[aria-label="Signature inputs"] with 5 rows',
    mlflow:
      "an h2 reading 'Version <version>', a[href*=\"/runs/<run id>\"] (named after runs/get), and the Schema table's row 'Inputs (5)' (ModelVersionView)",
  },
  T_promotion_view: {
    parallax: `table[aria-label="Metrics"] with at least ${PROMOTION_METRICS} rows, each with both runs' values (neither empty nor "—"), and .signature-verdict.is-breaking or .is-compatible (both MLmodels read)`,
  },
};

const NOTES = [
  "Both UIs run on one `mlflow server --workers 2` over W5's database (ports 6166/6167), alternating P, M, P, M… after a discarded warm-up pair, each load in a new browser context with the HTTP cache disabled; figures are medians of --runs loads per UI, ratios Parallax ÷ MLflow. The promotion view (Parallax only) runs --runs loads after one discarded warm-up load.",
  'T_*: ms from navigation start to the first animation frame the predicate (predicates) holds, polled on every frame. Bytes: CDP Network.loadingFinished encodedDataLength of the page target; long tasks (PerformanceObserver longtask) from navigation until 2 s after the predicate held (longtasks_over_50ms_to_ready: those before it held).',
  "requests_to_ready: the data requests (fetch/XHR) sent before the predicate held; request_rounds_to_ready: how many of them waited for an earlier one to finish (1 = all asked at once). samples.*.waterfall lists every data request of a load on Node's clock from the navigation.",
  "MLflow's model page asks model-versions/search for one page of 25 versions (max_results=25, newest first) and shows it, with a pager; Parallax first asks for the newest 50 (max_results=50, order_by version_number DESC) and draws them, while it reads every version (max_results 1000, 500 here) into a virtualized table that draws the rows of its scroller and an overscan. rows_drawn says how many version rows each had drawn when the predicate held.",
  'parallax.longtasks_over_50ms is the sum of the three medians (model page, version page, promotion view: longtasks_over_50ms_by_measure); goals_met.longtasks_over_50ms judges it against 0.',
];

export async function registrySuite(browser: Browser, o: Options): Promise<string> {
  const t0 = Date.now();
  const env = environment({ iterations: o.runs, warmup_pair: o.warmup, scale: o.scale });
  const w = await ensureWorkload('w5', o.scale);
  const reg = w.meta.registry;
  if (!reg) throw new Error(`W5's meta.json (${w.dir}) has no registry section`);
  const srv = await startServers(w, 6166);
  try {
    const urls = registryUrls(srv, reg.model, reg.version_page, {
      candidate: reg.candidate,
      against: 'alias:champion',
    });
    const runId = reg.run_ids[Number(reg.version_page) - 1] ?? '';
    const describe = (_ui: Ui, s: RegistrySample) =>
      `${s.T} ms (${s.rows_drawn ?? '–'} rows, ${s.requests_to_ready} requests in ${s.request_rounds_to_ready} rounds), ${s.bytes} B, long tasks > 50 ms ${s.longtasks_over_50ms} (max ${s.longtask_max_ms} ms)${s.errors.length ? ` — ${s.errors.join('; ')}` : ''}`;

    console.log(`▸ registry W5 model page (${reg.versions} versions of ${reg.model})`);
    const modelPage = await alternate(
      o.runs,
      o.warmup,
      (ui) =>
        registryLoadOnce(browser, {
          ui,
          page: 'model_page',
          url: urls.model_page[ui],
          ready: modelPagePainted[ui],
          arg: { rows: Math.min(FIRST_ROWS, reg.versions), newest: String(reg.versions) },
          rowsSelector: versionRowsDrawn[ui],
        }),
      describe,
    );

    console.log(`▸ registry W5 version page (v${reg.version_page})`);
    const versionPage = await alternate(
      o.runs,
      o.warmup,
      (ui) =>
        registryLoadOnce(browser, {
          ui,
          page: 'version_page',
          url: urls.version_page[ui],
          ready: versionPagePainted[ui],
          arg: { version: reg.version_page, runId, inputs: INPUTS },
        }),
      describe,
    );

    console.log(
      `▸ registry W5 promotion view (Parallax: v${reg.candidate} against alias:champion)`,
    );
    const promotion: RegistrySample[] = [];
    for (let i = o.warmup ? -1 : 0; i < o.runs; i++) {
      const s = await registryLoadOnce(browser, {
        ui: 'parallax',
        page: 'promotion_view',
        url: urls.promotion_view,
        ready: promotionPainted,
        arg: { metrics: PROMOTION_METRICS },
        rowsSelector: 'table[aria-label="Metrics"] tbody tr',
      });
      console.log(
        `  ${i < 0 ? 'warm-up' : `[${i + 1}/${o.runs}]`} parallax: ${describe('parallax', s)}`,
      );
      if (i >= 0) promotion.push(s);
    }

    const mp = medians(modelPage.parallax, keys);
    const mm = medians(modelPage.mlflow, keys);
    const vp = medians(versionPage.parallax, keys);
    const vm = medians(versionPage.mlflow, keys);
    const pv = medians(promotion, keys);
    const byMeasure = {
      model_page: mp.longtasks_over_50ms,
      version_page: vp.longtasks_over_50ms,
      promotion_view: pv.longtasks_over_50ms,
    };
    const longtasks = sumKnown([
      byMeasure.model_page,
      byMeasure.version_page,
      byMeasure.promotion_view,
    ]);
    const ratios = {
      model_page: ratio(mp.T, mm.T),
      version_page: ratio(vp.T, vm.T),
      bytes_model_page: ratio(mp.bytes, mm.bytes),
      bytes_version_page: ratio(vp.bytes, vm.bytes),
    };
    const all = [
      ...modelPage.parallax,
      ...modelPage.mlflow,
      ...versionPage.parallax,
      ...versionPage.mlflow,
      ...promotion,
    ];
    const errors = [...new Set(all.flatMap((s) => s.errors))];
    if (longtasks === null)
      errors.push('parallax: a long-task count is missing: parallax.longtasks_over_50ms is null');
    const verdicts = [...new Set(promotion.map((s) => s.verdict))];
    const maxOf = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return v.length ? Math.max(...v) : null;
    };
    const result = {
      benchmark: 'registry',
      workload: {
        name: 'W5',
        model: reg.model,
        versions: reg.versions,
        metrics_per_source_run: reg.metrics,
        aliases: Object.keys(reg.aliases).length,
        stages: reg.stages,
        champion: `v${reg.champion} (alias champion)`,
        candidate: `v${reg.candidate}`,
        version_page: `v${reg.version_page}`,
        cache_dir: path.basename(w.dir),
        seeded_seconds: w.seededSeconds,
      },
      environment: env,
      urls,
      units: {
        time: 'ms from navigation start',
        bytes: 'encoded bytes on the wire (CDP, page target)',
      },
      predicates: PREDICATES,
      ratios,
      parallax: {
        T_model_page: mp.T,
        T_version_page: vp.T,
        promotion_view_ms: pv.T,
        longtasks_over_50ms: longtasks,
        longtasks_over_50ms_by_measure: byMeasure,
        // The most in any one Parallax load.
        longtasks_over_50ms_max: maxOf(
          [...modelPage.parallax, ...versionPage.parallax, ...promotion].map(
            (s) => s.longtasks_over_50ms,
          ),
        ),
        promotion_verdicts: verdicts,
        model_page: mp,
        version_page: vp,
        promotion_view: pv,
      },
      mlflow: { T_model_page: mm.T, T_version_page: vm.T, model_page: mm, version_page: vm },
      goals: REGISTRY_GOALS,
      goals_met: registryGoalsMet({
        model_page: ratios.model_page,
        version_page: ratios.version_page,
        promotion_view_ms: pv.T,
        longtasks_over_50ms: longtasks,
      }),
      notes: NOTES,
      samples: { model_page: modelPage, version_page: versionPage, promotion_view: promotion },
      errors,
      suite_seconds: Math.round((Date.now() - t0) / 1000),
    };
    return writeResult('registry.json', result);
  } finally {
    await srv.stop();
  }
}
