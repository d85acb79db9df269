// Registering a run's model: which models a run holds, the request MLflow's own client would send
// for `mlflow.register_model(...)`, the names MLflow refuses, the Python a Unity Catalog registry
// needs instead, and how long to wait for a version to be ready. No I/O, no React.

/** A model a run holds, in one of the two places MLflow keeps them. */
export type ModelSource =
  /** A folder of the run's artifacts holding an `MLmodel` file ('' is the artifact root). */
  | { kind: 'artifacts'; path: string }
  /** An MLflow 3 logged model the run produced (`log_model` keeps it outside the run's artifacts). */
  | { kind: 'logged-model'; modelId: string; name: string };

/** One identity per source, for React keys and radio values. */
export function sourceKey(source: ModelSource): string {
  return source.kind === 'artifacts'
    ? `artifacts:${source.path}`
    : `logged-model:${source.modelId}`;
}

/**
 * The folders holding an MLmodel among a listing's file paths (run-relative), sorted. MLflow reads
 * a folder as a model exactly when this file is in it.
 */
export function modelFolders(filePaths: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const path of filePaths) {
    const slash = path.lastIndexOf('/');
    if (path.slice(slash + 1) === 'MLmodel') folders.add(slash < 0 ? '' : path.slice(0, slash));
  }
  return [...folders].sort();
}

/**
 * The artifact paths MLflow 2's `log_model` recorded in the run's `mlflow.log-model.history` tag
 * (a JSON list of `{artifact_path, …}`); nothing for a missing or malformed tag.
 */
export function loggedModelHistoryPaths(tag: string | undefined): string[] {
  if (!tag) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(tag);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const paths = new Set<string>();
  for (const entry of parsed as unknown[]) {
    const path: unknown =
      entry !== null && typeof entry === 'object'
        ? (entry as { artifact_path?: unknown }).artifact_path
        : undefined;
    if (typeof path === 'string') paths.add(path.replace(/^\/+|\/+$/g, ''));
  }
  return [...paths].sort();
}

/**
 * A run's models as the dialog offers them: its logged models first (where MLflow 3 keeps what
 * `log_model` wrote), in the order given, then its artifact folders by path; each once.
 */
export function runModelSources(
  loggedModels: readonly { modelId: string; name: string }[],
  artifactFolders: readonly string[],
): ModelSource[] {
  const out: ModelSource[] = [];
  const seen = new Set<string>();
  const add = (source: ModelSource) => {
    const key = sourceKey(source);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(source);
  };
  for (const m of loggedModels) add({ kind: 'logged-model', modelId: m.modelId, name: m.name });
  for (const path of [...artifactFolders].sort()) add({ kind: 'artifacts', path });
  return out;
}

/**
 * The model URI a Python user would pass to `mlflow.register_model`: `runs:/<run>/<path>` for an
 * artifact folder, `models:/<model id>` for a logged model (exact, where `runs:/<run>/<name>`
 * would pick among logged models of the same name).
 */
export function modelUri(runId: string, source: ModelSource): string {
  return source.kind === 'artifacts'
    ? `runs:/${runId}/${source.path}`
    : `models:/${source.modelId}`;
}

/**
 * MLflow's `append_to_uri_path`: `path` joined to the path part of `uri` with one slash, any query
 * or fragment kept after it. The root ('') leaves the URI as it is, as `get_artifact_uri` does.
 */
export function appendToUriPath(uri: string, path: string): string {
  const suffix = path.replace(/^\/+/, '');
  if (suffix === '') return uri;
  const cut = uri.search(/[?#]/);
  const base = cut < 0 ? uri : uri.slice(0, cut);
  const rest = cut < 0 ? '' : uri.slice(cut);
  return `${base}${base.endsWith('/') ? '' : '/'}${suffix}${rest}`;
}

/** The body of `model-versions/create`. */
export interface CreateVersionRequest {
  name: string;
  source: string;
  run_id: string;
  model_id?: string;
}

/**
 * What MLflow's Python client sends for `mlflow.register_model("runs:/<run>/<path>", name)`
 * (`_register_model` in mlflow/tracking/_model_registry/fluent.py): when the run's artifacts hold
 * the MLmodel, the source is the folder's full artifact URI and the run id goes with it; when the
 * model is a logged model, the source is `models:/<model id>` and both ids go with it.
 */
export function createVersionRequest(
  name: string,
  run: { runId: string; artifactUri: string },
  source: ModelSource,
): CreateVersionRequest {
  if (source.kind === 'logged-model') {
    return {
      name,
      source: `models:/${source.modelId}`,
      run_id: run.runId,
      model_id: source.modelId,
    };
  }
  return { name, source: appendToUriPath(run.artifactUri, source.path), run_id: run.runId };
}

/**
 * Why MLflow would refuse a registered model's name, or undefined. Its rules
 * (`_validate_model_name` in mlflow/utils/validation.py): not blank, no `/` or `:`, and not a
 * name a file system would read as another path (`.`, or anything starting with `..`).
 */
export function modelNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name for the model.';
  if (/[/:]/.test(name)) return 'A model name cannot contain “/” or “:”.';
  if (name === '.' || name.startsWith('..'))
    return 'MLflow refuses a name that reads as a path: it cannot be “.” or start with “..”.';
  return undefined;
}

// Characters that would make a pasted snippet lie or break: controls, line and paragraph
// separators, invisible format characters (bidi overrides reorder the text shown around them,
// zero-width ones hide), unassigned and private code points, lone surrogates, and spaces that are
// not U+0020.
const ESCAPED = /[\p{C}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * A Python string literal that reads back as exactly `value`, whatever it holds. Quotes and
 * backslashes are escaped; every character in `ESCAPED` is written as `\x`, `\u` or `\U`, so the
 * snippet shows what Python will see.
 */
export function pythonString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (!ESCAPED.test(ch)) out += ch;
    else if (cp <= 0xff) out += `\\x${hex(cp, 2)}`;
    else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return `${out}"`;
}

/**
 * The Python that registers the model in Unity Catalog. UC takes a version's files through an
 * upload with temporary cloud-storage credentials, which only a client such as MLflow's may hold;
 * Parallax's browser page never does, so it shows this instead of registering.
 */
export function ucRegisterSnippet(runId: string, source: ModelSource, name: string): string {
  return [
    'import mlflow',
    '',
    'mlflow.set_registry_uri("databricks-uc")',
    `mlflow.register_model(${pythonString(modelUri(runId, source))}, ${pythonString(name)})`,
  ].join('\n');
}

export type RegistrationState = 'pending' | 'ready' | 'failed';

/** A version's registration as MLflow reports it; a version without a status is ready. */
export function registrationState(status: string | undefined): RegistrationState {
  if (status === 'PENDING_REGISTRATION') return 'pending';
  if (status === 'FAILED_REGISTRATION') return 'failed';
  return 'ready';
}

/**
 * How often to ask whether a new version is ready: soon at first (the open-source server is ready
 * at once), then backing off to every few seconds (a Databricks copy can take minutes), giving up
 * after MLflow's own client does (`register_model` waits 300 s).
 */
export const REGISTRATION_POLL = {
  firstDelayMs: 500,
  factor: 1.5,
  maxDelayMs: 5_000,
  giveUpAfterMs: 300_000,
} as const;

/** The wait before the check after `checks` answered ones: 500 ms, 750 ms, … up to 5 s. */
export function pollDelay(checks: number, policy = REGISTRATION_POLL): number {
  const n = Math.max(0, Math.floor(checks) - 1);
  return Math.min(policy.maxDelayMs, Math.round(policy.firstDelayMs * policy.factor ** n));
}

/** Whether to ask again: the version is still pending and the wait has not run out. */
export function shouldPollAgain(
  state: RegistrationState,
  elapsedMs: number,
  policy = REGISTRATION_POLL,
): boolean {
  return state === 'pending' && elapsedMs < policy.giveUpAfterMs;
}
