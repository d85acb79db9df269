export { parseFilter } from './parse';
export type { Clause, FilterError, FilterValue, ParseResult } from './parse';
export { suggest } from './suggest';
export type { Suggestion, SuggestionResult, SuggestContext } from './suggest';
export { quoteKey, quoteValue } from './grammar';
export type { Comparator, FilterKeys, FilterKind } from './grammar';
