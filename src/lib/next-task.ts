/**
 * Resolves in a later macrotask, after pending microtasks and already queued timers: splits work
 * into separate tasks, so the page can paint and answer input between them.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `load`, started one task later. React calls a lazy component's loader during the render that
 * first shows it, and routes are asked for as the router starts; Vite's preload of a chunk then
 * inserts a <link> per dependency inside that task. Deferred, the preload is a task of its own.
 */
export function afterTask<T>(load: () => Promise<T>): () => Promise<T> {
  return () => nextTask().then(load);
}
