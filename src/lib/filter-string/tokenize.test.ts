import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

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
