// Pure helpers of the server-load bench: reading /proc, summarising what one autocannon run
// recorded, splitting an outage run at the window MLflow was away, medians over repetitions.
import { median, quantile, round } from './stats.ts';

/** One answered request, as the load probe records it. Times are ms from the start of the run. */
export interface LoadResponse {
  /** When the whole response had arrived. */
  end: number;
  latency: number;
  status: number;
  bytes: number;
  /** Which of the run's request kinds it answered, when the run mixes several. */
  label?: string | undefined;
  /** Parallax's metric-series only: whether the history came from its cache (`Server-Timing`). */
  history?: 'cached' | 'read' | undefined;
}

/** A request that got no answer: a client timeout or a socket error. */
export interface LoadError {
  at: number;
  timeout: boolean;
  message: string;
}

export interface LatencySummary {
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
}

export interface LoadSummary {
  duration_s: number;
  /** Responses of any status. */
  responses: number;
  /** 2xx answers per second: the throughput figure every ratio uses. */
  rps: number;
  /** Answers of any status per second. */
  rps_all: number;
  /** Of the 2xx answers only: a fast error must not make a run look fast. */
  latency_ms: LatencySummary;
  status: Record<string, number>;
  errors_5xx: number;
  timeouts: number;
  socket_errors: number;
  /** A few distinct error messages, so a misconfigured run explains itself. */
  error_messages: string[];
  mb_per_s: number;
}

/** VmRSS and VmHWM (peak RSS over the process's life) of /proc/<pid>/status, in kB. */
export function parseProcStatus(text: string): { rssKb: number | null; hwmKb: number | null } {
  const field = (name: string) => {
    const m = new RegExp(`^${name}:\\s*(\\d+)\\s*kB`, 'm').exec(text);
    return m ? Number(m[1]) : null;
  };
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/**
 * The process group and CPU time (utime + stime, in clock ticks) of /proc/<pid>/stat. The command
 * name sits in parentheses and may itself hold spaces and ')', so fields are counted from the last ')'.
 */
export function parseProcStat(text: string): { pgrp: number; cpuTicks: number } | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  // After ')': state(3) ppid(4) pgrp(5) … utime(14) stime(15), numbered as in proc(5).
  const f = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const pgrp = Number(f[2]);
  const utime = Number(f[11]);
  const stime = Number(f[12]);
  if (![pgrp, utime, stime].every(Number.isFinite)) return null;
  return { pgrp, cpuTicks: utime + stime };
}

/** The `desc` of Parallax's `history` Server-Timing metric: whether the series was cached. */
export function historySource(serverTiming: string | undefined): 'cached' | 'read' | undefined {
  if (!serverTiming) return undefined;
  for (const metric of serverTiming.split(',')) {
    const [name, ...params] = metric.split(';').map((s) => s.trim());
    if (name !== 'history') continue;
    for (const p of params) {
      const m = /^desc="?([^"]*)"?$/.exec(p);
      if (m?.[1] === 'cached' || m?.[1] === 'read') return m[1];
    }
  }
  return undefined;
}

/** p50/p90/p99/max of latencies, in ms to 0.1. */
export function latencies(xs: readonly number[]): LatencySummary {
  const q = (p: number) => {
    const v = quantile(xs, p);
    return v === null ? null : round(v, 1);
  };
  // reduce, not Math.max(...xs): a 60 s run records far more answers than a call takes arguments.
  const max = xs.reduce((m, x) => (x > m ? x : m), -Infinity);
  return { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: xs.length ? round(max, 1) : null };
}

/** Figures of one load run of `durationS` seconds. */
export function summarize(
  responses: readonly LoadResponse[],
  errors: readonly LoadError[],
  durationS: number,
): LoadSummary {
  const status: Record<string, number> = {};
  const ok: number[] = [];
  let bytes = 0;
  let errors5xx = 0;
  for (const r of responses) {
    status[r.status] = (status[r.status] ?? 0) + 1;
    if (r.status >= 200 && r.status < 300) {
      ok.push(r.latency);
      bytes += r.bytes;
    }
    if (r.status >= 500) errors5xx++;
  }
  const timeouts = errors.filter((e) => e.timeout).length;
  return {
    duration_s: round(durationS, 2),
    responses: responses.length,
    rps: durationS > 0 ? round(ok.length / durationS, 1) : 0,
    rps_all: durationS > 0 ? round(responses.length / durationS, 1) : 0,
    latency_ms: latencies(ok),
    status,
    errors_5xx: errors5xx,
    timeouts,
    socket_errors: errors.length - timeouts,
    error_messages: [...new Set(errors.map((e) => e.message))].slice(0, 5),
    mb_per_s: durationS > 0 ? round(bytes / 2 ** 20 / durationS, 2) : 0,
  };
}

/** Medians over repetitions of the rates and percentiles; counts of failures are summed, not medianed. */
export function combine(samples: readonly LoadSummary[]) {
  const med = (f: (s: LoadSummary) => number | null) => {
    const m = median(samples.map(f));
    return m === null ? null : round(m, 1);
  };
  const status: Record<string, number> = {};
  for (const s of samples)
    for (const [k, n] of Object.entries(s.status)) status[k] = (status[k] ?? 0) + n;
  const sum = (f: (s: LoadSummary) => number) => samples.reduce((n, s) => n + f(s), 0);
  const maxes = samples.map((s) => s.latency_ms.max).filter((x): x is number => x !== null);
  const ok = (s: LoadSummary) =>
    Object.entries(s.status).reduce((n, [k, c]) => (k.startsWith('2') ? n + c : n), 0);
  return {
    repetitions: samples.length,
    /** The fewest 2xx answers of any repetition: too few, and the run never reached a steady state. */
    ok_min: samples.length ? Math.min(...samples.map(ok)) : 0,
    rps: med((s) => s.rps),
    rps_all: med((s) => s.rps_all),
    p50_ms: med((s) => s.latency_ms.p50),
    p90_ms: med((s) => s.latency_ms.p90),
    p99_ms: med((s) => s.latency_ms.p99),
    max_ms: maxes.length ? Math.max(...maxes) : null,
    mb_per_s: med((s) => s.mb_per_s),
    responses: sum((s) => s.responses),
    status,
    errors_5xx: sum((s) => s.errors_5xx),
    timeouts: sum((s) => s.timeouts),
    socket_errors: sum((s) => s.socket_errors),
  };
}

/** When MLflow was away, in ms from the start of the run: killed at `killAt`, healthy again at `healthyAt`. */
export interface OutageWindow {
  killAt: number;
  healthyAt: number;
}

/** Whether a request was in flight at some moment MLflow was away (it started before MLflow was back). */
export function overlapsOutage(r: LoadResponse, w: OutageWindow): boolean {
  return r.end >= w.killAt && r.end - r.latency < w.healthyAt;
}

/** How Parallax behaved around an outage: its errors while MLflow was away, and its recovery after. */
export function outageSummary(
  responses: readonly LoadResponse[],
  errors: readonly LoadError[],
  w: OutageWindow,
) {
  const during = responses.filter((r) => overlapsOutage(r, w));
  const outside = responses.filter((r) => !overlapsOutage(r, w));
  const status: Record<string, number> = {};
  for (const r of during) status[r.status] = (status[r.status] ?? 0) + 1;
  const failed = during.filter((r) => r.status >= 500);
  // The first answer that needed MLflow back: a 2xx to a request sent after the kill.
  const recovered = responses
    .filter((r) => r.status >= 200 && r.status < 300 && r.end - r.latency >= w.killAt)
    .reduce((t, r) => Math.min(t, r.end), Infinity);
  const byLabel = (label: string) => failed.filter((r) => r.label === label).map((r) => r.latency);
  const labels = [...new Set(failed.map((r) => r.label).filter((l): l is string => !!l))];
  return {
    down_ms: Math.round(w.healthyAt - w.killAt),
    during: {
      responses: during.length,
      status,
      latency_5xx_ms: latencies(failed.map((r) => r.latency)),
      latency_5xx_ms_by_request: Object.fromEntries(labels.map((l) => [l, latencies(byLabel(l))])),
      timeouts: errors.filter((e) => e.timeout && e.at >= w.killAt && e.at < w.healthyAt).length,
    },
    errors_5xx_outside: outside.filter((r) => r.status >= 500).length,
    /** From the kill to the first 2xx of a request sent after it; null when none came. */
    first_success_after_kill_ms: Number.isFinite(recovered)
      ? Math.round(recovered - w.killAt)
      : null,
    /** The same from MLflow's first healthy answer (negative: Parallax's retry got there first). */
    first_success_after_healthy_ms: Number.isFinite(recovered)
      ? Math.round(recovered - w.healthyAt)
      : null,
  };
}

export const kbToMb = (kb: number | null): number | null =>
  kb === null ? null : round(kb / 1024, 1);

/**
 * The k-th request of the cold metric-series run, as the SPA's 20-run overlay asks it (500 M4
 * points per run). Consecutive requests go to consecutive runs; each pass over the runs after the
 * first (the overview) zooms into another window, so no two requests ask the same answer.
 */
export function coldSeriesPath(k: number, runIds: readonly string[], key: string, steps: number) {
  const n = runIds.length;
  const runId = runIds[k % n] ?? '';
  const pass = Math.floor(k / n);
  const q = new URLSearchParams({ run_id: runId, key, points: '500' });
  if (pass > 0) {
    // Spans of 1/2 … 1/8 of the run at starts spread over it: (pass mod 7, 7919·pass mod 1000)
    // repeats only every 7,000 passes.
    const span = Math.floor((steps - 1) / (2 + (pass % 7)));
    const start = Math.floor((((pass * 7919) % 1000) / 1000) * (steps - 1 - span));
    q.set('start_step', String(start));
    q.set('end_step', String(start + span));
  }
  q.set('method', 'm4');
  return `/parallax/api/metric-series?${q.toString()}`;
}
