import { describe, expect, it } from 'vitest';
import { ByteLru } from './metric-cache.ts';

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
