/**
 * Downsampling for charts, framework-free: the server and the browser worker run this same code.
 *
 * Non-finite values (NaN, +Infinity, -Infinity) are never silently dropped: every bucket that holds
 * any keeps its first one as a point (y is the value itself; band NaN), counted against the output
 * budget, so `reduce` never returns more than `target` points. Min, max, band and LTTB's areas use
 * finite values only, so one NaN does not hide a bucket's spike.
 */
export { m4 } from './m4';
export { minMaxLttb } from './minmax-lttb';
export { reduce } from './reduce';
export { isNonFinite, lowerBound, upperBound } from './types';
export type { IndexedReduced, Reduced, ReduceMethod } from './types';
