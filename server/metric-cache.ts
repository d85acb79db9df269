/**
 * Least-recently-used map bounded by bytes, not entries: one 1M-step series weighs as much as
 * thousands of short ones. A value larger than the whole budget is not kept at all.
 */
export class ByteLru<V> {
  // A Map iterates in insertion order; re-inserting on every hit keeps the oldest first.
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value`, evicting the least recently used entries; false when it is too big to keep. */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key);
    if (!(bytes <= this.maxBytes)) return false;
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }
}

export const DEFAULT_SERIES_CACHE_MB = 256;

/**
 * The cache size when none is passed in. The configured one (`PARALLAX_SERIES_CACHE_MB`) is read
 * and validated with the other settings in config.ts and handed over as `cacheBytes`.
 */
export function seriesCacheBytes(): number {
  return DEFAULT_SERIES_CACHE_MB * 1024 * 1024;
}
