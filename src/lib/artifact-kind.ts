// Which previewer an artifact gets, and the checks that keep a preview cheap and safe.

export type ArtifactKind =
  'image' | 'table' | 'json' | 'yaml' | 'html' | 'mlmodel' | 'text' | 'other';

/** MLflow's own UI does not preview above this either; our server answers 413 past it. */
export const PREVIEW_CAP_BYTES = 50 * 1024 * 1024;

// THE list of artifact names Parallax previews, shared by the SPA (which previewer) and the server
// (server/artifact.ts: which safe content type it sends). One list, so the two never disagree about
// a file: a name the SPA previews as text is always sent as text, and anything not listed is
// neither previewed nor sent as anything but bytes.

// prettier-ignore
const TEXT_EXTENSIONS = [
  'txt', 'log', 'err', 'out', 'md', 'rst', 'xml', 'py', 'js', 'ts', 'sh', 'ini', 'cfg', 'conf',
  'toml', 'properties', 'sql', 'r', 'jsonl',
] as const;

/** Previewer by lower-cased extension. */
export const ARTIFACT_EXTENSIONS: Readonly<Record<string, ArtifactKind>> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  svg: 'image',
  csv: 'table',
  tsv: 'table',
  json: 'json',
  // A notebook is a JSON document: the tree shows its cells and outputs, and never runs them.
  ipynb: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  html: 'html',
  htm: 'html',
  ...Object.fromEntries(TEXT_EXTENSIONS.map((ext) => [ext, 'text' as const])),
};

/**
 * Previewer by exact file name, before the extension is looked at: the files MLflow itself writes
 * without an extension. Case matters: the model view reads `<dir>/MLmodel` by that name.
 */
export const ARTIFACT_NAMES: Readonly<Record<string, ArtifactKind>> = {
  MLmodel: 'mlmodel',
  MLproject: 'yaml',
};

/** The image types the server sends images as (every `image` extension above has one). */
export const IMAGE_MIME_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

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
  // hasOwn: a file named `constructor` or `x.toString` must not find Object.prototype's members.
  const name = baseName(path);
  if (Object.hasOwn(ARTIFACT_NAMES, name)) return ARTIFACT_NAMES[name] ?? 'other';
  const ext = extension(path);
  if (Object.hasOwn(ARTIFACT_EXTENSIONS, ext)) return ARTIFACT_EXTENSIONS[ext] ?? 'other';
  return 'other';
}

/**
 * The only types an artifact is ever sent as: an image as itself, anything the SPA previews as
 * plain text (HTML included: the SPA puts it in a sandboxed frame, it is never rendered by its
 * type), everything else as bytes.
 */
export function artifactContentType(path: string): string {
  const kind = artifactKind(path);
  if (kind === 'image') return IMAGE_MIME_TYPES[extension(path)] ?? 'application/octet-stream';
  if (kind === 'other') return 'application/octet-stream';
  return 'text/plain; charset=utf-8';
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
