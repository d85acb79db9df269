import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_DEPTH,
  MAX_FLAT_ENTRIES,
  MAX_PARSE_LENGTH,
  flattenParamValue,
  flattenParams,
  parseLiteral,
} from './param-literal';

const flat = (text: string) =>
  flattenParamValue(text)?.map(({ path, value }) => [path, value] as const);

describe('flattenParamValue', () => {
  it('flattens a Python dict as str() writes it', () => {
    expect(flat("{'lr': 0.001, 'nesterov': True, 'decay': None, 'name': 'adam'}")).toEqual([
      ['lr', '0.001'],
      ['nesterov', 'True'],
      ['decay', 'None'],
      ['name', 'adam'],
    ]);
  });

  it('flattens JSON objects with nested arrays by index', () => {
    expect(flat('{"layers": [{"units": 64}, {"units": 32, "act": "relu"}], "ok": true}')).toEqual([
      ['layers.0.units', '64'],
      ['layers.1.units', '32'],
      ['layers.1.act', 'relu'],
      ['ok', 'true'],
    ]);
  });

  it('flattens tuples, one-element tuples and top-level lists', () => {
    expect(flat("{'betas': (0.9, 0.999), 'one': (5,), 'grouped': (7)}")).toEqual([
      ['betas.0', '0.9'],
      ['betas.1', '0.999'],
      ['one.0', '5'],
      ['grouped', '7'],
    ]);
    expect(flat('[64, 128, 256]')).toEqual([
      ['0', '64'],
      ['1', '128'],
      ['2', '256'],
    ]);
  });

  it('keeps the spelling of numbers and words, and reads non-finite floats', () => {
    expect(
      flat("{'a': 1e-05, 'b': -0.50, 'c': inf, 'd': -inf, 'e': nan, 'f': NaN, 'g': -Infinity}"),
    ).toEqual([
      ['a', '1e-05'],
      ['b', '-0.50'],
      ['c', 'inf'],
      ['d', '-inf'],
      ['e', 'nan'],
      ['f', 'NaN'],
      ['g', '-Infinity'],
    ]);
  });

  it('keeps nested empty containers as leaves and numeric or word keys as text', () => {
    expect(flat("{'a': {}, 'b': [], 'c': (), 1: 'one', None: 'n', True: 't'}")).toEqual([
      ['a', '{}'],
      ['b', '[]'],
      ['c', '()'],
      ['1', 'one'],
      ['None', 'n'],
      ['True', 't'],
    ]);
  });

  it('reads escapes of both languages and string prefixes', () => {
    expect(
      flat(
        String.raw`{'q': 'it\'s', "d": "say \"hi\"", 'n': 'a\nb', 'u': '\u00e9\x41', 'p': '\d'}`,
      ),
    ).toEqual([
      ['q', "it's"],
      ['d', 'say "hi"'],
      ['n', 'a\nb'],
      ['u', 'éA'],
      ['p', '\\d'],
    ]);
    expect(flat(String.raw`{"emoji": "\ud83d\ude00", "slash": "a\/b"}`)).toEqual([
      ['emoji', '😀'],
      ['slash', 'a/b'],
    ]);
    expect(flat(String.raw`{'b': b'raw', 'r': r'C:\temp', 'u': u'x'}`)).toEqual([
      ['b', 'raw'],
      ['r', 'C:\\temp'],
      ['u', 'x'],
    ]);
  });

  it('allows trailing commas, whitespace and newlines between tokens', () => {
    expect(flat(' {\n  "a": 1,\n  "b": [1, 2,],\n}\n')).toEqual([
      ['a', '1'],
      ['b.0', '1'],
      ['b.1', '2'],
    ]);
  });

  it('leaves scalars and empty containers as they are', () => {
    for (const text of ['0.001', 'adam', "'quoted'", 'True', '', '{}', '[]', '()', '  ']) {
      expect(flattenParamValue(text), text).toBeUndefined();
    }
  });

  it('leaves malformed and non-literal values as they are', () => {
    const bad = [
      '{',
      '[1, 2',
      "{'a': 1",
      "{'a' 1}",
      "{'a': 1 'b': 2}",
      '[1 2]',
      '{"a": 1}}',
      '{"a": 1} trailing',
      "{'a': 'unterminated}",
      "{'a': 'line\nbreak'}",
      '{1, 2, 3}', // a set
      "{(1, 2): 'tuple key'}",
      '[Adam(lr=0.1)]',
      "{'opt': <torch.optim.Adam object at 0x7f>}",
      '[os.system("rm -rf /")]',
      "[__import__('os')]",
      '[1j]',
      '[0x10]',
      '[1_000]',
      '[1.2.3]',
      '[+True]',
      "{'a': '\\x4'}",
      "{'a': '\\U00110000'}",
      '[undefined]',
      '[,]',
      '{:1}',
      '(1 2)',
      "{'a': 1,, 'b': 2}",
      "'a' 'b'",
    ];
    for (const text of bad) expect(flattenParamValue(text), text).toBeUndefined();
  });

  it('keeps hostile text as plain text in values and keys', () => {
    expect(
      flat(`{"<img src=x onerror=alert(1)>": "=HYPERLINK(\\"http://x\\")", "__proto__": 1}`),
    ).toEqual([
      ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")'],
      ['__proto__', '1'],
    ]);
  });

  it('refuses paths that would spell the same', () => {
    expect(flattenParamValue("{'a.b': 1, 'a': {'b': 2}}")).toBeUndefined();
    expect(flattenParamValue("{'a': 1, 'a': 2}")).toBeUndefined();
    expect(flattenParamValue("{'0': 'x', 0: 'y'}")).toBeUndefined();
  });

  it('refuses values nested deeper than the limit, however deep', () => {
    const nest = (n: number) => '['.repeat(n) + '1' + ']'.repeat(n);
    expect(flattenParamValue(nest(MAX_DEPTH))?.[0]).toEqual({
      path: Array(MAX_DEPTH).fill('0').join('.'),
      value: '1',
    });
    expect(flattenParamValue(nest(MAX_DEPTH + 1))).toBeUndefined();
    // Far deeper than any stack would survive if the parser recursed without a limit.
    expect(flattenParamValue('['.repeat(50_000))).toBeUndefined();
    expect(flattenParamValue('{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000))).toBeUndefined();
  });

  it('refuses values with more leaves than the limit', () => {
    const list = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(', ')}]`;
    expect(flattenParamValue(list(MAX_FLAT_ENTRIES))).toHaveLength(MAX_FLAT_ENTRIES);
    expect(flattenParamValue(list(MAX_FLAT_ENTRIES + 1))).toBeUndefined();
  });

  it('does not parse huge values', () => {
    const huge = `{"a": "${'x'.repeat(MAX_PARSE_LENGTH)}"}`;
    expect(flattenParamValue(huge)).toBeUndefined();
    const big = `{"a": "${'x'.repeat(MAX_PARSE_LENGTH - 20)}"}`;
    expect(flattenParamValue(big)?.[0]?.value).toHaveLength(MAX_PARSE_LENGTH - 20);
  });

  it('reads back every JSON document it is given (property)', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('tree'), { minLength: 1, maxLength: 4 }),
        fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), tie('tree'), {
          minKeys: 1,
          maxKeys: 4,
        }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), tree, { minKeys: 1 }), (doc) => {
        const expected: [string, string][] = [];
        const walk = (v: unknown, path: string) => {
          if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
          else if (v !== null && typeof v === 'object')
            for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
          else expected.push([path.slice(1), typeof v === 'string' ? v : JSON.stringify(v)]);
        };
        walk(doc, '');
        const got = flat(JSON.stringify(doc));
        if (expected.length > MAX_FLAT_ENTRIES) expect(got).toBeUndefined();
        else expect(got).toEqual(expected);
      }),
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'{}[](),:\'"\\ 1.e-aTN') }), (text) => {
        const out = flattenParamValue(text);
        expect(out === undefined || out.length > 0).toBe(true);
      }),
    );
  });
});

describe('parseLiteral', () => {
  it('parses scalars too, and says undefined for what is not a literal', () => {
    expect(parseLiteral(' 42 ')).toEqual({ kind: 'leaf', text: '42' });
    expect(parseLiteral("'x'")).toEqual({ kind: 'leaf', text: 'x' });
    expect(parseLiteral('adam')).toBeUndefined();
    expect(parseLiteral('')).toBeUndefined();
  });
});

describe('flattenParams', () => {
  it('keeps plain params, flattens containers, and lets a dotted param win over a flattened one', () => {
    const out = flattenParams([
      ['opt', "{'lr': 0.1, 'betas': (0.9, 0.99)}"],
      ['opt.lr', '0.5'],
      ['seed', '7'],
    ]);
    expect(out).toEqual([
      { key: 'opt.lr', value: '0.5', origin: undefined },
      { key: 'seed', value: '7', origin: undefined },
      { key: 'opt.betas.0', value: '0.9', origin: 'opt' },
      { key: 'opt.betas.1', value: '0.99', origin: 'opt' },
    ]);
  });
});
