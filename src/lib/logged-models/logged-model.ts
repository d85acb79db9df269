// What the UI makes of MLflow 3's logged models: the latest value of each metric, the registry
// versions a model was registered as, its status in words, and which model a registry version came
// from. No I/O, no React; the wire is parsed in src/api/logged-models.ts.
import { quoteValue } from '../filter-string/grammar';
import { compareKeys } from '../run-fields';

/** One logged value of a model's metric, numbers already parsed. */
export interface ModelMetricPoint {
  key: string;
  value: number;
  step: number;
  timestamp: number;
  /** The dataset it was computed on (`mlflow.log_metric(..., dataset=…)`), if any. */
  datasetName?: string | undefined;
  datasetDigest?: string | undefined;
}

export interface LatestMetric extends ModelMetricPoint {
  /** The key, with the dataset in brackets when there is one: `loss (eval)`. */
  label: string;
}

/**
 * The latest value of each metric. MLflow's search and get answer a model's whole history (every
 * step of every key), and one key may be logged on several datasets: each (key, dataset) pair is a
 * metric of its own, as in MLflow's UI. Latest is the highest step, then the latest timestamp.
 */
export function latestMetrics(points: readonly ModelMetricPoint[]): LatestMetric[] {
  const latest = new Map<string, ModelMetricPoint>();
  for (const p of points) {
    const id = JSON.stringify([p.key, p.datasetName ?? '', p.datasetDigest ?? '']);
    const seen = latest.get(id);
    if (!seen || p.step > seen.step || (p.step === seen.step && p.timestamp >= seen.timestamp)) {
      latest.set(id, p);
    }
  }
  return [...latest.values()]
    .map((p) => ({ ...p, label: p.datasetName ? `${p.key} (${p.datasetName})` : p.key }))
    .sort((a, b) => compareKeys(a.key, b.key) || compareKeys(a.label, b.label));
}

export interface Registration {
  name: string;
  version: string;
}

/** The tag MLflow's server sets on a logged model when a version is registered from it. */
export const MODEL_VERSIONS_TAG = 'mlflow.modelVersions';

type RawRegistration = { name?: unknown; version?: unknown };

function registration(raw: RawRegistration): Registration | undefined {
  const { name, version } = raw;
  if (typeof name !== 'string' || !name) return undefined;
  if (typeof version !== 'string' && typeof version !== 'number') return undefined;
  return { name, version: String(version) };
}

/**
 * The registry versions made from a logged model. The proto has `registrations`, but MLflow 3's
 * own server leaves it empty and records each registration in the `mlflow.modelVersions` tag
 * instead: a JSON list of `{name, version}` whose version is a number when the server wrote it and
 * a string when `mlflow.register_model` did, so the same version can be listed twice. Both
 * sources are read, and each version is listed once. A version deleted since still appears in the
 * tag (MLflow does not update it).
 */
export function registrationsOf(
  registrations: readonly RawRegistration[] | undefined,
  versionsTag: string | undefined,
): Registration[] {
  let tagged: unknown = [];
  try {
    tagged = versionsTag ? JSON.parse(versionsTag) : [];
  } catch {
    // Not MLflow's JSON (someone set the tag by hand): the registrations field still counts.
  }
  const raw = [...(registrations ?? []), ...(Array.isArray(tagged) ? tagged : [])];
  const out = new Map<string, Registration>();
  for (const item of raw) {
    const r = item && typeof item === 'object' ? registration(item as RawRegistration) : undefined;
    if (r) out.set(JSON.stringify([r.name, r.version]), r);
  }
  return [...out.values()].sort(
    (a, b) => compareKeys(a.name, b.name) || Number(a.version) - Number(b.version),
  );
}

const STATUS_LABELS: Record<string, string> = {
  LOGGED_MODEL_READY: 'Ready',
  LOGGED_MODEL_PENDING: 'Pending',
  LOGGED_MODEL_UPLOAD_FAILED: 'Upload failed',
};

/** `LOGGED_MODEL_READY` → "Ready"; an unknown status is shown as MLflow names it. */
export function loggedModelStatusLabel(status: string | undefined): string {
  if (!status || status === 'LOGGED_MODEL_STATUS_UNSPECIFIED') return 'Unknown';
  return STATUS_LABELS[status] ?? status;
}

/**
 * The logged model a registry version was made from: its `model_id` where the server returns one
 * (MLflow 3.x's own server does not, though it accepts it on create), else read from a
 * `models:/<model id>` source. Per MLflow's URI grammar a one-segment path without `@` is a model
 * id; `models:/name/3` and `models:/name@alias` point at registry versions instead.
 */
export function loggedModelIdOf(version: {
  model_id?: string | undefined;
  source?: string | undefined;
}): string | undefined {
  if (version.model_id) return version.model_id;
  const match = /^models:\/([^/@]+)$/.exec(version.source?.trim() ?? '');
  return match?.[1];
}

/** The search filter for the models a run logged; undefined when the id cannot be quoted. */
export function sourceRunFilter(runId: string): string | undefined {
  const literal = quoteValue(runId);
  return literal ? `source_run_id = ${literal}` : undefined;
}

/**
 * Whether an error says the server has no logged-model endpoints, rather than that something
 * failed. MLflow 2.x has no such route: its web framework answers 404 with an HTML page.
 * Databricks (and Parallax's own gate) say ENDPOINT_NOT_FOUND; a 501 is "not implemented". A 404
 * with RESOURCE_DOES_NOT_EXIST is MLflow 3 saying one model is missing, which is not this.
 */
export function isEndpointMissing(error: { status: number; errorCode: string }): boolean {
  if (error.errorCode === 'ENDPOINT_NOT_FOUND' || error.status === 501) return true;
  return error.status === 404 && error.errorCode !== 'RESOURCE_DOES_NOT_EXIST';
}
