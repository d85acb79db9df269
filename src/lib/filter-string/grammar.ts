// What MLflow's search-runs filter accepts on each side of a comparison (MLflow's SearchUtils,
// `SearchUtils` in mlflow/utils/search_utils.py), shared by the parser and autocomplete.

import { quotedEnd } from './tokenize';

export type FilterKind = 'metrics' | 'params' | 'tags' | 'attributes' | 'datasets';

export type Comparator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN';

/** Keys seen in the loaded runs, for autocomplete. */
export interface FilterKeys {
  metrics: string[];
  params: string[];
  tags: string[];
}

export const KIND_ALIASES: Readonly<Record<string, FilterKind>> = {
  metric: 'metrics',
  metrics: 'metrics',
  param: 'params',
  params: 'params',
  parameter: 'params',
  parameters: 'params',
  tag: 'tags',
  tags: 'tags',
  attribute: 'attributes',
  attributes: 'attributes',
  attr: 'attributes',
  run: 'attributes',
  dataset: 'datasets',
  datasets: 'datasets',
};

/** The alias of `word` (case-sensitive, as in MLflow), or undefined. */
export function kindOf(word: string): FilterKind | undefined {
  return Object.hasOwn(KIND_ALIASES, word) ? KIND_ALIASES[word] : undefined;
}

export const NUMERIC_COMPARATORS: readonly Comparator[] = ['=', '!=', '>', '>=', '<', '<='];
export const STRING_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE'];
export const SET_COMPARATORS: readonly Comparator[] = [...STRING_COMPARATORS, 'IN', 'NOT IN'];

/** Searchable run attributes (`@searchable_attribute` in mlflow/entities/run_info.py) and aliases. */
export const STRING_ATTRIBUTES = ['run_id', 'run_name', 'status', 'user_id', 'artifact_uri'];
export const NUMERIC_ATTRIBUTES = ['start_time', 'end_time'];
const ATTRIBUTE_ALIASES: Readonly<Record<string, string>> = {
  'run name': 'run_name',
  'Run name': 'run_name',
  'Run Name': 'run_name',
  created: 'start_time',
  Created: 'start_time',
};
export const DATASET_KEYS = ['name', 'digest', 'context'];
export const RUN_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'];

export type ValueType = 'number' | 'string';

export interface KeyRules {
  comparators: readonly Comparator[];
  value: ValueType;
  /** Whether `IN (…)` / `NOT IN (…)` take a list here (MLflow: run_id and datasets only). */
  list: boolean;
}

/**
 * The comparators and value type for `kind.key`. Undefined for an attribute this grammar does not
 * know: the caller lets those through, because the attribute vocabulary changes between MLflow
 * versions and the server names the ones it knows when it refuses (see parse.ts).
 */
export function rulesFor(kind: FilterKind, key: string): KeyRules | undefined {
  switch (kind) {
    case 'metrics':
      return { comparators: NUMERIC_COMPARATORS, value: 'number', list: false };
    case 'params':
    case 'tags':
      return { comparators: STRING_COMPARATORS, value: 'string', list: false };
    case 'datasets':
      return DATASET_KEYS.includes(key)
        ? { comparators: SET_COMPARATORS, value: 'string', list: true }
        : undefined;
    case 'attributes': {
      const name = canonicalAttribute(key);
      if (NUMERIC_ATTRIBUTES.includes(name))
        return { comparators: NUMERIC_COMPARATORS, value: 'number', list: false };
      if (STRING_ATTRIBUTES.includes(name))
        return { comparators: SET_COMPARATORS, value: 'string', list: name === 'run_id' };
      return undefined;
    }
  }
}

export function canonicalAttribute(key: string): string {
  return Object.hasOwn(ATTRIBUTE_ALIASES, key) ? (ATTRIBUTE_ALIASES[key] ?? key) : key;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A key as it must be written in a filter: bare when it is a plain word, else backtick-quoted. */
export function quoteKey(key: string): string {
  if (PLAIN_KEY.test(key)) return key;
  return key.includes('`') ? `"${key}"` : `\`${key}\``;
}

/**
 * A string value as a filter literal that MLflow reads back as exactly `value`, or undefined when
 * no literal can. MLflow unescapes nothing inside quotes (see tokenize.ts), so a quote in the value
 * is carried by the other kind around it (`Ada's run` → `"Ada's run"`); a value with both kinds, or
 * ending in a backslash (which would swallow the closing quote), has no literal.
 */
export function quoteValue(value: string): string | undefined {
  // Single quotes unless the value has one: `'Ada''s run'` also reads back right, but looks like
  // SQL's escape for `Ada's run`.
  for (const quote of value.includes("'") ? ['"', "'"] : ["'", '"']) {
    const literal = `${quote}${value}${quote}`;
    // Read as MLflow does with more text after it: the literal must end at its own closing quote,
    // not earlier (a lone quote in the value) nor later (a backslash escaping the closing quote).
    if (quotedEnd(`${literal} ${quote}`, 0) === literal.length) return literal;
  }
  return undefined;
}
