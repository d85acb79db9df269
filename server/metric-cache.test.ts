import { describe, expect, it } from 'vitest';
import { ConfigError } from './config.ts';
import { ByteLru, seriesCacheBytes } from './metric-cache.ts';

describe('ByteLru', () => {
  it('evicts the least recently used entries once over its byte budget', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    expect(lru.get('a')).toBe('A'); // a is now the most recent
    lru.set('c', 'C', 40);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['A', undefined, 'C']);
    expect([lru.size, lru.bytes]).toEqual([2, 80]);
  });

  it('replaces an entry in place and refuses one bigger than the budget', () => {
    const lru = new ByteLru<number>(100);
    lru.set('a', 1, 60);
    lru.set('a', 2, 70);
    expect([lru.get('a'), lru.bytes]).toEqual([2, 70]);
    expect(lru.set('huge', 3, 101)).toBe(false);
    expect([lru.get('huge'), lru.get('a')]).toEqual([undefined, 2]);
    lru.delete('a');
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
    expect(new ByteLru<number>(0).set('x', 1, 1)).toBe(false);
  });
});

describe('PARALLAX_SERIES_CACHE_MB', () => {
  it('defaults to 256 MB, accepts 0, refuses nonsense', () => {
    expect(seriesCacheBytes({})).toBe(256 * 1024 * 1024);
    expect(seriesCacheBytes({ PARALLAX_SERIES_CACHE_MB: '16' })).toBe(16 * 1024 * 1024);
    expect(seriesCacheBytes({ PARALLAX_SERIES_CACHE_MB: '0' })).toBe(0);
    expect(() => seriesCacheBytes({ PARALLAX_SERIES_CACHE_MB: '1.5' })).toThrow(ConfigError);
    expect(() => seriesCacheBytes({ PARALLAX_SERIES_CACHE_MB: '-1' })).toThrow(
      /PARALLAX_SERIES_CACHE_MB/,
    );
  });
});
