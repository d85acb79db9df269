/**
 * Parallel coordinates, framework-free: axes from runs (types, axes, ticks), brushes and the runs
 * inside them (brush), line colours (color), pixels (layout) and the URL's spelling (url). Written
 * here rather than taken from a library: the plot is the heart of the comparison view, and drawing
 * 1,000 runs at a frame a drag needs typed arrays computed once, not objects per point.
 */
export * from './types';
export * from './axes';
export * from './brush';
export * from './color';
export * from './layout';
export * from './ticks';
export * from './url';
