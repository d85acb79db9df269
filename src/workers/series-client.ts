// The main thread's door to series.worker.ts: typed promises, abort through signals, and the same
// work done in place when the worker cannot start (old browser, CSP, a failed chunk load).
import { MlflowError } from '@/api/errors';
import type {
  ChartSeries,
  FromWorker,
  FullRequest,
  SampledRequest,
  SeriesRequest,
  SeriesResults,
  SmoothRequest,
  ToWorker,
} from './protocol';
import { runTask } from './series-tasks';

interface Pending {
  request: SeriesRequest;
  signal: AbortSignal | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function fallBack(reason: unknown) {
  if (broken) return;
  broken = true;
  console.warn('Parallax: the series worker failed; working on the main thread.', reason);
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) runTask(p.request, p.signal).then(p.resolve, p.reject);
  pending.clear();
}

function getWorker(): Worker | null {
  if (broken || typeof Worker === 'undefined') return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./series.worker.ts', import.meta.url), { type: 'module' });
  } catch (e) {
    fallBack(e);
    return null;
  }
  worker.onerror = (e) => fallBack(e.message || 'worker error');
  worker.onmessageerror = (e) => fallBack(e);
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) {
      p.resolve(msg.result);
    } else if (msg.error.name === 'AbortError') {
      p.reject(new DOMException(msg.error.message, 'AbortError'));
    } else if (msg.error.status !== undefined) {
      p.reject(new MlflowError(msg.error.status, msg.error.errorCode ?? '', msg.error.message));
    } else {
      p.reject(new Error(msg.error.message));
    }
  };
  return worker;
}

function post<K extends keyof SeriesResults>(
  request: SeriesRequest & { type: K },
  signal?: AbortSignal,
  transfer: Transferable[] = [],
): Promise<SeriesResults[K]> {
  const w = getWorker();
  if (!w) return runTask(request, signal) as Promise<SeriesResults[K]>;
  return new Promise<SeriesResults[K]>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const id = nextId++;
    pending.set(id, { request, signal, resolve: resolve as (v: unknown) => void, reject });
    signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(id)) return;
        w.postMessage({ id, cancel: true } satisfies ToWorker);
        reject(signal.reason);
      },
      { once: true },
    );
    w.postMessage({ id, request } satisfies ToWorker, transfer);
  });
}

export const seriesClient = {
  /**
   * Starts the worker in a task of its own. Started on first use, it lands in the commit that
   * mounts a chart, whose queries ask for it: a worker's start costs 10–15 ms on the main thread.
   */
  warmUp: (): void => {
    setTimeout(() => void getWorker(), 0);
  },
  /** Parallax's full-fidelity series for one run (server-side reduction of the whole history). */
  full: (req: Omit<FullRequest, 'type'>, signal?: AbortSignal): Promise<ChartSeries> =>
    post({ ...req, type: 'full' }, signal),
  /** MLflow's stride sample for many runs, re-reduced to `points` per run. */
  sampled: (req: Omit<SampledRequest, 'type'>, signal?: AbortSignal): Promise<ChartSeries[]> =>
    post({ ...req, type: 'sampled' }, signal),
  /** Debiased EMA of a drawn series. */
  smooth: (step: Float64Array, value: Float64Array, weight: number): Promise<Float64Array> => {
    // Copies: the caller's arrays live in the query cache, and a transfer would detach them.
    const s = step.slice();
    const v = value.slice();
    const req: SmoothRequest = { type: 'smooth', step: s, value: v, weight };
    return post(req, undefined, broken ? [] : [s.buffer, v.buffer]);
  },
};
