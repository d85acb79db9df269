import { describe, expect, it } from 'vitest';
import { dottedKey, tokenize } from './tokenize';
import type { Token } from './tokenize';

const brief = (input: string) => tokenize(input).map((t) => `${t.type}:${t.value}`);

describe('tokenize', () => {
  it.each<[string, string[]]>([
    ['metrics.acc>=0.9', ['word:metrics', 'dot:.', 'word:acc', 'op:>=', 'number:0.9']],
    ['metrics.1x != -1e-3', ['word:metrics', 'dot:.', 'word:1x', 'op:!=', 'number:-1e-3']],
    [
      "params.`batch size` = 'a b'",
      ['word:params', 'dot:.', 'backtick:batch size', 'op:=', 'squote:a b'],
    ],
    ['tags."x.y" LIKE "%z"', ['word:tags', 'dot:.', 'dquote:x.y', 'word:LIKE', 'dquote:%z']],
    [
      "run_id IN ('a','b')",
      ['word:run_id', 'word:IN', 'lparen:(', 'squote:a', 'comma:,', 'squote:b', 'rparen:)'],
    ],
    ['a <> b == c', ['word:a', 'op:<>', 'word:b', 'op:==', 'word:c']],
    ['x ; +', ['word:x', 'unknown:;', 'unknown:+']],
    ['.5', ['number:.5']],
  ])('%s', (input, expected) => {
    expect(brief(input)).toEqual(expected);
  });

  // As MLflow's tokenizer (sqlparse) reads them: a doubled quote or a backslash before a quote
  // stays inside the literal, and the value is the text between the outer quotes, unescaped.
  it.each<[string, string[]]>([
    ["'Ada''s run'", ["squote:Ada''s run"]],
    ['"say ""hi"""', ['dquote:say ""hi""']],
    ['`a``b`', ['backtick:a``b']],
    ["''''", ["squote:''"]],
    ["'' AND ''", ['squote:', 'word:AND', 'squote:']],
    [`'a''b' = "c""d"`, ["squote:a''b", 'op:=', 'dquote:c""d']],
    // A quote of the other kind is plain text, doubled or not.
    [`"it''s"`, ["dquote:it''s"]],
    [`'x""y'`, ['squote:x""y']],
    ["'it\\'s'", ["squote:it\\'s"]],
    // At the end of the filter there is no later quote, so the literal closes after the backslash…
    ["a = 'C:\\'", ['word:a', 'op:=', 'squote:C:\\']],
    // …but before another quoted value it runs on to that value's opening quote, as in MLflow.
    ["a = 'C:\\' AND b = 'x'", ['word:a', 'op:=', "squote:C:\\' AND b = ", 'word:x', 'squote:']],
  ])('%s', (input, expected) => {
    expect(brief(input)).toEqual(expected);
  });

  it('ends a literal with an unclosed doubled quote where MLflow does', () => {
    // No closing quote after `''`: the literal ends at the doubled quote's first half, and the
    // rest is a literal of its own, open to the end.
    expect(tokenize("a = 'Ada''s run").slice(2)).toMatchObject([
      { type: 'squote', value: 'Ada', start: 4, end: 9 },
      { type: 'squote', value: 's run', start: 9, end: 15, unterminated: true },
    ]);
  });

  it('keeps ranges and marks an unterminated quote', () => {
    const [key, , value] = tokenize("a = 'open");
    expect([key?.start, key?.end]).toEqual([0, 1]);
    expect(value).toMatchObject({
      type: 'squote',
      value: 'open',
      start: 4,
      end: 9,
      unterminated: true,
    });
  });
});

describe('dottedKey', () => {
  it('joins words glued by dots into one key, and stops at a gap or a non-word', () => {
    const tokens = tokenize('tags.mlflow.run.name = 1');
    // tokens: tags . mlflow . run . name = 1
    expect(dottedKey(tokens, 3, tokens[2] as Token)).toEqual({
      key: 'mlflow.run.name',
      end: 20,
      pos: 7,
    });
    const spaced = tokenize('tags.a .b');
    expect(dottedKey(spaced, 3, spaced[2] as Token)).toMatchObject({ key: 'a', pos: 3 });
  });
});
