import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteValue } from './grammar';
import { parseFilter } from './parse';

describe('quoteValue', () => {
  // MLflow strips the outer quotes and unescapes nothing, so these literals read back as the value.
  it.each<[string, string | undefined]>([
    ['churn', "'churn'"],
    ['', "''"],
    ["Ada's run", `"Ada's run"`],
    ['say "hi"', `'say "hi"'`],
    ["Ada''s run", `"Ada''s run"`],
    [`a''b"c`, `'a''b"c'`],
    ["it\\'s", `"it\\'s"`],
    // A backslash before a quote keeps it inside single quotes too (it is not an escape to MLflow).
    [`say "it\\'s"`, `'say "it\\'s"'`],
    ['a\\b', "'a\\b'"],
    // Both kinds of quote, or a backslash that would escape the closing quote: no literal.
    [`it's "x"`, undefined],
    ['C:\\', undefined],
  ])('%s', (value, literal) => {
    expect(quoteValue(value)).toBe(literal);
  });

  it('gives literals that the parser reads back as the value, with more clauses after them', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '\\', '%', 'é') });
    fc.assert(
      fc.property(text, (value) => {
        const literal = quoteValue(value);
        if (literal === undefined) return;
        const result = parseFilter(`params.p = ${literal} AND tags.t = 'x' AND tags.u = "y"`);
        expect(result.ok && result.clauses.map((c) => c.value)).toEqual([
          { type: 'string', value },
          { type: 'string', value: 'x' },
          { type: 'string', value: 'y' },
        ]);
      }),
    );
  });
});
