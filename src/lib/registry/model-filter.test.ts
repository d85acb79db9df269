import { describe, expect, test } from 'vitest';
import { looksLikeModelFilter, modelSearchError, validateModelFilter } from './model-filter';

// Every filter accepted here was sent to MLflow 3.17.2's registered-models/search and accepted.
describe('validateModelFilter accepts what MLflow accepts', () => {
  test.each([
    '',
    "name = 'churn'",
    "name != 'churn'",
    "name LIKE 'churn%' AND name ILIKE '%CHURN%'",
    "name ilike '%a%' and tags.team like 'g%'",
    "name IN ('churn-a', 'churn-b')",
    "name NOT IN ('churn-a')",
    "attribute.name = 'churn-a'",
    "tags.team = 'growth'",
    'tags.team = "growth"',
    "tag.team != 'growth'",
    "tags.`cost-center` = 'x'",
    'tags."cost-center" = \'x\'',
    "tags.mlflow.prompt.is_prompt != 'true'",
    "tags.team ILIKE '%GRO%' AND name LIKE 'churn%'",
  ])('%s', (filter) => {
    expect(validateModelFilter(filter)).toEqual({ ok: true });
  });
});

function errorOf(filter: string) {
  const result = validateModelFilter(filter);
  if (result.ok) throw new Error(`expected ${filter} to be refused`);
  const { start, end, message } = result.error;
  return { bad: filter.slice(start, end), message };
}

// MLflow refuses each of these with INVALID_PARAMETER_VALUE (IS NULL with a 500), except the
// trailing AND, which it ignores and the box refuses like the runs filter does.
describe('validateModelFilter refuses what MLflow refuses, pointing at the culprit', () => {
  test.each([
    ["NAME = 'x'", 'NAME', /Unknown key NAME/],
    ["name < 'a'", '<', /< is not supported for name/],
    ["tags.team IN ('growth')", 'IN', /IN is not supported for a tag/],
    ["name = 'a' OR name = 'b'", 'OR', /OR is not supported/],
    ["foo.bar = 'x'", 'foo', /Unknown key type foo/],
    ['tags.team = growth', 'growth', /Values are quoted strings: write 'growth'/],
    ["name = 'a' AND", 'AND', /Expected a condition after AND/],
    ['tags.team IS NULL', 'IS', /IS \(NULL\) is not supported/],
    ['name = 1', '1', /Values are quoted strings/],
    ["attribute.creation_timestamp = '1'", 'attribute.creation_timestamp', /Unknown attribute/],
    ["tags.cost-center = 'x'", 'tags.cost-', /Quote keys/],
    ["(name = 'a')", '(', /Parentheses/],
    ["name = 'abc", "'abc", /Missing the closing '/],
    ["name IN ('a' 'b')", "'b'", /Expected , or \)/],
    ["name IN 'a'", "'a'", /IN takes a list/],
    ['tags. = x', '.', /Expected a key after tags\./],
    ["name 'a'", "'a'", /Expected a comparator after name/],
    ["name = 'a' name = 'b'", 'name', /Expected AND between conditions/],
    ['tags.team', '', /Expected a comparator after tags.team/],
  ])('%s', (filter, bad, message) => {
    const error = errorOf(filter);
    expect(error.bad).toBe(bad);
    expect(error.message).toMatch(message);
  });
});

describe('looksLikeModelFilter', () => {
  test('plain words are a name search', () => {
    expect(looksLikeModelFilter('churn')).toBe(false);
    expect(looksLikeModelFilter('churn model v2')).toBe(false);
    expect(looksLikeModelFilter("o'brien")).toBe(false);
    expect(looksLikeModelFilter('')).toBe(false);
  });

  test('a comparator, a LIKE after the first word or a tags. prefix make a filter', () => {
    expect(looksLikeModelFilter("name = 'x'")).toBe(true);
    expect(looksLikeModelFilter("name ILIKE '%x%'")).toBe(true);
    expect(looksLikeModelFilter('name like')).toBe(true);
    expect(looksLikeModelFilter('tags.team')).toBe(true);
    expect(looksLikeModelFilter('a<b')).toBe(true);
  });
});

describe('modelSearchError', () => {
  test('a name search is never wrong; a filter is checked, its range in the text as typed', () => {
    expect(modelSearchError("o'brien churn")).toBeUndefined();
    expect(modelSearchError("  tags.team = 'growth'")).toBeUndefined();
    expect(modelSearchError("  tags.team < 'growth'")).toMatchObject({ start: 12, end: 13 });
  });
});
