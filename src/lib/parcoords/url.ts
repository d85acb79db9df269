// The URL's spelling of a parallel-coordinates view, compact and readable:
//   pc=p:lr,p:max_depth:log,m:val_loss     the axes in order; `:log` asks for a log scale
//   pcb=p:lr:0.05:0.1;p:optimizer:=adam|sgd;m:val_loss:0.3:0.5:missing;m:acc:missing
//                                           brushes: a range (inclusive), a set of categories
//                                           (after `=`, `|` between), the missing slot alone, or
//                                           either with `:missing` to keep that slot too
//   pcc=m:val_loss                          the metric colouring the lines
// In a key or a category, `%`, `,`, `;`, `:`, `|` and white space are percent-encoded (%25, %2C…;
// the URL's own encoding comes on top), so entries split and trim safely. Every reader tolerates
// garbage: an entry it cannot read is dropped, the rest kept; no entry readable in `pc` reads as
// the default axes. `=` alone is a set of one empty category (a param may be the empty string).
import { parseAxisKey } from './types';
import type { AxisKey, AxisSpec, Brush, Brushes } from './types';

/** At most this many axes, brushes and categories per brush are read from a link. */
export const MAX_URL_AXES = 64;
export const MAX_URL_CATEGORIES = 200;

export function escapePart(text: string): string {
  return text.replace(/[%,;:|\s]/g, (c) => encodeURIComponent(c));
}

/** escapePart's inverse; a `%` that starts no valid sequence is kept as it is. */
export function unescapePart(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

/** `p:lr` → `p:lr`, `m:a:b` → `m:a%3Ab`. */
function formatKey(key: AxisKey): string | null {
  const parsed = parseAxisKey(key);
  return parsed ? `${key.slice(0, 2)}${escapePart(parsed.key)}` : null;
}

/** The axis key an entry's first two parts spell, or undefined. */
function readKey(kind: string | undefined, key: string | undefined): AxisKey | undefined {
  if ((kind !== 'p' && kind !== 'm') || !key) return undefined;
  const field = unescapePart(key);
  return field ? `${kind}:${field}` : undefined;
}

/** The axes a `pc` value names; undefined when it names none readable (but '' is no axes). */
export function readAxes(value: string | null): AxisSpec[] | undefined {
  if (value === null) return undefined;
  if (value.trim() === '') return [];
  const seen = new Set<AxisKey>();
  const out: AxisSpec[] = [];
  for (const entry of value.split(',')) {
    const [kind, key, scale, ...rest] = entry.trim().split(':');
    const axis = readKey(kind, key);
    if (!axis || rest.length > 0 || (scale !== undefined && scale !== 'log')) continue;
    if (seen.has(axis) || out.length >= MAX_URL_AXES) continue;
    seen.add(axis);
    out.push({ key: axis, scale: scale === 'log' ? 'log' : 'linear' });
  }
  return out.length > 0 ? out : undefined;
}

/** `pc`'s value; null for the default axes (undefined). */
export function formatAxes(axes: readonly AxisSpec[] | undefined): string | null {
  if (axes === undefined) return null;
  const seen = new Set<AxisKey>();
  const parts: string[] = [];
  for (const axis of axes) {
    const key = formatKey(axis.key);
    if (key === null || seen.has(axis.key) || parts.length >= MAX_URL_AXES) continue;
    seen.add(axis.key);
    parts.push(axis.scale === 'log' ? `${key}:log` : key);
  }
  return parts.join(',');
}

// Numbers as String() writes finite ones: 0.05, -3, 1e-7, 1.5e+21.
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function readNumber(text: string | undefined): number | undefined {
  if (text === undefined || !NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function readBrush(parts: string[]): Brush | undefined {
  const missing = parts[parts.length - 1] === 'missing';
  const body = missing ? parts.slice(0, -1) : parts;
  if (body.length === 0) return missing ? { kind: 'missing' } : undefined;
  if (body.length === 1 && body[0]?.startsWith('=')) {
    const listed = (body[0] as string).slice(1);
    const values = [...new Set(listed.split('|').map(unescapePart))].slice(0, MAX_URL_CATEGORIES);
    return { kind: 'set', values, missing };
  }
  if (body.length === 2) {
    const a = readNumber(body[0]);
    const b = readNumber(body[1]);
    if (a === undefined || b === undefined) return undefined;
    return { kind: 'range', lo: Math.min(a, b) || 0, hi: Math.max(a, b) || 0, missing };
  }
  return undefined;
}

/** The brushes a `pcb` value spells; the first of two on one axis wins. */
export function readBrushes(value: string | null): Brushes {
  const out = new Map<AxisKey, Brush>();
  if (!value) return out;
  for (const entry of value.split(';')) {
    const [kind, key, ...rest] = entry.trim().split(':');
    const axis = readKey(kind, key);
    if (!axis || out.has(axis) || out.size >= MAX_URL_AXES) continue;
    const brush = readBrush(rest);
    if (brush) out.set(axis, brush);
  }
  return out;
}

function formatBrush(brush: Brush): string | null {
  const tail = brush.kind !== 'missing' && brush.missing ? ':missing' : '';
  switch (brush.kind) {
    case 'missing':
      return 'missing';
    case 'range':
      if (!Number.isFinite(brush.lo) || !Number.isFinite(brush.hi)) return null;
      return `${Math.min(brush.lo, brush.hi) || 0}:${Math.max(brush.lo, brush.hi) || 0}${tail}`;
    case 'set': {
      const values = [...new Set(brush.values)].slice(0, MAX_URL_CATEGORIES);
      if (values.length === 0) return brush.missing ? 'missing' : null;
      return `=${values.map(escapePart).join('|')}${tail}`;
    }
  }
}

/** `pcb`'s value; null when there is no brush. */
export function formatBrushes(brushes: Brushes): string | null {
  const parts: string[] = [];
  for (const [axis, brush] of brushes) {
    const key = formatKey(axis);
    const text = formatBrush(brush);
    if (key !== null && text !== null && parts.length < MAX_URL_AXES) parts.push(`${key}:${text}`);
  }
  return parts.length > 0 ? parts.join(';') : null;
}

/** The metric a `pcc` value names; undefined for none or anything else. */
export function readColorBy(value: string | null): AxisKey | undefined {
  if (!value) return undefined;
  const [kind, key, ...rest] = value.trim().split(':');
  const axis = kind === 'm' && rest.length === 0 ? readKey(kind, key) : undefined;
  return axis;
}

export function formatColorBy(axis: AxisKey | undefined): string | null {
  if (axis === undefined || parseAxisKey(axis)?.source !== 'metric') return null;
  return formatKey(axis);
}
