// The lexer for MLflow's runs/search filter grammar (MLflow's SearchUtils).
//
// It never throws: an unterminated quote or a stray character becomes a token of its own, so the
// parser can point at it and autocomplete can still read a half-typed filter.

export type TokenType =
  | 'word' // bare identifier or keyword: metrics, accuracy, AND, LIKE …
  | 'backtick' // `quoted key`
  | 'dquote' // "double quoted" (a key or a string value, by position)
  | 'squote' // 'single quoted'
  | 'number' // 0.9, -1, 1e-3, .5
  | 'op' // = != > >= < <= (and <> == which the parser rejects by name)
  | 'dot'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'unknown'; // anything else, one character

export interface Token {
  type: TokenType;
  /** The source text, quotes included. */
  text: string;
  /** For quoted tokens, the text between the quotes; otherwise the same as `text`. */
  value: string;
  start: number;
  end: number;
  /** A quoted token whose closing quote is missing. */
  unterminated?: boolean;
}

const WORD_START = /[A-Za-z_]/;
const WORD_CHAR = /[A-Za-z0-9_]/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const OPS = ['!=', '>=', '<=', '<>', '==', '=', '>', '<'];
const QUOTES: Record<string, TokenType> = { '`': 'backtick', '"': 'dquote', "'": 'squote' };
const PUNCT: Record<string, TokenType> = { '.': 'dot', '(': 'lparen', ')': 'rparen', ',': 'comma' };

// MLflow cuts a filter into tokens with sqlparse. Inside its quoted literals a doubled quote
// (`'Ada''s run'`, `"say ""hi"""`, `` `a``b` ``) does not end the literal, nor does a backslash
// before a ' or " (`'it\'s'`). These expressions accept the same literals and backtrack the same
// way, so the tokens here end where MLflow's do even in its odd cases: `'C:\'` at the very end of
// a filter closes after the backslash, but before ` AND …` it runs on to the next quote.
// MLflow then strips the outer quotes only, unescaping nothing (`'Ada''s run'` matches a run
// named `Ada''s run`), so a token's value is the text between the outer quotes, as written.
const QUOTED: Record<string, RegExp> = {
  "'": /'(?:''|\\'|[^'])*'/y,
  '"': /"(?:""|\\"|[^"])*"/y,
  '`': /`(?:``|[^`])*`/y,
};

/** The end of the quoted literal opening at `start` (just past its closing quote), or undefined. */
export function quotedEnd(input: string, start: number): number | undefined {
  const pattern = QUOTED[input.charAt(start)];
  if (!pattern) return undefined;
  pattern.lastIndex = start;
  return pattern.test(input) ? pattern.lastIndex : undefined;
}

/** Splits a filter into tokens with their character ranges; whitespace is dropped. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (
    type: TokenType,
    start: number,
    end: number,
    value?: string,
    unterminated?: boolean,
  ) => {
    const text = input.slice(start, end);
    tokens.push({
      type,
      text,
      value: value ?? text,
      start,
      end,
      ...(unterminated ? { unterminated } : {}),
    });
  };

  while (i < input.length) {
    const ch = input.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const quoteType = QUOTES[ch];
    if (quoteType) {
      const end = quotedEnd(input, i);
      if (end === undefined) {
        push(quoteType, i, input.length, input.slice(i + 1), true);
        i = input.length;
      } else {
        push(quoteType, i, end, input.slice(i + 1, end - 1));
        i = end;
      }
      continue;
    }
    // A number only where a value can start: `metrics.1x` keeps `1x` as part of a key, and
    // `a.5` is a key, not `a` followed by `.5`.
    const prev = tokens.at(-1);
    const afterKeyPart = prev?.type === 'dot' && prev.end === i;
    const number = afterKeyPart ? null : NUMBER.exec(input.slice(i));
    if (number && !WORD_CHAR.test(input.charAt(i + number[0].length))) {
      push('number', i, i + number[0].length);
      i += number[0].length;
      continue;
    }
    if (WORD_START.test(ch) || (afterKeyPart && WORD_CHAR.test(ch))) {
      let j = i + 1;
      while (j < input.length && WORD_CHAR.test(input.charAt(j))) j++;
      push('word', i, j);
      i = j;
      continue;
    }
    const op = OPS.find((o) => input.startsWith(o, i));
    if (op) {
      push('op', i, i + op.length);
      i += op.length;
      continue;
    }
    const punct = PUNCT[ch];
    push(punct ?? 'unknown', i, i + 1);
    i++;
  }
  return tokens;
}

/**
 * An unquoted key with dots is one key (`tags.mlflow.runName`): `first` and the words glued to it
 * by dots, read from `tokens[pos]` (the token after `first`) on. Returns the key, where it ends in
 * the input, and the index of the token after it.
 */
export function dottedKey(
  tokens: readonly Token[],
  pos: number,
  first: Token,
): { key: string; end: number; pos: number } {
  let key = first.value;
  let end = first.end;
  for (;;) {
    const dot = tokens[pos];
    const part = tokens[pos + 1];
    if (dot?.type !== 'dot' || dot.start !== end || part?.type !== 'word' || part.start !== dot.end)
      return { key, end, pos };
    key += `.${part.value}`;
    end = part.end;
    pos += 2;
  }
}

/**
 * What may stand between two conditions: only AND (MLflow's filters have no OR and no parentheses).
 * `after` is the token following `next`. Undefined when `next` is an AND with a condition after
 * it; otherwise the message and the token to mark.
 */
export function connectiveProblem(
  next: Token,
  after: Token | undefined,
): { message: string; start: number; end: number } | undefined {
  const word = next.type === 'word' ? next.value.toUpperCase() : '';
  const at = (message: string) => ({ message, start: next.start, end: next.end });
  if (word === 'AND') return after ? undefined : at('Expected a condition after AND');
  if (word === 'OR') return at('OR is not supported by MLflow: use AND');
  return at(`Expected AND between conditions, found ${next.text}`);
}
