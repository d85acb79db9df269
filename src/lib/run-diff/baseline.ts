// The baseline run's column pins first. A cell's delta from it, and whether that is better or worse,
// is src/lib/metric-direction's deltaAgainst: one definition for the run diff and the registry.

/** The items with the baseline's moved to the front (its column pins first); the rest keep their order. */
export function baselineFirst<T>(
  items: readonly T[],
  baselineId: string | undefined,
  idOf: (item: T) => string,
): T[] {
  const index = baselineId === undefined ? -1 : items.findIndex((x) => idOf(x) === baselineId);
  if (index <= 0) return [...items];
  return [items[index] as T, ...items.slice(0, index), ...items.slice(index + 1)];
}
