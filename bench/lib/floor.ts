// MLflow's own floor for a chart's full history: the time its server takes to hand over the same
// histories through sequential get-history pages, one request at a time, as any client that wants
// every point must read them. `fetch` is passed in so the paging is tested without a server.

/** MLflow's largest get-history page (GET_METRIC_HISTORY_MAX_RESULTS). */
export const HISTORY_PAGE = 25_000;

export type FetchFn = (url: string) => Promise<{
  ok: boolean;
  status: number;
  text: () => Promise<string>;
}>;

export interface RunHistory {
  run_id: string;
  pages: number;
  points: number;
  /** Body length (MLflow's JSON is ASCII: characters are bytes), uncompressed. */
  bytes: number;
  /** ms the pages took, each from its request to its body read (the parsing between them left out). */
  ms: number;
  /** ms until the first page's body was read (MLflow's first answer after a start is slow). */
  first_page_ms: number;
  /** ms spent in JSON.parse, timed apart: the floor is the hand-over, not the parsing. */
  parse_ms: number;
}

/**
 * Every page of one run's metric history, following next_page_token. The body is read in full
 * before the next request is sent (one request in flight); the page is parsed after the clock for
 * the hand-over has been read, and only to find the token and count the points.
 */
export async function historyPages(
  fetchFn: FetchFn,
  baseUrl: string,
  runId: string,
  key: string,
  now: () => number = () => performance.now(),
): Promise<RunHistory> {
  const out: RunHistory = {
    run_id: runId,
    pages: 0,
    points: 0,
    bytes: 0,
    ms: 0,
    first_page_ms: 0,
    parse_ms: 0,
  };
  let token: string | undefined;
  let handOver = 0;
  do {
    const q = new URLSearchParams({
      run_id: runId,
      metric_key: key,
      max_results: String(HISTORY_PAGE),
    });
    if (token) q.set('page_token', token);
    const t0 = now();
    const res = await fetchFn(`${baseUrl}/api/2.0/mlflow/metrics/get-history?${q}`);
    const body = await res.text();
    const t1 = now();
    handOver += t1 - t0;
    if (out.pages === 0) out.first_page_ms = t1 - t0;
    if (!res.ok) throw new Error(`get-history ${runId}: HTTP ${res.status}: ${body.slice(0, 200)}`);
    const j = JSON.parse(body) as { metrics?: unknown[]; next_page_token?: string };
    out.parse_ms += now() - t1;
    out.pages++;
    out.points += j.metrics?.length ?? 0;
    out.bytes += body.length;
    token = j.next_page_token || undefined;
  } while (token);
  out.ms = handOver;
  return out;
}

export interface FloorSample {
  /** The hand-over of every run's history, one run after another (null when a request failed). */
  ms: number | null;
  runs: number;
  pages: number;
  points: number;
  bytes: number;
  first_page_ms: number | null;
  parse_ms: number;
  per_run_ms: number[];
  error: string | null;
}

/** The histories of `runIds`, one after another, each page after the last (see historyPages). */
export async function measureFloor(
  fetchFn: FetchFn,
  baseUrl: string,
  runIds: readonly string[],
  key: string,
  now: () => number = () => performance.now(),
): Promise<FloorSample> {
  const s: FloorSample = {
    ms: null,
    runs: runIds.length,
    pages: 0,
    points: 0,
    bytes: 0,
    first_page_ms: null,
    parse_ms: 0,
    per_run_ms: [],
    error: null,
  };
  let total = 0;
  try {
    for (const id of runIds) {
      const h = await historyPages(fetchFn, baseUrl, id, key, now);
      total += h.ms;
      s.first_page_ms ??= Math.round(h.first_page_ms);
      s.pages += h.pages;
      s.points += h.points;
      s.bytes += h.bytes;
      s.parse_ms += h.parse_ms;
      s.per_run_ms.push(Math.round(h.ms));
    }
    s.ms = Math.round(total);
  } catch (e) {
    s.error = (e as Error).message;
  }
  s.parse_ms = Math.round(s.parse_ms);
  return s;
}
