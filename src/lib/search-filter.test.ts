import { describe, expect, it } from 'vitest';
import { containsFilter } from './search-filter';

describe('containsFilter', () => {
  it('wraps the text in ILIKE wildcards with single quotes', () => {
    expect(containsFilter('name', 'churn')).toBe("name ILIKE '%churn%'");
  });

  it('is absent for blank text, so the search is unfiltered', () => {
    expect(containsFilter('name', '')).toBeUndefined();
    expect(containsFilter('name', '   ')).toBeUndefined();
  });

  it('trims the text', () => {
    expect(containsFilter('name', '  churn ')).toBe("name ILIKE '%churn%'");
  });

  it('uses double quotes when the text has a single quote', () => {
    expect(containsFilter('name', "it's")).toBe('name ILIKE "%it\'s%"');
  });

  it('keeps double quotes inside single quotes', () => {
    expect(containsFilter('name', 'say "hi"')).toBe('name ILIKE \'%say "hi"%\'');
  });

  it('turns a quote that cannot be carried into a one-character wildcard', () => {
    expect(containsFilter('name', `it's "x"`)).toBe(`name ILIKE '%it_s "x"%'`);
  });

  it('turns backslashes into wildcards so they cannot escape the closing quote', () => {
    expect(containsFilter('name', 'a\\')).toBe("name ILIKE '%a_%'");
  });
});
