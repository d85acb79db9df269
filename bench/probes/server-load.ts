// One autocannon run (its programmatic API, in this process) with every answer recorded, while the
// Parallax process's memory and the CPU time of Parallax and of MLflow's processes are sampled
// from /proc.
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import {
  historySource,
  parseProcStat,
  parseProcStatus,
  type LoadError,
  type LoadResponse,
} from '../lib/load.ts';
import { dropAnswerBodies } from '../lib/autocannon-bytes-only.ts';

/** A kind of request in a run: a fixed one, or `next()` for one that changes at every request. */
export interface LoadRequest {
  label: string;
  method: 'GET' | 'POST';
  path?: string;
  next?: () => string;
  body?: string;
  /** Added to the run's headers (autocannon merges them). */
  headers?: Record<string, string>;
}

export interface LoadOptions {
  /** Origin of the server under load, `http://127.0.0.1:port`. */
  origin: string;
  /** Requests each connection sends in turn. */
  requests: LoadRequest[];
  connections: number;
  /** Seconds; ignored when `control` ends the run. */
  durationS: number;
  timeoutS: number;
  headers: Record<string, string>;
  /** The Parallax process whose memory is sampled. */
  parallaxPid?: number | undefined;
  /** MLflow's process group (its CLI's pid): the CLI and its uvicorn workers. */
  mlflowPgid?: (() => number | undefined) | undefined;
  /** Runs beside the load and ends it when it resolves (the outage run); `elapsed()` is ms since start. */
  control?: (elapsed: () => number) => Promise<void>;
}

export interface LoadRun {
  responses: LoadResponse[];
  errors: LoadError[];
  durationS: number;
  /** Peak RSS of the Parallax process, in kB: its own VmHWM, which covers every sample we missed. */
  parallaxHwmKb: number | null;
  /** The largest VmRSS sampled during the run, and the last one, in kB. */
  parallaxRssMaxKb: number | null;
  parallaxRssEndKb: number | null;
  /** CPU seconds used during the run. */
  cpuS: { parallax: number | null; mlflow: number | null };
}

const RSS_SAMPLE_MS = 200;

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process is gone
  }
}

export function procStatus(pid: number) {
  const text = readText(`/proc/${pid}/status`);
  return text === null ? { rssKb: null, hwmKb: null } : parseProcStatus(text);
}

function cpuTicks(pid: number): number | null {
  const text = readText(`/proc/${pid}/stat`);
  return text === null ? null : (parseProcStat(text)?.cpuTicks ?? null);
}

/** CPU ticks of every live process in a group; those that exited during the run are lost. */
function groupCpuTicks(pgid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const text = readText(`/proc/${name}/stat`);
    const stat = text === null ? null : parseProcStat(text);
    if (stat?.pgrp === pgid) out.set(Number(name), stat.cpuTicks);
  }
  return out;
}

/**
 * Waits until MLflow's process group and Parallax have been idle (under `idleCores` of CPU) for
 * `windowMs`, at most `maxMs`: a direct run leaves MLflow working through requests whose clients
 * are gone, and the next run must not share the cores with that backlog. Resolves to the ms waited.
 */
export async function waitIdle(
  pids: { mlflowPgid?: number | undefined; parallaxPid?: number | undefined },
  { windowMs = 1000, idleCores = 0.1, maxMs = 120_000 } = {},
): Promise<number> {
  const total = () => {
    let ticks = 0;
    if (pids.mlflowPgid !== undefined)
      for (const t of groupCpuTicks(pids.mlflowPgid).values()) ticks += t;
    if (pids.parallaxPid !== undefined) ticks += cpuTicks(pids.parallaxPid) ?? 0;
    return ticks;
  };
  const t0 = performance.now();
  let before = total();
  while (performance.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, windowMs));
    const now = total();
    if ((now - before) / clockTicks < (idleCores * windowMs) / 1000) break;
    before = now;
  }
  return Math.round(performance.now() - t0);
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? String(v[0]) : String(v);
  }
  return undefined;
}

export function runLoad(o: LoadOptions): Promise<LoadRun> {
  dropAnswerBodies();
  const responses: LoadResponse[] = [];
  const errors: LoadError[] = [];
  // autocannon calls a request's onResponse and then, synchronously and for the same answer, emits
  // 'response' with the latency; what onResponse saw is handed over through this variable.
  let answered: { label: string; history: 'cached' | 'read' | undefined } | undefined;
  const requests: autocannon.Request[] = o.requests.map((r) => ({
    method: r.method,
    ...(r.path !== undefined ? { path: r.path } : {}),
    ...(r.body !== undefined ? { body: r.body } : {}),
    ...(r.headers !== undefined ? { headers: r.headers } : {}),
    ...(r.next
      ? { setupRequest: (req: autocannon.Request) => ({ ...req, path: r.next?.() }) }
      : {}),
    onResponse: (_status, _body, _context, headers) => {
      answered = { label: r.label, history: historySource(headerValue(headers, 'server-timing')) };
    },
  }));

  const pgid = () => o.mlflowPgid?.();
  const mlflowStart = new Map<number, number>();
  const mlflowSeen = new Map<number, number>();
  const sampleMlflow = () => {
    const g = pgid();
    if (g === undefined) return;
    for (const [pid, ticks] of groupCpuTicks(g)) {
      if (!mlflowStart.has(pid)) mlflowStart.set(pid, ticks);
      mlflowSeen.set(pid, ticks);
    }
  };
  const parallaxStart = o.parallaxPid === undefined ? null : cpuTicks(o.parallaxPid);
  sampleMlflow();
  let rssMax: number | null = null;
  let rssLast: number | null = null;
  const sampleRss = () => {
    if (o.parallaxPid === undefined) return;
    const { rssKb } = procStatus(o.parallaxPid);
    if (rssKb !== null) {
      rssLast = rssKb;
      rssMax = Math.max(rssMax ?? 0, rssKb);
    }
  };
  sampleRss();
  // The MLflow group is rescanned each second: a restarted MLflow (the outage run) has new pids.
  let ticks = 0;
  const sampler = setInterval(() => {
    sampleRss();
    if (++ticks % Math.round(1000 / RSS_SAMPLE_MS) === 0) sampleMlflow();
  }, RSS_SAMPLE_MS);

  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const elapsed = () => performance.now() - t0;
    const instance = autocannon(
      {
        url: o.origin,
        connections: o.connections,
        // With a control, the run lasts until the control is done (it calls stop()).
        duration: o.control ? 3600 : o.durationS,
        timeout: o.timeoutS,
        headers: o.headers,
        requests,
      },
      (err) => {
        clearInterval(sampler);
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const durationS = elapsed() / 1000;
        sampleRss();
        sampleMlflow();
        const parallaxEnd = o.parallaxPid === undefined ? null : cpuTicks(o.parallaxPid);
        let mlflowTicks = 0;
        for (const [pid, end] of mlflowSeen) mlflowTicks += end - (mlflowStart.get(pid) ?? end);
        resolve({
          responses,
          errors,
          durationS,
          parallaxHwmKb: o.parallaxPid === undefined ? null : procStatus(o.parallaxPid).hwmKb,
          parallaxRssMaxKb: rssMax,
          parallaxRssEndKb: rssLast,
          cpuS: {
            parallax:
              parallaxStart === null || parallaxEnd === null
                ? null
                : (parallaxEnd - parallaxStart) / clockTicks,
            mlflow: pgid() === undefined ? null : mlflowTicks / clockTicks,
          },
        });
      },
    );
    instance.on('response', (_client, status, bytes, latency) => {
      responses.push({
        end: elapsed(),
        latency,
        status,
        bytes,
        label: answered?.label,
        history: answered?.history,
      });
      answered = undefined;
    });
    // A timeout is reported as an Error whose message says so (autocannon's run.js).
    instance.on('reqError', (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      errors.push({ at: elapsed(), timeout: /timed out/i.test(message), message });
    });
    if (o.control) {
      o.control(elapsed).then(
        () => instance.stop(),
        (e: unknown) => {
          instance.stop();
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    }
  });
}
