// The registry suite's pure parts (W5): the pages' URLs in each UI, the requests' waterfall of a
// load, the goals and whether they are met.
import { round } from './stats.ts';

type Ui = 'parallax' | 'mlflow';

const enc = encodeURIComponent;

/** The model page, one version's page, and Parallax's promotion view (MLflow has none). */
export function registryUrls(
  srv: { parallaxUrl: string; mlflowUrl: string },
  model: string,
  version: string,
  promotion: { candidate: string; against: string },
): { model_page: Record<Ui, string>; version_page: Record<Ui, string>; promotion_view: string } {
  const q = new URLSearchParams({ candidate: promotion.candidate, against: promotion.against });
  return {
    // MLflow 3.17's hash routes (ModelRegistryRoutes: /models/:modelName[/versions/:version]).
    model_page: {
      parallax: `${srv.parallaxUrl}/models/${enc(model)}`,
      mlflow: `${srv.mlflowUrl}/#/models/${enc(model)}`,
    },
    version_page: {
      parallax: `${srv.parallaxUrl}/models/${enc(model)}/versions/${enc(version)}`,
      mlflow: `${srv.mlflowUrl}/#/models/${enc(model)}/versions/${enc(version)}`,
    },
    promotion_view: `${srv.parallaxUrl}/models/${enc(model)}/promote?${q.toString()}`,
  };
}

/** One API request of a load, on the load's clock (ms since the navigation was started). */
export interface WaterfallEntry {
  /** The path without the host, and the query cut at 80 characters. */
  path: string;
  start_ms: number;
  end_ms: number | null;
}

/**
 * The data requests of a load (not its scripts, styles or fonts), in the order they were sent, on
 * the clock of `t0` (Node's Date.now() when the navigation began): what waited for what.
 */
export function waterfall(
  requests: readonly { url: string; type: string; sentAt: number; doneAt: number | null }[],
  t0: number,
): WaterfallEntry[] {
  return requests
    .filter((r) => r.type === 'Fetch' || r.type === 'XHR')
    .map((r) => {
      const u = new URL(r.url);
      const query = u.search.length > 81 ? `${u.search.slice(0, 80)}…` : u.search;
      return {
        path: u.pathname + query,
        start_ms: round(r.sentAt - t0, 0),
        end_ms: r.doneAt === null ? null : round(r.doneAt - t0, 0),
      };
    })
    .sort((a, b) => a.start_ms - b.start_ms);
}

/**
 * How many rounds of requests a load made before `until` (ms on the load's clock): a request that
 * starts after another one ended is a round later than it. 1 means everything was asked at once.
 */
export function requestRounds(entries: readonly WaterfallEntry[], until = Infinity): number {
  const depth: number[] = [];
  const inRange = entries.filter((e) => e.start_ms <= until);
  inRange.forEach((e, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) {
      const p = inRange[j] as WaterfallEntry;
      if (p.end_ms !== null && p.end_ms <= e.start_ms) d = Math.max(d, (depth[j] ?? 1) + 1);
    }
    depth.push(d);
  });
  return depth.length ? Math.max(...depth) : 0;
}

export const REGISTRY_GOALS = {
  model_page: 0.5,
  version_page: 0.5,
  promotion_view_ms: 1500,
  longtasks_over_50ms: 0,
} as const;

/** Each goal met, or null when its figure is unknown (the reason is in the results' errors). */
export function registryGoalsMet(f: {
  model_page: number | null;
  version_page: number | null;
  promotion_view_ms: number | null;
  longtasks_over_50ms: number | null;
}): Record<keyof typeof REGISTRY_GOALS, boolean | null> {
  const atMost = (x: number | null, g: number) => (x === null ? null : x <= g);
  return {
    model_page: atMost(f.model_page, REGISTRY_GOALS.model_page),
    version_page: atMost(f.version_page, REGISTRY_GOALS.version_page),
    promotion_view_ms: atMost(f.promotion_view_ms, REGISTRY_GOALS.promotion_view_ms),
    longtasks_over_50ms: atMost(f.longtasks_over_50ms, REGISTRY_GOALS.longtasks_over_50ms),
  };
}
