// Everything that shapes the runs table, as it lives in the URL, so a reload or a pasted link
// reproduces the view: `?filter=…&sort=…&dir=…&cols=…&w=…&lifecycle=…&group=…&closed=…&open=…`.
import { readRunSort, writeRunSort } from './run-sort';
import type { RunSort } from './run-sort';

export type RunsLifecycle = 'active' | 'deleted' | 'all';

export const LIFECYCLE_VIEW_TYPE = {
  active: 'ACTIVE_ONLY',
  deleted: 'DELETED_ONLY',
  all: 'ALL',
} as const;

export type ColumnKind = 'metrics' | 'params' | 'tags';

/** One chosen metric / param / tag column, in display order. */
export interface ColumnChoice {
  kind: ColumnKind;
  key: string;
  pinned: boolean;
}

export interface RunsViewState {
  filter: string;
  sort: RunSort;
  /** Undefined until the user chooses: the table then shows its default columns. */
  columns: ColumnChoice[] | undefined;
  lifecycle: RunsLifecycle;
  /** `params.<key>` or `tags.<key>`. */
  groupBy: string | undefined;
  /** Run ids whose children are shown. */
  expanded: string[];
  /** Column widths in px by column id, only those the user changed. */
  widths: Readonly<Record<string, number>>;
  /** Values of the collapsed groups; null stands for the group of runs without the value. */
  closedGroups: (string | null)[];
}

export const MIN_COLUMN_WIDTH = 60;
export const MAX_COLUMN_WIDTH = 800;

export function clampColumnWidth(px: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, px)));
}

const KIND_CODE: Record<ColumnKind, string> = { metrics: 'm', params: 'p', tags: 't' };
const CODE_KIND: Record<string, ColumnKind> = { m: 'metrics', p: 'params', t: 'tags' };

// Keys are user data; only the list separator and the escape character itself need escaping.
const escapeKey = (key: string) => key.replaceAll('%', '%25').replaceAll(',', '%2C');
const unescapeKey = (key: string) => key.replaceAll('%2C', ',').replaceAll('%25', '%');

/** `^m.accuracy,p.lr,t.team`: kind letter, the key, a leading `^` for a pinned column. */
export function encodeColumns(columns: readonly ColumnChoice[]): string {
  return columns
    .map((c) => `${c.pinned ? '^' : ''}${KIND_CODE[c.kind]}.${escapeKey(c.key)}`)
    .join(',');
}

export function decodeColumns(value: string): ColumnChoice[] {
  const out: ColumnChoice[] = [];
  const seen = new Set<string>();
  for (const raw of value.split(',')) {
    const pinned = raw.startsWith('^');
    const token = pinned ? raw.slice(1) : raw;
    const kind = CODE_KIND[token.slice(0, 1)];
    const key = unescapeKey(token.slice(2));
    if (!kind || token[1] !== '.' || !key) continue;
    const id = `${kind}.${key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ kind, key, pinned });
  }
  return out;
}

// Column ids are `<kind>.<key>` (or a bare id like `duration`); the kind becomes one letter.
const ID_PREFIX: [string, string][] = [
  ['metrics.', 'm.'],
  ['params.', 'p.'],
  ['tags.', 't.'],
  ['attributes.', 'a.'],
];

function shortId(id: string): string {
  for (const [long, short] of ID_PREFIX)
    if (id.startsWith(long)) return short + escapeKey(id.slice(long.length));
  return escapeKey(id);
}

function longId(token: string): string {
  for (const [long, short] of ID_PREFIX)
    if (token.startsWith(short)) return long + unescapeKey(token.slice(short.length));
  return unescapeKey(token);
}

/** `m.accuracy:180,a.run_name:300`: short column id, a colon, whole pixels. */
export function encodeWidths(widths: Readonly<Record<string, number>>): string {
  return Object.entries(widths)
    .map(([id, px]) => `${shortId(id)}:${clampColumnWidth(px)}`)
    .join(',');
}

/** Unreadable tokens are dropped; widths out of range are clamped. */
export function decodeWidths(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const token of value.split(',')) {
    // The last colon: keys may contain colons, widths never do.
    const colon = token.lastIndexOf(':');
    const px = token.slice(colon + 1);
    if (colon <= 0 || !/^\d{1,5}$/.test(px)) continue;
    out[longId(token.slice(0, colon))] = clampColumnWidth(Number(px));
  }
  return out;
}

// A key-like escape for group values; `%00` cannot come out of it, so it stands for "no value".
const NO_VALUE = '%00';

/** Collapsed group values, comma-separated and escaped like column keys. */
export function encodeGroups(values: readonly (string | null)[]): string {
  return values.map((v) => (v === null ? NO_VALUE : escapeKey(v))).join(',');
}

export function decodeGroups(value: string): (string | null)[] {
  return [...new Set(value.split(',').map((t) => (t === NO_VALUE ? null : unescapeKey(t))))];
}

function readLifecycle(value: string | null): RunsLifecycle {
  return value === 'deleted' || value === 'all' ? value : 'active';
}

export function readRunsViewState(search: URLSearchParams): RunsViewState {
  const cols = search.get('cols');
  const open = search.get('open');
  const widths = search.get('w');
  const closed = search.get('closed');
  return {
    filter: search.get('filter') ?? '',
    sort: readRunSort(search),
    columns: cols === null ? undefined : decodeColumns(cols),
    lifecycle: readLifecycle(search.get('lifecycle')),
    groupBy: search.get('group') || undefined,
    expanded: open ? open.split(',').filter(Boolean) : [],
    widths: widths ? decodeWidths(widths) : {},
    // Present but empty is one group: the runs whose value is the empty string.
    closedGroups: closed === null ? [] : decodeGroups(closed),
  };
}

/** New search params with the given parts of the view written in; defaults leave the URL clean. */
export function writeRunsViewState(
  search: URLSearchParams,
  patch: Partial<RunsViewState>,
): URLSearchParams {
  let next = new URLSearchParams(search);
  const set = (name: string, value: string | undefined) => {
    if (value) next.set(name, value);
    else next.delete(name);
  };
  if (patch.filter !== undefined) set('filter', patch.filter.trim());
  if (patch.sort) next = writeRunSort(next, patch.sort);
  if ('columns' in patch) {
    if (patch.columns) next.set('cols', encodeColumns(patch.columns));
    else next.delete('cols');
  }
  if (patch.lifecycle) set('lifecycle', patch.lifecycle === 'active' ? '' : patch.lifecycle);
  if ('groupBy' in patch) set('group', patch.groupBy);
  if (patch.expanded) set('open', [...new Set(patch.expanded)].join(','));
  if (patch.widths) set('w', encodeWidths(patch.widths));
  if (patch.closedGroups) {
    if (patch.closedGroups.length > 0) next.set('closed', encodeGroups(patch.closedGroups));
    else next.delete('closed');
  }
  return next;
}
