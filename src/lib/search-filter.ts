// Builds `name ILIKE '%…%'` filters for MLflow's search endpoints (experiments, registered models).
//
// MLflow tokenises filters with sqlparse and then only strips the outer quotes, so neither `''`
// nor `\'` escapes a quote inside a value: both reach the database literally. The only safe way to
// carry a quote is the other kind of quote around the value; a character that still cannot be
// carried (the chosen quote itself, a backslash) becomes `_`, LIKE's any-one-character wildcard,
// which still matches it.

/** A case-insensitive "contains" filter on `field`, or undefined when there is nothing to search. */
export function containsFilter(field: string, text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const safe = value.replaceAll(quote, '_').replaceAll('\\', '_');
  return `${field} ILIKE ${quote}%${safe}%${quote}`;
}
