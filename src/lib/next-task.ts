/**
 * Resolves in a later macrotask, after pending microtasks and already queued timers: splits work
 * into separate tasks, so the page can paint and answer input between them.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
