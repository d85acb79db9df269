import { describe, expect, it } from 'vitest';
import { createRequestSlots } from './request-slots';

/** A task that finishes when told to, noting when it started. */
function gate(started: string[], name: string) {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((r) => (finish = r));
  return { task: async () => (started.push(name), await done, name), finish: () => finish() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createRequestSlots', () => {
  it('keeps at most `limit` tasks running and starts the others in order as slots free', async () => {
    const slots = createRequestSlots(2);
    const started: string[] = [];
    const [a, b, c, d] = [
      gate(started, 'a'),
      gate(started, 'b'),
      gate(started, 'c'),
      gate(started, 'd'),
    ];
    const all = [a, b, c, d].map((g) => slots.run(g.task));
    await tick();
    expect(started).toEqual(['a', 'b']);
    b.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    a.finish();
    c.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    d.finish();
    expect(await Promise.all(all)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('frees the slot of a task that fails', async () => {
    const slots = createRequestSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.run(async () => 'next')).toBe('next');
  });

  it('drops a waiting task whose signal aborts, and never runs it', async () => {
    const slots = createRequestSlots(1);
    const started: string[] = [];
    const a = gate(started, 'a');
    const running = slots.run(a.task);
    const abort = new AbortController();
    const waiting = slots.run(async () => (started.push('b'), 'b'), abort.signal);
    abort.abort(new Error('left'));
    await expect(waiting).rejects.toThrow('left');
    a.finish();
    await running;
    expect(await slots.run(async () => 'c')).toBe('c');
    expect(started).toEqual(['a']);
  });
});
