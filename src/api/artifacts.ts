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

/** Parallax's own artifact endpoint: safe content types, `?download=1` for attachments. */
export function artifactUrl(
  runId: string,
  path: string,
  options: { download?: boolean; preview?: boolean } = {},
): string {
  return (
    '/parallax/api/artifact' +
    buildQuery({
      run_id: runId,
      path,
      download: options.download ? 1 : undefined,
      preview: options.preview ? 1 : undefined,
    })
  );
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
  const headers: Record<string, string> = {};
  if (window && 'head' in window) headers.Range = `bytes=0-${window.head - 1}`;
  if (window && 'tail' in window) headers.Range = `bytes=-${window.tail}`;
  let res: Response;
  try {
    res = await fetch(artifactUrl(runId, path, { preview: true }), {
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
  const bytes = new Uint8Array(await res.arrayBuffer());
  const total = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1];
  const totalSize = total !== undefined ? Number(total) : bytes.length;
  return { bytes, totalSize, partial: bytes.length < totalSize };
}
