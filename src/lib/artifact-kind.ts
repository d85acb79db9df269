// Which previewer an artifact gets, and the checks that keep a preview cheap and safe.

export type ArtifactKind =
  'image' | 'table' | 'json' | 'yaml' | 'html' | 'mlmodel' | 'text' | 'other';

/** MLflow's own UI does not preview above this either; our server answers 413 past it. */
export const PREVIEW_CAP_BYTES = 50 * 1024 * 1024;

const KINDS: Record<string, ArtifactKind> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  svg: 'image',
  csv: 'table',
  tsv: 'table',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  html: 'html',
  htm: 'html',
};

const TEXT_EXTENSIONS = new Set([
  'txt', 'log', 'err', 'out', 'md', 'rst', 'xml', 'py', 'js', 'ts', 'sh', 'ini', 'cfg', 'conf',
  'toml', 'properties', 'sql', 'r', 'jsonl', 'mlproject',
]); // prettier-ignore

/** The last path segment. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The directory part of a run-relative path ('' at the root). */
export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function extension(path: string): string {
  const name = baseName(path).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1);
}

/** The previewer for a file, by its name as MLflow's UI does (never by sniffing the bytes). */
export function artifactKind(path: string): ArtifactKind {
  const name = baseName(path);
  if (name === 'MLmodel') return 'mlmodel';
  if (name === 'MLproject') return 'yaml';
  const ext = extension(path);
  const kind = KINDS[ext];
  if (kind) return kind;
  return TEXT_EXTENSIONS.has(ext) ? 'text' : 'other';
}

/** Logs are read from the end first: the newest lines are what someone opens a log for. */
export function isLog(path: string): boolean {
  const ext = extension(path);
  return ext === 'log' || ext === 'err' || ext === 'out';
}

/**
 * True when the first bytes cannot be text: a NUL, or a byte sequence that is not UTF-8. A sequence
 * cut off at the end of the sample is not held against it.
 */
export function looksBinary(sample: Uint8Array): boolean {
  const head = sample.subarray(0, 1024);
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return false;
  } catch {
    return true;
  }
}

/** 1536 → "1.5 KB"; binary units, as file managers show them. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit] ?? 'TB'}`;
}

/** Drops a trailing partial line from text cut at a byte limit, so the last row is never half a row. */
export function dropPartialLastLine(text: string): string {
  const newline = text.lastIndexOf('\n');
  return newline < 0 ? text : text.slice(0, newline + 1);
}

/** Drops a leading partial line from text that starts mid-file (a tail). */
export function dropPartialFirstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline < 0 ? text : text.slice(newline + 1);
}

/** Bytes cut from the middle of a file may start inside a UTF-8 character: skip to the next one. */
export function skipContinuationBytes(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < 3 && start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
  return bytes.subarray(start);
}
