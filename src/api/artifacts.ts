import { api, buildQuery, toInt } from './client';
import { MlflowError, errorFromResponse } from './errors';
import type { FileInfo } from './types';

/** One entry of a run's artifact tree, as the UI reads it. */
export interface ArtifactEntry {
  /** Run-relative, e.g. `model/MLmodel`. */
  path: string;
  name: string;
  isDir: boolean;
  /** Absent for directories. */
  size: number | undefined;
}

interface ListArtifactsResponse {
  root_uri?: string;
  files?: FileInfo[];
  next_page_token?: string;
}

/** One directory level; follows `next_page_token` (OSS never sends one, Databricks may). */
export async function listArtifacts(
  runId: string,
  path: string,
  signal?: AbortSignal,
): Promise<ArtifactEntry[]> {
  const entries: ArtifactEntry[] = [];
  let pageToken: string | undefined;
  do {
    const res = await api.get<ListArtifactsResponse>(
      '/api/2.0/mlflow/artifacts/list',
      { run_id: runId, path: path || undefined, page_token: pageToken },
      signal,
    );
    for (const f of res.files ?? []) {
      entries.push({
        path: f.path,
        name: f.path.slice(f.path.lastIndexOf('/') + 1),
        isDir: f.is_dir === true,
        size: f.is_dir ? undefined : toInt(f.file_size),
      });
    }
    pageToken = res.next_page_token || undefined;
  } while (pageToken);
  return entries;
}

type ArtifactUrlOptions = { download?: boolean; preview?: boolean; optional?: boolean };

/**
 * Parallax's own artifact endpoint: safe content types, `?download=1` for attachments, `optional`
 * to have a missing file answer 204 rather than an error. `owner` names the run or the version.
 */
function ownArtifactUrl(
  owner: { run_id: string } | { name: string; version: string },
  path: string,
  options: ArtifactUrlOptions,
): string {
  return (
    '/parallax/api/artifact' +
    buildQuery({
      ...owner,
      path,
      download: options.download ? 1 : undefined,
      preview: options.preview ? 1 : undefined,
      optional: options.optional ? 1 : undefined,
    })
  );
}

/** A run's file through Parallax's artifact endpoint. */
export function artifactUrl(runId: string, path: string, options: ArtifactUrlOptions = {}) {
  return ownArtifactUrl({ run_id: runId }, path, options);
}

export interface ArtifactBytes {
  bytes: Uint8Array;
  /** Whole-file size (from Content-Range when a range was asked for). */
  totalSize: number;
  /** True when `bytes` is only part of the file. */
  partial: boolean;
}

/** `head` fetches the first N bytes, `tail` the last N; neither fetches the whole file. */
export type ByteWindow = { head: number } | { tail: number } | undefined;

/** Reads (part of) an artifact as bytes for a preview; errors arrive as MlflowError like every call. */
export async function fetchArtifactBytes(
  runId: string,
  path: string,
  window: ByteWindow,
  signal?: AbortSignal,
): Promise<ArtifactBytes> {
  const read = await readBytes(artifactUrl(runId, path, { preview: true }), window, signal);
  // Only an `optional` request is answered 204, and this one is not.
  return read ?? { bytes: new Uint8Array(), totalSize: 0, partial: false };
}

/** A model version's file (MLflow resolves the version to its files). */
function modelVersionArtifactUrl(
  name: string,
  version: string,
  path: string,
  options: ArtifactUrlOptions = {},
): string {
  return ownArtifactUrl({ name, version }, path, options);
}

/** Where a model version's files are read from. */
export type VersionFiles =
  | { kind: 'version'; name: string; version: string }
  /** A `runs:/<run>/<dir>` source, read from the run: MLflow's own route fails on those. */
  | { kind: 'run'; runId: string; dir: string };

const OPTIONAL_PREVIEW = { preview: true, optional: true } as const;

/**
 * A file of a model version, or the part `window` asks for; undefined when the version has no such
 * file (a model registered without an MLmodel, or a source that is a single file).
 */
export function fetchModelVersionBytes(
  files: VersionFiles,
  path: string,
  window: ByteWindow,
  signal?: AbortSignal,
): Promise<ArtifactBytes | undefined> {
  const url =
    files.kind === 'run'
      ? artifactUrl(files.runId, files.dir ? `${files.dir}/${path}` : path, OPTIONAL_PREVIEW)
      : modelVersionArtifactUrl(files.name, files.version, path, OPTIONAL_PREVIEW);
  return readBytes(url, window, signal);
}

async function readBytes(
  url: string,
  window: ByteWindow,
  signal: AbortSignal | undefined,
): Promise<ArtifactBytes | undefined> {
  const headers: Record<string, string> = {};
  if (window && 'head' in window) headers.Range = `bytes=0-${window.head - 1}`;
  if (window && 'tail' in window) headers.Range = `bytes=-${window.tail}`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers,
      signal: signal ?? null,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new MlflowError(
      0,
      'NETWORK_ERROR',
      `Parallax's server could not be reached (${String(e)})`,
    );
  }
  if (!res.ok) {
    throw errorFromResponse(res.status, res.headers.get('content-type'), await res.text());
  }
  if (res.status === 204) return undefined;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const total = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1];
  const totalSize = total !== undefined ? Number(total) : bytes.length;
  return { bytes, totalSize, partial: bytes.length < totalSize };
}
