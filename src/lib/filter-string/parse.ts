// The parser for MLflow's runs/search filter: `<condition> AND <condition> …`.
//
// Hand-written rather than generated: the filter bar's value is in its errors. A recursive-descent
// parser over our own tokens knows at every step what it expected and which token it found, so
// each error names the offending character range and says what to write instead, in the user's
// own words (`params.lr = '0.01'`). Parser generators give "unexpected token" messages and pull a
// runtime into the bundle for a grammar that is one loop of three-token clauses.
//
// It reads quoted literals exactly as MLflow does (see tokenize.ts) and is at least as strict as
// MLflow (it rejects a leading or trailing AND, which MLflow ignores) with one deliberate gap: an
// attribute name it does not know is passed through, because the attribute vocabulary differs
// between MLflow versions, and the server lists the names it knows when it refuses.

import {
  canonicalAttribute,
  kindOf,
  NUMERIC_ATTRIBUTES,
  rulesFor,
  SET_COMPARATORS,
  NUMERIC_COMPARATORS,
} from './grammar';
import type { Comparator, FilterKind, KeyRules } from './grammar';
import { connectiveProblem, dottedKey, tokenize } from './tokenize';
import type { Token } from './tokenize';

export type FilterValue =
  | { type: 'number'; value: number; text: string }
  | { type: 'string'; value: string }
  | { type: 'list'; values: string[] };

export interface Clause {
  kind: FilterKind;
  /** The key without quotes; attribute aliases are kept as written (`created`). */
  key: string;
  comparator: Comparator;
  value: FilterValue;
  start: number;
  end: number;
}

export interface FilterError {
  message: string;
  start: number;
  end: number;
}

export type ParseResult = { ok: true; clauses: Clause[] } | { ok: false; error: FilterError };

class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const KIND_NOUN: Record<FilterKind, string> = {
  metrics: 'Metrics',
  params: 'Params',
  tags: 'Tags',
  attributes: 'Attributes',
  datasets: 'Datasets',
};

/** Parses a filter; the empty filter (or only whitespace) is valid and has no clauses. */
export function parseFilter(input: string): ParseResult {
  try {
    return { ok: true, clauses: new Parser(input).parse() };
  } catch (e) {
    if (e instanceof FilterSyntaxError)
      return { ok: false, error: { message: e.message, start: e.start, end: e.end } };
    throw e;
  }
}

interface Identifier {
  kind: FilterKind;
  key: string;
  /** As written, for messages: `metrics.acc`. */
  text: string;
  start: number;
  end: number;
}

class Parser {
  private pos = 0;
  private readonly tokens: Token[];

  constructor(private readonly input: string) {
    this.tokens = tokenize(input);
  }

  parse(): Clause[] {
    const clauses: Clause[] = [];
    if (this.tokens.length === 0) return clauses;
    for (;;) {
      clauses.push(this.clause());
      const next = this.peek();
      if (!next) return clauses;
      const value = this.tokens[this.pos - 1];
      // `'Ada''s run` without its closing quote: MLflow's tokens end the value before the doubled
      // quote and leave an unclosed literal glued to it, but to the writer it is one open value.
      if (next.unterminated && value?.type === next.type && value.end === next.start)
        this.fail(
          `Missing the closing ${next.text.charAt(0)} of this value`,
          value.start,
          next.end,
        );
      const problem = connectiveProblem(next, this.tokens[this.pos + 1]);
      if (problem) this.fail(problem.message, problem.start, problem.end);
      this.pos++; // the AND
    }
  }

  private clause(): Clause {
    const id = this.identifier();
    const comparator = this.comparator(id);
    const value = this.value(id, comparator);
    return { kind: id.kind, key: id.key, comparator, value, start: id.start, end: this.prevEnd() };
  }

  private identifier(): Identifier {
    const first = this.next();
    if (!first) return this.fail('Expected a condition', this.input.length, this.input.length);
    const upper = first.type === 'word' ? first.value.toUpperCase() : '';
    if (upper === 'NOT')
      this.fail(
        'NOT is not supported by MLflow (only NOT IN): use the opposite comparator, e.g. != instead of NOT … =',
        first.start,
        first.end,
      );
    if (upper === 'OR') this.fail('OR is not supported by MLflow: use AND', first.start, first.end);
    if (upper === 'AND') this.fail('Expected a condition before AND', first.start, first.end);
    if (first.type === 'lparen')
      this.fail(
        'Parentheses around conditions are not supported by MLflow: join conditions with AND',
        first.start,
        first.end,
      );
    if (first.type !== 'word' && first.type !== 'backtick' && first.type !== 'dquote')
      this.fail(
        `Expected a key such as metrics.accuracy or params.lr, found ${first.text}`,
        first.start,
        first.end,
      );
    this.checkQuoted(first, 'key');

    const dot = this.peek();
    const hasDot = dot?.type === 'dot' && dot.start === first.end;
    const kind = first.type === 'word' ? kindOf(first.value) : undefined;
    if (first.type === 'word' && hasDot && !kind)
      this.fail(
        `Unknown key type ${first.value}: use metrics., params., tags., attributes. or datasets.`,
        first.start,
        first.end,
      );
    if (!kind || !hasDot) {
      if (kind)
        this.fail(
          `Expected a key after ${first.value}: write ${first.value}.<key>, e.g. ${kind}.${exampleKey(kind)}`,
          first.start,
          first.end,
        );
      return this.finishIdentifier('attributes', first.value, first.start, first.end);
    }

    this.pos++; // the dot
    const keyToken = this.peek();
    if (!keyToken || keyToken.start !== dot.end || !isKeyToken(keyToken))
      this.fail(
        `Expected a key after ${first.value}., e.g. ${kind}.${exampleKey(kind)}`,
        dot.start,
        dot.end,
      );
    this.pos++;
    this.checkQuoted(keyToken, 'key');
    let key = keyToken.value;
    let end = keyToken.end;
    if (keyToken.type === 'word')
      ({ key, end, pos: this.pos } = dottedKey(this.tokens, this.pos, keyToken));
    if (key === '') this.fail('The key is empty', keyToken.start, keyToken.end);
    return this.finishIdentifier(kind, key, first.start, end);
  }

  private finishIdentifier(kind: FilterKind, key: string, start: number, end: number): Identifier {
    const text = this.input.slice(start, end);
    // Characters glued to a bare key (`val-loss`, `run.1x-y`) mean the key needed quotes.
    const glued = this.gluedRun(end);
    if (glued)
      this.fail(
        `Quote keys that contain spaces, dashes or other symbols: ${kind}.\`${key}${this.input.slice(end, glued)}\``,
        start,
        glued,
      );
    if (kind === 'datasets' && !rulesFor(kind, key))
      this.fail(
        `Unknown dataset field ${key}: use datasets.name, datasets.digest or datasets.context`,
        start,
        end,
      );
    return { kind, key, text, start, end };
  }

  private comparator(id: Identifier): Comparator {
    const tok = this.next();
    if (!tok) return this.fail(`Expected a comparator after ${id.text}`, id.end, id.end);
    let comparator: Comparator | undefined;
    let end = tok.end;
    if (tok.type === 'op') {
      if (tok.value === '<>') this.fail('Use != instead of <>', tok.start, tok.end);
      if (tok.value === '==') this.fail('Use = instead of ==', tok.start, tok.end);
      comparator = tok.value as Comparator;
    } else if (tok.type === 'word') {
      const word = tok.value.toUpperCase();
      if (word === 'LIKE' || word === 'ILIKE' || word === 'IN') comparator = word;
      if (word === 'NOT') {
        const after = this.peek();
        if (after?.type !== 'word' || after.value.toUpperCase() !== 'IN')
          this.fail(
            'NOT is only supported as NOT IN: use != for "not equal"',
            tok.start,
            after?.end ?? tok.end,
          );
        this.pos++;
        comparator = 'NOT IN';
        end = after.end;
      }
      if (word === 'IS')
        this.fail(
          'IS (NULL) is not supported by MLflow: a run without the key never matches',
          tok.start,
          tok.end,
        );
    }
    if (!comparator) {
      const hint =
        tok.type === 'word' && id.kind !== 'attributes'
          ? ` (a key with spaces needs quotes: ${id.kind}.\`${id.key} ${tok.value}\`)`
          : '';
      return this.fail(
        `Expected a comparator after ${id.text}, found ${tok.text}${hint}`,
        tok.start,
        tok.end,
      );
    }
    const rules = this.rules(id);
    const isList = comparator === 'IN' || comparator === 'NOT IN';
    if (!rules.comparators.includes(comparator) || (isList && !rules.list))
      this.fail(comparatorMessage(id, comparator, rules), tok.start, end);
    return comparator;
  }

  private rules(id: Identifier): KeyRules {
    // An unknown attribute: anything syntactically valid goes to the server (see the top comment).
    return (
      rulesFor(id.kind, id.key) ?? {
        comparators: [...SET_COMPARATORS, '>', '>=', '<', '<='],
        value: 'string',
        list: true,
      }
    );
  }

  private value(id: Identifier, comparator: Comparator): FilterValue {
    const known = rulesFor(id.kind, id.key) !== undefined;
    if (comparator === 'IN' || comparator === 'NOT IN') return this.list(id, comparator);
    const tok = this.next();
    const where = `${id.text} ${comparator}`;
    if (!tok)
      return this.fail(`Expected a value after ${where}`, this.input.length, this.input.length);
    if (tok.type === 'backtick')
      this.fail(
        `Backticks quote keys; quote values with ' or ": ${where} '${tok.value}'`,
        tok.start,
        tok.end,
      );
    const isString = tok.type === 'squote' || tok.type === 'dquote';
    if (isString) this.checkQuoted(tok, 'value');
    const wantsNumber = known && this.rules(id).value === 'number';

    if (wantsNumber) {
      if (tok.type === 'number')
        return { type: 'number', value: Number(tok.value), text: tok.value };
      if (isString && tok.value.trim() !== '' && Number.isFinite(Number(tok.value)))
        this.fail(
          id.kind === 'metrics'
            ? `Metrics are numbers: remove the quotes, e.g. ${where} ${tok.value}`
            : `${id.key} is a number (milliseconds since the epoch): remove the quotes, e.g. ${where} ${tok.value}`,
          tok.start,
          tok.end,
        );
      return this.fail(`Expected a number after ${where}, found ${tok.text}`, tok.start, tok.end);
    }
    if (isString) return { type: 'string', value: tok.value };
    if (tok.type === 'number' && !known)
      return { type: 'number', value: Number(tok.value), text: tok.value };
    if (tok.type === 'number' || tok.type === 'word') {
      const end = this.gluedRun(tok.end) ?? tok.end;
      const raw = this.input.slice(tok.start, end);
      const subject =
        id.kind === 'attributes'
          ? `${canonicalAttribute(id.key)} is a string`
          : `${KIND_NOUN[id.kind]} are strings`;
      this.fail(`${subject}: quote the value, e.g. ${where} '${raw}'`, tok.start, end);
    }
    return this.fail(
      `Expected a quoted value after ${where}, found ${tok.text}`,
      tok.start,
      tok.end,
    );
  }

  private list(id: Identifier, comparator: Comparator): FilterValue {
    const open = this.next();
    const example = `${id.text} ${comparator} ('a', 'b')`;
    if (open?.type !== 'lparen')
      this.fail(
        `${comparator} needs a list in parentheses, e.g. ${example}`,
        open?.start ?? this.input.length,
        open?.end ?? this.input.length,
      );
    const values: string[] = [];
    for (;;) {
      const tok = this.next();
      if (!tok) this.fail(`Missing ) to close the list`, open.start, this.input.length);
      if (tok.type !== 'squote' && tok.type !== 'dquote')
        this.fail(`Expected a quoted string in the list, e.g. ${example}`, tok.start, tok.end);
      this.checkQuoted(tok, 'value');
      // MLflow reads a list as a Python tuple (ast.literal_eval), unlike its other values: there
      // 'a''b' is two strings joined (ab) and a backslash starts an escape, so neither would be
      // the text as written. Refused rather than guessed; the other kind of quotes carries a quote.
      const quote = tok.text.charAt(0);
      const other = quote === "'" ? '"' : "'";
      if (tok.value.includes(quote))
        this.fail(
          `In a list MLflow joins ${quote}a${quote}${quote}b${quote} into ab: put a value containing ${quote} in ${other} quotes instead`,
          tok.start,
          tok.end,
        );
      if (tok.value.includes('\\'))
        this.fail(
          'In a list MLflow reads a backslash as a Python escape, so this value would not be matched as written: compare it with = instead',
          tok.start,
          tok.end,
        );
      values.push(tok.value);
      const sep = this.next();
      if (sep?.type === 'rparen') return { type: 'list', values };
      if (sep?.type !== 'comma')
        this.fail(
          sep ? `Expected , or ) in the list, found ${sep.text}` : 'Missing ) to close the list',
          sep?.start ?? open.start,
          sep?.end ?? this.input.length,
        );
    }
  }

  private checkQuoted(tok: Token, what: 'key' | 'value'): void {
    if (tok.unterminated)
      this.fail(`Missing the closing ${tok.text.charAt(0)} of this ${what}`, tok.start, tok.end);
  }

  /** The end of non-space characters glued to `at` that cannot follow a key or value there. */
  private gluedRun(at: number): number | undefined {
    const tok = this.peek();
    if (!tok || tok.start !== at) return undefined;
    if (
      tok.type !== 'word' &&
      tok.type !== 'number' &&
      tok.type !== 'unknown' &&
      tok.type !== 'dot'
    )
      return undefined;
    let end = at;
    while (end < this.input.length && !/[\s=!<>()',"]/.test(this.input.charAt(end))) end++;
    return end > at ? end : undefined;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token | undefined {
    return this.tokens[this.pos++];
  }

  private prevEnd(): number {
    return this.tokens[this.pos - 1]?.end ?? 0;
  }

  private fail(message: string, start: number, end: number): never {
    throw new FilterSyntaxError(message, start, end);
  }
}

function isKeyToken(tok: Token): boolean {
  return (
    tok.type === 'word' || tok.type === 'backtick' || tok.type === 'dquote' || tok.type === 'squote'
  );
}

function exampleKey(kind: FilterKind): string {
  return {
    metrics: 'accuracy',
    params: 'lr',
    tags: 'team',
    attributes: 'status',
    datasets: 'name',
  }[kind];
}

function comparatorMessage(id: Identifier, comparator: Comparator, rules: KeyRules): string {
  const allowed = rules.comparators
    .filter((c) => rules.list || (c !== 'IN' && c !== 'NOT IN'))
    .join(' ');
  if ((comparator === 'IN' || comparator === 'NOT IN') && !rules.list)
    return `${comparator} lists work only for attributes.run_id and datasets.*: for ${id.text} use ${allowed}`;
  if (id.kind === 'metrics')
    return `${comparator} does not apply to metrics (numbers): use ${NUMERIC_COMPARATORS.join(' ')}`;
  if (id.kind === 'attributes' && NUMERIC_ATTRIBUTES.includes(canonicalAttribute(id.key)))
    return `${comparator} does not apply to ${id.key} (a number): use ${allowed}`;
  const subject = id.kind === 'attributes' ? canonicalAttribute(id.key) : id.kind;
  return `${comparator} does not apply to ${subject} (strings compare as text): use ${allowed}`;
}
