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

/** Run reads and writes for the run-page and artifact tests (appended; same direct MLflow calls). */
export const mlflowRun = {
  get: async (runId: string) =>
    (await call<{ run: Run }>('GET', 'runs/get', { run_id: runId })).run,
  setTag: (runId: string, key: string, value: string) =>
    call('POST', 'runs/set-tag', { run_id: runId, key, value }),
  delete: (runId: string) => call('POST', 'runs/delete', { run_id: runId }),
  restore: (runId: string) => call('POST', 'runs/restore', { run_id: runId }),
  createChild: async (experimentId: string, runName: string, parentRunId: string) =>
    (
      await call<{ run: Run }>('POST', 'runs/create', {
        experiment_id: experimentId,
        run_name: runName,
        start_time: Date.now(),
        tags: [{ key: 'mlflow.parentRunId', value: parentRunId }],
      })
    ).run,
  /** Uploads bytes straight into the run's artifact store (artifact root `mlflow-artifacts:/<exp>/<run>/artifacts`). */
  uploadArtifact: async (run: Run, path: string, body: Uint8Array) => {
    const root = run.info.artifact_uri ?? '';
    const prefix = 'mlflow-artifacts:/';
    if (!root.startsWith(prefix)) throw new Error(`unexpected artifact root ${root}`);
    const url = new URL(
      `/api/2.0/mlflow-artifacts/artifacts/${root.slice(prefix.length).replace(/^\/+/, '')}/${path}`,
      mlflowUrl(),
    );
    // PUT is idempotent: one more try when a kept-alive socket MLflow had just closed fails the write (EPIPE).
    const put = () => fetch(url, { method: 'PUT', body });
    const res = await put().catch(put);
    if (!res.ok) throw new Error(`PUT ${path} → ${res.status}: ${await res.text()}`);
  },
};

/** runs/search with an order_by, to compare the table's client-side order with MLflow's. */
export async function searchRunsOrdered(
  experimentId: string,
  orderBy: string[],
  viewType: ViewType = 'ACTIVE_ONLY',
): Promise<Run[]> {
  const url = new URL('/api/2.0/mlflow/runs/search', mlflowUrl());
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      experiment_ids: [experimentId],
      order_by: orderBy,
      run_view_type: viewType,
      max_results: 1000,
    }),
  });
  if (!res.ok) throw new Error(`runs/search → ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { runs?: Run[] }).runs ?? [];
}

/** Experiment writes for the experiment-edit tests (appended; same direct MLflow calls). */
export const mlflowExperiment = {
  setTag: (experimentId: string, key: string, value: string) =>
    call('POST', 'experiments/set-experiment-tag', { experiment_id: experimentId, key, value }),
  restore: (experimentId: string) =>
    call('POST', 'experiments/restore', { experiment_id: experimentId }),
  /** The experiment's tag `key` as MLflow now reports it (undefined when it has none). */
  tag: async (experimentId: string, key: string) =>
    (await mlflow.getExperiment(experimentId)).tags?.find((t) => t.key === key)?.value,
};

interface Mv {
  name: string;
  version: string;
  current_stage?: string;
  aliases?: string[];
  description?: string;
}

/** Registry reads and writes for the model and version pages' tests (same direct MLflow calls). */
export const mlflowRegistry = {
  createModel: (name: string, description = '', tags: Record<string, string> = {}) =>
    call('POST', 'registered-models/create', {
      name,
      description,
      tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    }),
  /** MLflow's own answer to a models search, in its order. */
  searchModels: async (filter: string, orderBy: string[]) => {
    const query = new URLSearchParams({ filter });
    for (const o of orderBy) query.append('order_by', o);
    const url = `registered-models/search?${query.toString()}`;
    return (
      (await call<{ registered_models?: { name: string }[] }>('GET', url)).registered_models ?? []
    ).map((m) => m.name);
  },
  /** A version whose source is the `model` folder in the run's artifacts. */
  createVersion: async (name: string, runId: string, description = '') =>
    (
      await call<{ model_version: Mv }>('POST', 'model-versions/create', {
        name,
        source: `${(await mlflowRun.get(runId)).info.artifact_uri}/model`,
        run_id: runId,
        description,
      })
    ).model_version,
  transition: (name: string, version: string, stage: string) =>
    call('POST', 'model-versions/transition-stage', {
      name,
      version,
      stage,
      archive_existing_versions: false,
    }),
  setAlias: (name: string, alias: string, version: string) =>
    call('POST', 'registered-models/alias', { name, alias, version }),
  getModel: async (name: string) =>
    (
      await call<{
        registered_model: {
          name: string;
          description?: string;
          aliases?: { alias: string; version: string }[];
        };
      }>('GET', 'registered-models/get', { name })
    ).registered_model,
  getVersion: async (name: string, version: string) =>
    (await call<{ model_version: Mv }>('GET', 'model-versions/get', { name, version }))
      .model_version,
  /** The model's versions, or the error MLflow answered (a deleted model's search is empty). */
  versions: async (name: string) =>
    (
      await call<{ model_versions?: Mv[] }>('GET', 'model-versions/search', {
        filter: `name = '${name}'`,
      })
    ).model_versions ?? [],
  /** Whether MLflow still knows the model. */
  exists: async (name: string) =>
    mlflowRegistry.getModel(name).then(
      () => true,
      (e: Error) => {
        if (/RESOURCE_DOES_NOT_EXIST/.test(e.message)) return false;
        throw e;
      },
    ),
};

/** Registry calls for the promotion view's tests (appended; same direct MLflow calls). */
export const mlflowPromote = {
  /** A version from any source: `models:/m-…` (an MLflow 3 logged model) or a folder URI. */
  createVersionFrom: async (name: string, source: string, runId: string, modelId?: string) =>
    (
      await call<{ model_version: Mv }>('POST', 'model-versions/create', {
        name,
        source,
        run_id: runId,
        ...(modelId ? { model_id: modelId } : {}),
      })
    ).model_version,
  deleteVersion: async (name: string, version: string) => {
    const res = await fetch(new URL('/api/2.0/mlflow/model-versions/delete', mlflowUrl()), {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, version }),
    });
    if (!res.ok) throw new Error(`model-versions/delete → ${res.status}: ${await res.text()}`);
  },
};

interface WireLoggedModel {
  info: { model_id: string; experiment_id: string; name: string; source_run_id?: string };
}

/** Logged models (MLflow 3) for the logged-models tests (appended; same direct MLflow calls). */
export const mlflowLoggedModels = {
  /** A logged model, as `log_model` makes one, left PENDING unless `ready`. */
  create: async (
    experimentId: string,
    name: string,
    options: {
      sourceRunId?: string;
      params?: Record<string, string>;
      tags?: Record<string, string>;
      ready?: boolean;
    } = {},
  ) => {
    const pairs = (o: Record<string, string> = {}) =>
      Object.entries(o).map(([key, value]) => ({ key, value }));
    const { model } = await call<{ model: WireLoggedModel }>('POST', 'logged-models', {
      experiment_id: experimentId,
      name,
      source_run_id: options.sourceRunId,
      params: pairs(options.params),
      tags: pairs(options.tags),
    });
    const id = model.info.model_id;
    if (options.ready) {
      // MLflow's finalize is a PATCH, which `call` does not send; it wants the id in the body too.
      const url = new URL(`/api/2.0/mlflow/logged-models/${id}`, mlflowUrl());
      const res = await fetch(url, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ model_id: id, status: 'LOGGED_MODEL_READY' }),
      });
      if (!res.ok)
        throw new Error(`PATCH logged-models/${id} → ${res.status}: ${await res.text()}`);
    }
    return id;
  },
  /** A metric of the model, logged through its run (as `mlflow.log_metric(..., model_id=…)`). */
  logMetric: (
    runId: string,
    modelId: string,
    key: string,
    value: number,
    step: number,
    dataset?: { name: string; digest: string },
  ) =>
    call('POST', 'runs/log-metric', {
      run_id: runId,
      model_id: modelId,
      key,
      value,
      step,
      timestamp: Date.now(),
      dataset_name: dataset?.name,
      dataset_digest: dataset?.digest,
    }),
  /** A registry version made from the logged model, the way `mlflow.register_model` makes one. */
  register: async (name: string, modelId: string, runId: string) =>
    (
      await call<{ model_version: Mv }>('POST', 'model-versions/create', {
        name,
        source: `models:/${modelId}`,
        run_id: runId,
        model_id: modelId,
      })
    ).model_version,
  /** MLflow's own answer to a search, every page, in the order asked for. */
  search: async (experimentId: string, filter?: string) => {
    const out: WireLoggedModel['info'][] = [];
    let pageToken: string | undefined;
    do {
      const page = await call<{ models?: WireLoggedModel[]; next_page_token?: string }>(
        'POST',
        'logged-models/search',
        {
          experiment_ids: [experimentId],
          filter,
          order_by: [{ field_name: 'creation_timestamp', ascending: false }],
          page_token: pageToken,
        },
      );
      out.push(...(page.models ?? []).map((m) => m.info));
      pageToken = page.next_page_token || undefined;
    } while (pageToken);
    return out;
  },
};

/** A registry DELETE: MLflow reads its arguments from a JSON body (appended for the history tests). */
async function deleteCall(path: string, body: unknown): Promise<void> {
  const res = await fetch(new URL(`/api/2.0/mlflow/${path}`, mlflowUrl()), {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`DELETE ${path} → ${res.status}: ${await res.text()}`);
}

/** Registry tags and writes for the alias and stage history tests (same direct MLflow calls). */
export const mlflowRegistryHistory = {
  /** The model's tags under `prefix`, oldest key first, as MLflow stores them. */
  tags: async (name: string, prefix = 'parallax.history.') =>
    (
      (
        await call<{ registered_model: { tags?: { key: string; value: string }[] } }>(
          'GET',
          'registered-models/get',
          { name },
        )
      ).registered_model.tags ?? []
    )
      .filter((t) => t.key.startsWith(prefix))
      .sort((a, b) => (a.key < b.key ? -1 : 1)),
  setTag: (name: string, key: string, value: string) =>
    call('POST', 'registered-models/set-tag', { name, key, value }),
  transition: (name: string, version: string, stage: string, archiveExisting: boolean) =>
    call('POST', 'model-versions/transition-stage', {
      name,
      version,
      stage,
      archive_existing_versions: archiveExisting,
    }),
  deleteVersion: (name: string, version: string) =>
    deleteCall('model-versions/delete', { name, version }),
};

/** Registration reads for the register tests (appended; same direct MLflow calls). */
export const mlflowRegistration = {
  /** A version as MLflow holds it: where it came from and its registration status. */
  version: async (name: string, version: string) =>
    (
      await call<{
        model_version: {
          name: string;
          version: string;
          source?: string;
          run_id?: string;
          status?: string;
        };
      }>('GET', 'model-versions/get', { name, version })
    ).model_version,
};
