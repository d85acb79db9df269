import { describe, expect, it } from 'vitest';
import { moveColumn, stepColumn } from './column-order';
import type { ColumnChoice } from './runs-view-state';

const m = (key: string, pinned = false): ColumnChoice => ({ kind: 'metrics', key, pinned });
const p = (key: string, pinned = false): ColumnChoice => ({ kind: 'params', key, pinned });
const ids = (list: readonly ColumnChoice[]) => list.map((c) => `${c.kind[0]}.${c.key}`);

// a, b, lr are shown after the run attributes; acc is pinned next to the name.
const chosen = [m('a'), m('acc', true), m('b'), p('lr'), p('pin.x', true)];

describe('moveColumn', () => {
  it('moves a column before or after another of its group', () => {
    expect(ids(moveColumn(chosen, 'params.lr', 'metrics.a', 'before'))).toEqual([
      'p.lr',
      'm.a',
      'm.acc',
      'm.b',
      'p.pin.x',
    ]);
    expect(ids(moveColumn(chosen, 'metrics.a', 'params.lr', 'after'))).toEqual([
      'm.acc',
      'm.b',
      'p.lr',
      'm.a',
      'p.pin.x',
    ]);
    expect(ids(moveColumn(chosen, 'params.pin.x', 'metrics.acc', 'before'))).toEqual([
      'm.a',
      'p.pin.x',
      'm.acc',
      'm.b',
      'p.lr',
    ]);
  });

  it('keeps pinned columns in the pinned group', () => {
    expect(moveColumn(chosen, 'metrics.acc', 'metrics.b', 'after')).toBe(chosen);
    expect(moveColumn(chosen, 'metrics.b', 'params.pin.x', 'before')).toBe(chosen);
  });

  it('returns the same array for a move that changes nothing', () => {
    expect(moveColumn(chosen, 'metrics.a', 'metrics.a', 'after')).toBe(chosen);
    expect(moveColumn(chosen, 'metrics.b', 'params.lr', 'before')).toBe(chosen);
    expect(moveColumn(chosen, 'metrics.gone', 'metrics.b', 'before')).toBe(chosen);
    expect(moveColumn(chosen, 'metrics.a', 'metrics.gone', 'before')).toBe(chosen);
  });

  it('keeps the moved column’s pin and key', () => {
    const moved = moveColumn(chosen, 'metrics.b', 'metrics.a', 'before');
    expect(moved[0]).toBe(chosen[2]);
  });
});

describe('stepColumn', () => {
  it('steps past the nearest column of the same group', () => {
    // b's left neighbour in the list is the pinned acc; within its group it is a.
    expect(ids(stepColumn(chosen, 'metrics.b', -1))).toEqual([
      'm.b',
      'm.a',
      'm.acc',
      'p.lr',
      'p.pin.x',
    ]);
    expect(ids(stepColumn(chosen, 'metrics.acc', 1))).toEqual([
      'm.a',
      'm.b',
      'p.lr',
      'p.pin.x',
      'm.acc',
    ]);
  });

  it('stops at the edge of the group', () => {
    expect(stepColumn(chosen, 'metrics.a', -1)).toBe(chosen);
    expect(stepColumn(chosen, 'params.lr', 1)).toBe(chosen);
    expect(stepColumn(chosen, 'metrics.acc', -1)).toBe(chosen);
    expect(stepColumn(chosen, 'metrics.gone', 1)).toBe(chosen);
  });
});
