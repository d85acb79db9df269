// Autocomplete for the filter: what may come at the caret (a key, a comparator, a value, AND),
// filtered and ranked by what is already typed there. Pure, so the bar stays a thin view.

import {
  DATASET_KEYS,
  kindOf,
  NUMERIC_ATTRIBUTES,
  NUMERIC_COMPARATORS,
  quoteKey,
  quoteValue,
  RUN_STATUSES,
  rulesFor,
  SET_COMPARATORS,
  STRING_ATTRIBUTES,
  canonicalAttribute,
} from './grammar';
import type { Comparator, FilterKeys, FilterKind } from './grammar';
import { tokenize } from './tokenize';
import type { Token } from './tokenize';

export interface SuggestContext {
  keys: FilterKeys;
  valuesFor: (kind: 'params' | 'tags', key: string) => string[];
}

export interface Suggestion {
  /** What the list shows. */
  label: string;
  /** What replaces `from…to`; ends with a space when the next part can follow at once. */
  insert: string;
  type: 'prefix' | 'key' | 'comparator' | 'value' | 'keyword';
  /** A short hint shown beside the label (`metric`, `param`…). */
  detail?: string;
}

export interface SuggestionResult {
  /** The range of the text the suggestions replace (the partly typed word at the caret). */
  from: number;
  to: number;
  items: Suggestion[];
}

type State =
  | { at: 'key' }
  | { at: 'comparator'; kind: FilterKind; key: string }
  | { at: 'value'; kind: FilterKind; key: string; comparator: Comparator }
  | { at: 'after' }
  | { at: 'none' };

const PREFIXES: { kind: FilterKind; detail: string }[] = [
  { kind: 'metrics', detail: 'a metric' },
  { kind: 'params', detail: 'a param' },
  { kind: 'tags', detail: 'a tag' },
  { kind: 'attributes', detail: 'run_name, status…' },
  { kind: 'datasets', detail: 'name, digest, context' },
];
const DETAIL: Record<FilterKind, string> = {
  metrics: 'metric',
  params: 'param',
  tags: 'tag',
  attributes: 'attribute',
  datasets: 'dataset',
};

/** Suggestions for the caret position in `text`, best first, at most `limit`. */
export function suggest(
  text: string,
  caret: number,
  context: SuggestContext,
  limit = 50,
): SuggestionResult {
  const units = groupUnits(tokenize(text));
  // The unit the caret touches is being typed: it is what the suggestions complete.
  const current = units.find((u) => u.start < caret && caret <= u.end);
  const before = units.filter((u) => u.end <= (current?.start ?? caret));
  const from = current?.start ?? caret;
  const to = current?.end ?? caret;
  const partial = current ? text.slice(current.start, caret) : '';
  const state = stateAfter(before);
  const items = candidates(state, partial, context);
  return { from, to, items: items.slice(0, limit) };
}

interface Unit {
  tokens: Token[];
  text: string;
  start: number;
  end: number;
}

const JOINABLE = new Set(['word', 'dot', 'backtick', 'dquote', 'squote']);

/** Glues adjacent key parts (`metrics` `.` `val`) into one unit, the way a person reads them. */
function groupUnits(tokens: Token[]): Unit[] {
  const units: Unit[] = [];
  for (const tok of tokens) {
    const last = units.at(-1);
    const lastTok = last?.tokens.at(-1);
    if (
      last &&
      lastTok &&
      lastTok.end === tok.start &&
      JOINABLE.has(lastTok.type) &&
      JOINABLE.has(tok.type) &&
      (lastTok.type === 'dot' || tok.type === 'dot')
    ) {
      last.tokens.push(tok);
      last.text += tok.text;
      last.end = tok.end;
    } else {
      units.push({ tokens: [tok], text: tok.text, start: tok.start, end: tok.end });
    }
  }
  return units;
}

function stateAfter(units: Unit[]): State {
  let state: State = { at: 'key' };
  let inList = false;
  let pendingNot = false;
  for (const unit of units) {
    const upper = unit.text.toUpperCase();
    switch (state.at) {
      case 'key': {
        const id = identifierOf(unit);
        state = id ? { at: 'comparator', ...id } : { at: 'none' };
        break;
      }
      case 'comparator': {
        const { kind, key }: { kind: FilterKind; key: string } = state;
        if (pendingNot) {
          state =
            upper === 'IN' ? { at: 'value', kind, key, comparator: 'NOT IN' } : { at: 'none' };
          pendingNot = false;
        } else if (upper === 'NOT') {
          pendingNot = true;
        } else {
          const comparator = comparatorOf(unit);
          state = comparator ? { at: 'value', kind, key, comparator } : { at: 'none' };
        }
        break;
      }
      case 'value':
        if (state.comparator === 'IN' || state.comparator === 'NOT IN') {
          if (unit.text === '(') inList = true;
          else if (unit.text === ')' && inList) {
            inList = false;
            state = { at: 'after' };
          }
        } else {
          state = { at: 'after' };
        }
        break;
      case 'after':
        state = upper === 'AND' ? { at: 'key' } : { at: 'none' };
        break;
      case 'none':
        break;
    }
  }
  if (state.at === 'value' && (state.comparator === 'IN' || state.comparator === 'NOT IN'))
    return { at: 'none' };
  if (pendingNot) return { at: 'none' };
  return state;
}

function unquote(text: string): string {
  const q = text.charAt(0);
  if (q === '`' || q === '"' || q === "'") {
    return text.length > 1 && text.endsWith(q) ? text.slice(1, -1) : text.slice(1);
  }
  return text;
}

/** `metrics.acc` → metrics / acc; `run_name` → attributes / run_name. */
function splitKey(text: string): { kind: FilterKind | undefined; alias: string; key: string } {
  const dot = text.indexOf('.');
  if (dot > 0 && !/^[`"']/.test(text)) {
    const alias = text.slice(0, dot);
    return { kind: kindOf(alias), alias, key: unquote(text.slice(dot + 1)) };
  }
  return { kind: undefined, alias: '', key: unquote(text) };
}

function identifierOf(unit: Unit): { kind: FilterKind; key: string } | undefined {
  const first = unit.tokens[0];
  if (!first || !['word', 'backtick', 'dquote'].includes(first.type)) return undefined;
  const { kind, key } = splitKey(unit.text);
  if (kind) return { kind, key };
  return unit.text.includes('.') && first.type === 'word' ? undefined : { kind: 'attributes', key };
}

function comparatorOf(unit: Unit): Comparator | undefined {
  const upper = unit.text.toUpperCase();
  if (unit.tokens[0]?.type === 'op')
    return (NUMERIC_COMPARATORS as string[]).includes(upper) ? (upper as Comparator) : undefined;
  return upper === 'LIKE' || upper === 'ILIKE' || upper === 'IN' ? upper : undefined;
}

const byName = (a: string, b: string) => a.localeCompare(b);

interface Ranked extends Suggestion {
  score: number;
}

/** 0: the label starts with the typed text; 1: the key does; 2: contains it; -1: no match. */
function score(label: string, key: string, typed: string): number {
  if (typed === '') return 0;
  const t = typed.toLowerCase();
  if (label.toLowerCase().startsWith(t)) return 0;
  if (key.toLowerCase().startsWith(t)) return 1;
  if (label.toLowerCase().includes(t)) return 2;
  return -1;
}

function candidates(state: State, partial: string, context: SuggestContext): Suggestion[] {
  const ranked: Ranked[] = [];
  const add = (s: Suggestion, rank: number) => {
    if (rank >= 0) ranked.push({ ...s, score: rank });
  };
  switch (state.at) {
    case 'key': {
      const typed = splitKey(partial);
      const keysOf = (kind: FilterKind): string[] =>
        kind === 'attributes'
          ? [...STRING_ATTRIBUTES, ...NUMERIC_ATTRIBUTES]
          : kind === 'datasets'
            ? DATASET_KEYS
            : context.keys[kind];
      const sortedKeys = (kind: FilterKind) =>
        kind === 'attributes' || kind === 'datasets'
          ? keysOf(kind)
          : [...keysOf(kind)].sort(byName);
      if (typed.kind) {
        // `metrics.acc`: keys of that kind whose name matches what follows the dot.
        for (const key of sortedKeys(typed.kind)) {
          const label = `${typed.kind}.${quoteKey(key)}`;
          add(
            { label, insert: `${label} `, type: 'key', detail: DETAIL[typed.kind] },
            score(key, key, typed.key),
          );
        }
        break;
      }
      for (const { kind, detail } of PREFIXES) {
        const label = `${kind}.`;
        add(
          { label, insert: label, type: 'prefix', detail },
          partial === '' || label.startsWith(partial.toLowerCase()) ? 0 : -1,
        );
      }
      if (partial === '') break;
      for (const { kind } of PREFIXES) {
        for (const key of sortedKeys(kind)) {
          const label = `${kind}.${quoteKey(key)}`;
          const rank = score(label, key, typed.key);
          add(
            { label, insert: `${label} `, type: 'key', detail: DETAIL[kind] },
            rank === 0 ? 1 : rank,
          );
        }
      }
      break;
    }
    case 'comparator': {
      const rules = rulesFor(state.kind, state.key);
      const list = rules
        ? rules.comparators.filter((c) => rules.list || (c !== 'IN' && c !== 'NOT IN'))
        : [...SET_COMPARATORS, '>', '>=', '<', '<='];
      for (const c of list) {
        add(
          {
            label: c,
            insert: c === 'IN' || c === 'NOT IN' ? `${c} (` : `${c} `,
            type: 'comparator',
          },
          score(c, c, partial) === 0 ? 0 : -1,
        );
      }
      // Keep the grammar's order (= first): it reads better than alphabetical for operators.
      return ranked;
    }
    case 'value': {
      let values: string[] = [];
      if (state.kind === 'params' || state.kind === 'tags')
        values = context.valuesFor(state.kind, state.key);
      if (state.kind === 'attributes' && canonicalAttribute(state.key) === 'status')
        values = RUN_STATUSES;
      const typed = unquote(partial);
      for (const value of [...new Set(values)].sort(byName)) {
        const literal = quoteValue(value);
        if (literal)
          add({ label: literal, insert: `${literal} `, type: 'value' }, score(value, value, typed));
      }
      break;
    }
    case 'after':
      add(
        { label: 'AND', insert: 'AND ', type: 'keyword' },
        score('AND', 'AND', partial) === 0 ? 0 : -1,
      );
      break;
    case 'none':
      break;
  }
  // Stable: within a rank, candidates keep the order they were added in (sorted names, or the
  // grammar's order for prefixes).
  return ranked.sort((a, b) => a.score - b.score).map(({ score: _score, ...s }) => s);
}
