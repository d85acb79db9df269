// The models list's search box in MLflow's registered-models/search grammar (MLflow's
// SearchModelUtils and its SQL store): `<condition> AND <condition> …`, where a condition is
//   name | attribute.name   =, !=, LIKE, ILIKE  'text'   or  IN / NOT IN ('a', 'b')
//   tag.<key> | tags.<key>  =, !=, LIKE, ILIKE  'text'
// with string values in single or double quotes, keys with symbols in backquotes or double quotes,
// no OR, no parentheses around conditions, no IS NULL and no numbers.
//
// It reuses the runs filter's tokenizer (which ends quoted literals exactly where MLflow's sqlparse
// does) and its FilterError shape, but not its parser: that one knows the runs vocabulary
// (metrics, params, datasets, numeric comparators) and would accept clauses MLflow refuses here.
// Like the runs parser it is at least as strict as MLflow: a leading or trailing AND, which MLflow
// ignores, is refused too.

import type { FilterError } from '../filter-string';
import { connectiveProblem, dottedKey, tokenize } from '../filter-string/tokenize';
import type { Token } from '../filter-string/tokenize';

export type ModelFilterResult = { ok: true } | { ok: false; error: FilterError };

class ModelFilterError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const NAME_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'];
const TAG_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE'];
const KEYWORDS = ['LIKE', 'ILIKE', 'IN', 'NOT'];

/**
 * Whether the box's text is meant as a filter rather than a name to search for: it has a
 * comparator (`=`, `!=`, `<` …), a LIKE/ILIKE/IN/NOT after its first word, or starts with
 * `tag.`, `tags.` or `attribute.`. `churn model` stays a name search.
 */
export function looksLikeModelFilter(text: string): boolean {
  const tokens = tokenize(text);
  if (tokens.some((t) => t.type === 'op')) return true;
  const [first, second] = tokens;
  if (second?.type === 'word' && KEYWORDS.includes(second.value.toUpperCase())) return true;
  return (
    first?.type === 'word' &&
    ['tag', 'tags', 'attribute'].includes(first.value) &&
    second?.type === 'dot' &&
    second.start === first.end
  );
}

/** Checks a registered-models filter as MLflow would; the first error with its character range. */
export function validateModelFilter(input: string): ModelFilterResult {
  try {
    new Parser(input).parse();
    return { ok: true };
  } catch (e) {
    if (e instanceof ModelFilterError)
      return { ok: false, error: { message: e.message, start: e.start, end: e.end } };
    throw e;
  }
}

type Kind = 'name' | 'tag';

class Parser {
  private pos = 0;
  private readonly tokens: Token[];

  constructor(private readonly input: string) {
    this.tokens = tokenize(input);
  }

  parse(): void {
    if (this.tokens.length === 0) return;
    for (;;) {
      this.clause();
      const next = this.peek();
      if (!next) return;
      const problem = connectiveProblem(next, this.tokens[this.pos + 1]);
      if (problem) this.fail(problem.message, problem.start, problem.end);
      this.pos++; // the AND
    }
  }

  private clause(): void {
    const id = this.identifier();
    const comparator = this.comparator(id);
    if (comparator === 'IN' || comparator === 'NOT IN') this.list();
    else this.string(id.text);
  }

  private identifier(): { kind: Kind; text: string; end: number } {
    const first = this.next();
    if (!first) return this.fail('Expected a condition', this.input.length, this.input.length);
    const upper = first.type === 'word' ? first.value.toUpperCase() : '';
    if (upper === 'AND') this.fail('Expected a condition before AND', first.start, first.end);
    if (upper === 'OR') this.fail('OR is not supported by MLflow: use AND', first.start, first.end);
    if (first.type === 'lparen')
      this.fail(
        'Parentheses around conditions are not supported by MLflow: join conditions with AND',
        first.start,
        first.end,
      );
    if (first.type !== 'word')
      this.fail(
        `Expected name or tags.<key> at the start of a condition, found ${first.text}`,
        first.start,
        first.end,
      );
    const dot = this.peek();
    if (dot?.type !== 'dot' || dot.start !== first.end) {
      if (first.value !== 'name')
        this.fail(
          `Unknown key ${first.value}: models can be searched by name or tags.<key>`,
          first.start,
          first.end,
        );
      return this.glued({ kind: 'name', text: first.value, end: first.end }, first.start);
    }
    this.pos++; // the dot
    if (!['tag', 'tags', 'attribute'].includes(first.value))
      this.fail(`Unknown key type ${first.value}: use tags.<key>, or name`, first.start, first.end);
    const keyToken = this.peek();
    const isKey =
      keyToken?.start === dot.end &&
      (keyToken.type === 'word' || keyToken.type === 'backtick' || keyToken.type === 'dquote');
    if (!keyToken || !isKey)
      this.fail(`Expected a key after ${first.value}., e.g. tags.team`, dot.start, dot.end);
    this.pos++;
    if (keyToken.unterminated)
      this.fail(
        `Missing the closing ${keyToken.text.charAt(0)} of this key`,
        keyToken.start,
        keyToken.end,
      );
    let key = keyToken.value;
    let end = keyToken.end;
    if (keyToken.type === 'word')
      ({ key, end, pos: this.pos } = dottedKey(this.tokens, this.pos, keyToken));
    if (key === '') this.fail('The key is empty', keyToken.start, keyToken.end);
    const text = this.input.slice(first.start, end);
    if (first.value === 'attribute' && key !== 'name')
      this.fail(`Unknown attribute ${key}: models can be searched by name`, first.start, end);
    return this.glued(
      { kind: first.value === 'attribute' ? 'name' : 'tag', text, end },
      first.start,
    );
  }

  /** Characters glued to a bare key (`tags.cost-center`) mean the key needed quotes. */
  private glued<T extends { text: string; end: number }>(id: T, start: number): T {
    const next = this.peek();
    if (next && next.start === id.end && next.type !== 'op' && next.type !== 'lparen')
      this.fail(
        `Quote keys that contain spaces, dashes or other symbols, e.g. tags.\`cost-center\``,
        start,
        next.end,
      );
    return id;
  }

  private comparator(id: { kind: Kind; text: string; end: number }): string {
    const tok = this.next();
    if (!tok) return this.fail(`Expected a comparator after ${id.text}`, id.end, id.end);
    let comparator = tok.type === 'op' || tok.type === 'word' ? tok.value.toUpperCase() : '';
    let end = tok.end;
    if (comparator === 'NOT') {
      const after = this.peek();
      if (after?.type === 'word' && after.value.toUpperCase() === 'IN') {
        this.pos++;
        comparator = 'NOT IN';
        end = after.end;
      }
    }
    if (comparator === '<>') this.fail('Use != instead of <>', tok.start, tok.end);
    if (comparator === '==') this.fail('Use = instead of ==', tok.start, tok.end);
    if (comparator === 'IS')
      this.fail('IS (NULL) is not supported by MLflow for models', tok.start, tok.end);
    const allowed = id.kind === 'name' ? NAME_COMPARATORS : TAG_COMPARATORS;
    if (!allowed.includes(comparator)) {
      const what = id.kind === 'name' ? 'name' : 'a tag';
      return this.fail(
        tok.type === 'op' || KEYWORDS.includes(comparator) || comparator === 'NOT IN'
          ? `${comparator} is not supported for ${what}: use ${allowed.join(', ')}`
          : `Expected a comparator after ${id.text} (${allowed.join(', ')}), found ${tok.text}`,
        tok.start,
        end,
      );
    }
    return comparator;
  }

  private string(key: string): void {
    const tok = this.next();
    if (!tok)
      return this.fail(
        `Expected a quoted value after ${key}, e.g. 'churn'`,
        this.input.length,
        this.input.length,
      );
    if (tok.type !== 'squote' && tok.type !== 'dquote')
      this.fail(
        `Values are quoted strings: write '${tok.type === 'backtick' ? tok.value : tok.text}'`,
        tok.start,
        tok.end,
      );
    if (tok.unterminated)
      this.fail(`Missing the closing ${tok.text.charAt(0)} of this value`, tok.start, tok.end);
  }

  /** `('a', 'b')`: a non-empty list of quoted strings. */
  private list(): void {
    const open = this.next();
    if (open?.type !== 'lparen')
      return this.fail(
        "IN takes a list of quoted names, e.g. ('a', 'b')",
        open?.start ?? this.input.length,
        open?.end ?? this.input.length,
      );
    for (;;) {
      this.string('(');
      const sep = this.next();
      if (sep?.type === 'rparen') return;
      if (sep?.type !== 'comma')
        this.fail(
          'Expected , or ) in the list',
          sep?.start ?? this.input.length,
          sep?.end ?? this.input.length,
        );
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token | undefined {
    return this.tokens[this.pos++];
  }

  private fail(message: string, start: number, end: number): never {
    throw new ModelFilterError(message, start, end);
  }
}

/**
 * What is wrong with the search box's text, if anything: plain text (a name search) is always
 * fine; text that looks like a filter must be one MLflow accepts. Ranges are in `text` as typed.
 */
export function modelSearchError(text: string): FilterError | undefined {
  if (!looksLikeModelFilter(text)) return undefined;
  const result = validateModelFilter(text);
  return result.ok ? undefined : result.error;
}
