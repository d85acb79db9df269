// Reads and writes MLflow directly (not through Parallax) so tests verify what really happened.
import type { Experiment, Run, ViewType } from '../../src/api/types';

function mlflowUrl(): string {
  const url = process.env.E2E_MLFLOW_URL;
  if (!url)
    throw new Error('E2E_MLFLOW_URL is not set: run the suite through playwright (global setup)');
  return url;
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const url = new URL(`/api/2.0/mlflow/${path}`, mlflowUrl());
  const init: RequestInit = { method, headers: { 'Content-Type': 'application/json' } };
  if (method === 'GET' && body) {
    for (const [k, v] of Object.entries(body as Record<string, string>)) url.searchParams.set(k, v);
  } else if (body) {
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return JSON.parse(text || '{}') as T;
}

export const mlflow = {
  createExperiment: async (name: string) =>
    (await call<{ experiment_id: string }>('POST', 'experiments/create', { name })).experiment_id,
  getExperiment: async (id: string) =>
    (await call<{ experiment: Experiment }>('GET', 'experiments/get', { experiment_id: id }))
      .experiment,
  findExperiment: async (name: string, viewType: ViewType = 'ALL') => {
    const res = await call<{ experiments?: Experiment[] }>('POST', 'experiments/search', {
      filter: `name = '${name.replaceAll("'", "\\'")}'`,
      view_type: viewType,
      max_results: 10,
    });
    return res.experiments?.[0];
  },
  deleteExperiment: (id: string) => call('POST', 'experiments/delete', { experiment_id: id }),
  searchRuns: async (experimentId: string, filter = '', viewType: ViewType = 'ACTIVE_ONLY') =>
    (
      await call<{ runs?: Run[] }>('POST', 'runs/search', {
        experiment_ids: [experimentId],
        filter,
        run_view_type: viewType,
        max_results: 1000,
      })
    ).runs ?? [],
  createRun: async (experimentId: string, runName: string) =>
    (
      await call<{ run: Run }>('POST', 'runs/create', {
        experiment_id: experimentId,
        run_name: runName,
        start_time: Date.now(),
      })
    ).run,
  logMetric: (runId: string, key: string, value: number, step = 0) =>
    call('POST', 'runs/log-metric', { run_id: runId, key, value, step, timestamp: Date.now() }),
};

/** A name no other test (or earlier run against a reused server) has used. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
