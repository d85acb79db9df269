// Param values that hold a dict or a list, flattened into dotted sub-keys, so a diff shows which
// field of `optimizer={'lr': 0.001, 'betas': (0.9, 0.999)}` changed instead of one long string:
//   optimizer.lr = 0.001, optimizer.betas.0 = 0.9, optimizer.betas.1 = 0.999
// MLflow stores every param as text; Python code logs dicts with str() (single quotes, True/False/None,
// tuples) and others log JSON, so this reads both. It is a small hand-written parser of literals only:
// nothing is evaluated, and anything it does not fully understand (a call like `Adam(lr=0.1)`, a set,
// an object's repr, trailing junk) leaves the value as it is.

/** A parsed literal. Leaves keep the text they were written as (see `leafText`). */
export type Literal =
  | { kind: 'leaf'; text: string }
  | { kind: 'list'; items: Literal[]; open: '[' | '(' }
  | { kind: 'dict'; entries: [string, Literal][] };

export interface FlatEntry {
  /** The dotted path below the param: `lr`, `betas.0`, `layers.2.units`. */
  path: string;
  value: string;
}

/**
 * Deeper values are left whole: real configs nest a handful of levels, and a recursive parser must
 * not be walked into a stack overflow by `[[[[…` thousands deep.
 */
export const MAX_DEPTH = 32;

/**
 * Values longer than this are not parsed. MLflow caps a param at 6,000 characters (500 on old
 * servers), so this only ever spares the parser a hostile or mislabeled value.
 */
export const MAX_PARSE_LENGTH = 100_000;

/**
 * A value with more leaves than this stays one row: a list of 10,000 class weights is data, not
 * config, and would bury every other row of the diff.
 */
export const MAX_FLAT_ENTRIES = 256;

class ParseError extends Error {}

// Bare words a literal may hold: Python's (True/False/None, and inf/nan as str() writes floats inside a
// container) and JSON's (true/false/null, and NaN/Infinity as Python's json module writes them).
const WORDS = new Set([
  'True',
  'False',
  'None',
  'true',
  'false',
  'null',
  'inf',
  'nan',
  'NaN',
  'Infinity',
]);
// Decimal numbers only: Python's repr and JSON never write hex, underscores or complex numbers.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_]\w*/;
// String prefixes repr() writes (b'…' for bytes) or people type (r'…', u'…').
const STRING_PREFIX = /^(?:[rRbBuU]|[rR][bB]|[bB][rR])(?=['"])/;

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  '/': '/', // JSON only; Python never writes it, so reading it as '/' costs nothing
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  a: '\x07',
  '0': '\0',
};

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parseAll(): Literal {
    const value = this.value(0);
    this.skipSpace();
    if (this.pos !== this.src.length) throw new ParseError('trailing text');
    return value;
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] ?? '')) this.pos++;
  }

  private peek(): string {
    return this.src[this.pos] ?? '';
  }

  private value(depth: number): Literal {
    if (depth > MAX_DEPTH) throw new ParseError('too deep');
    this.skipSpace();
    const c = this.peek();
    if (c === '{') return this.dict(depth);
    if (c === '[' || c === '(') return this.list(depth, c);
    if (c === '"' || c === "'" || STRING_PREFIX.test(this.src.slice(this.pos, this.pos + 3))) {
      return { kind: 'leaf', text: this.string() };
    }
    const rest = this.src.slice(this.pos, this.pos + 400);
    // A sign may lead a number or a non-finite word (`-inf`, `-Infinity`).
    const signed = /^[+-](?=[A-Za-z])/.exec(rest);
    const word = WORD.exec(signed ? rest.slice(1) : rest);
    if (word) {
      if (!WORDS.has(word[0])) throw new ParseError('not a literal');
      const text = (signed ? signed[0] : '') + word[0];
      if (signed && !['inf', 'nan', 'NaN', 'Infinity'].includes(word[0])) {
        throw new ParseError('signed word');
      }
      this.pos += text.length;
      return { kind: 'leaf', text };
    }
    const num = NUMBER.exec(rest);
    if (!num) throw new ParseError('unexpected character');
    this.pos += num[0].length;
    // `1j`, `1L`, `0x10`, `1_0`: something follows the digits that is not a separator.
    if (/[\w.]/.test(this.peek())) throw new ParseError('not a decimal number');
    return { kind: 'leaf', text: num[0] };
  }

  private string(): string {
    const prefix = STRING_PREFIX.exec(this.src.slice(this.pos, this.pos + 3))?.[0] ?? '';
    const raw = /r/i.test(prefix);
    this.pos += prefix.length;
    const quote = this.peek();
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new ParseError('unterminated string');
      this.pos++;
      if (c === quote) return out;
      // repr() escapes newlines; a bare one means this is not one string literal.
      if (c === '\n') throw new ParseError('newline in string');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.src[this.pos];
      if (e === undefined) throw new ParseError('unterminated escape');
      this.pos++;
      if (raw) {
        // A raw string keeps the backslash; it only stops the quote from ending the string.
        out += '\\' + e;
        continue;
      }
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) out += simple;
      else if (e === 'x') out += this.codePoint(2);
      else if (e === 'u') out += this.codePoint(4);
      else if (e === 'U') out += this.codePoint(8);
      // Python keeps unknown escapes (`'\d'` is backslash, d).
      else out += '\\' + e;
    }
  }

  private codePoint(digits: number): string {
    const hex = this.src.slice(this.pos, this.pos + digits);
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw new ParseError('bad escape');
    this.pos += digits;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw new ParseError('bad code point');
    // Lone surrogates (JSON writes non-BMP characters as two \u escapes) join up in the string.
    return String.fromCodePoint(code);
  }

  private list(depth: number, open: '[' | '('): Literal {
    const close = open === '[' ? ']' : ')';
    this.pos++;
    const items: Literal[] = [];
    let sawComma = false;
    for (;;) {
      this.skipSpace();
      if (this.peek() === close) break;
      items.push(this.value(depth + 1));
      this.skipSpace();
      if (this.peek() === ',') {
        sawComma = true;
        this.pos++;
        continue;
      }
      if (this.peek() !== close) throw new ParseError('expected , or ' + close);
    }
    this.pos++;
    // `(x)` is x in Python, a grouping rather than a tuple; `(x,)` and `()` are tuples.
    if (open === '(' && items.length === 1 && !sawComma) return items[0] as Literal;
    return { kind: 'list', items, open };
  }

  private dict(depth: number): Literal {
    this.pos++;
    const entries: [string, Literal][] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === '}') break;
      const key = this.value(depth + 1);
      // Tuple keys have no dotted spelling; `{1, 2}` is a set, whose order means nothing.
      if (key.kind !== 'leaf') throw new ParseError('key is not a scalar');
      this.skipSpace();
      if (this.peek() !== ':') throw new ParseError('expected :');
      this.pos++;
      entries.push([key.text, this.value(depth + 1)]);
      this.skipSpace();
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      if (this.peek() !== '}') throw new ParseError('expected , or }');
    }
    this.pos++;
    return { kind: 'dict', entries };
  }
}

/**
 * The literal a param value holds, or undefined when it is not a whole literal (or is too long or too
 * deep). Scalars parse too: callers that only want containers check `kind`.
 */
export function parseLiteral(text: string): Literal | undefined {
  if (text.length > MAX_PARSE_LENGTH) return undefined;
  try {
    return new Parser(text).parseAll();
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
}

/** How a nested empty container reads as a leaf. */
function emptyText(value: Literal): string {
  if (value.kind === 'dict') return '{}';
  if (value.kind === 'list') return value.open === '[' ? '[]' : '()';
  return value.text;
}

/**
 * The dotted sub-keys of a param value that holds a non-empty dict, list or tuple, in the order they
 * were written; undefined for every other value, which stays one row as it is. Leaves read as they
 * were written (`True`, `1e-3`, `None`), strings without their quotes. Also undefined when two paths
 * would spell the same (`{'a.b': 1, 'a': {'b': 2}}`): a row that silently held one of them would lie.
 */
export function flattenParamValue(text: string): FlatEntry[] | undefined {
  const trimmed = text.trim();
  // Cheap gate: most params are plain scalars and never reach the parser.
  if (!/^[[({]/.test(trimmed)) return undefined;
  const root = parseLiteral(trimmed);
  if (!root || root.kind === 'leaf') return undefined;
  const out: FlatEntry[] = [];
  const seen = new Set<string>();
  let ok = true;
  // `path` is null at the root only: a dict key may itself be the empty string.
  const walk = (value: Literal, path: string | null): void => {
    if (!ok) return;
    const children: [string, Literal][] =
      value.kind === 'dict'
        ? value.entries
        : value.kind === 'list'
          ? value.items.map((item, i) => [String(i), item])
          : [];
    if (value.kind === 'leaf' || children.length === 0) {
      if (path === null || seen.has(path) || out.length >= MAX_FLAT_ENTRIES) {
        ok = false;
        return;
      }
      seen.add(path);
      out.push({ path, value: emptyText(value) });
      return;
    }
    for (const [key, child] of children) walk(child, path === null ? key : `${path}.${key}`);
  };
  if (
    (root.kind === 'dict' && root.entries.length === 0) ||
    (root.kind === 'list' && root.items.length === 0)
  ) {
    return undefined;
  }
  walk(root, null);
  return ok ? out : undefined;
}

/** One param as a reader sees it: a plain param's own key, or a sub-key flattened out of `origin`. */
export interface FlatParam {
  key: string;
  value: string;
  /** The param whose value held this entry; undefined for a param kept as it was logged. */
  origin: string | undefined;
}

/**
 * A run's params with every dict, list or tuple value flattened into dotted sub-keys
 * (`model_config.params.C`). A param logged under a dotted name (`optimizer.lr`) wins over the same
 * name flattened out of another param's value: it is what the run said in so many words.
 */
export function flattenParams(params: Iterable<readonly [string, string]>): FlatParam[] {
  const plain: FlatParam[] = [];
  const flattened: FlatParam[] = [];
  const taken = new Set<string>();
  for (const [key, value] of params) {
    const entries = flattenParamValue(value);
    if (!entries) {
      plain.push({ key, value, origin: undefined });
      taken.add(key);
    } else
      for (const e of entries)
        flattened.push({ key: `${key}.${e.path}`, value: e.value, origin: key });
  }
  for (const entry of flattened) {
    if (taken.has(entry.key)) continue;
    taken.add(entry.key);
    plain.push(entry);
  }
  return plain;
}
