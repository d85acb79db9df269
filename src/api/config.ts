import { api } from './client';
import type { ParallaxConfig } from './types';

/** Parallax's own endpoint: which backend it serves and what that backend can do. */
export function getConfig(signal?: AbortSignal) {
  return api.get<ParallaxConfig>('/parallax/api/config', undefined, signal);
}
