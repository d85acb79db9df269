import { describe, expect, it } from 'vitest';
import {
  decodeColumns,
  encodeColumns,
  readRunsViewState,
  writeRunsViewState,
} from './runs-view-state';
import type { ColumnChoice } from './runs-view-state';

describe('column encoding', () => {
  const columns: ColumnChoice[] = [
    { kind: 'metrics', key: 'accuracy', pinned: true },
    { kind: 'params', key: 'batch size', pinned: false },
    { kind: 'tags', key: 'mlflow.user', pinned: false },
    { kind: 'metrics', key: 'odd,key%2C', pinned: false },
  ];

  it('is compact', () => {
    expect(encodeColumns(columns.slice(0, 3))).toBe('^m.accuracy,p.batch size,t.mlflow.user');
  });

  it('round-trips keys with commas and percent signs', () => {
    expect(decodeColumns(encodeColumns(columns))).toEqual(columns);
  });

  it('drops unreadable and duplicate tokens', () => {
    expect(decodeColumns('x.a,m.,m,^p.lr,p.lr,')).toEqual([
      { kind: 'params', key: 'lr', pinned: true },
    ]);
  });

  it('decodes an empty list as no columns', () => {
    expect(decodeColumns('')).toEqual([]);
  });
});

describe('readRunsViewState / writeRunsViewState', () => {
  it('reads defaults from an empty URL', () => {
    expect(readRunsViewState(new URLSearchParams())).toEqual({
      filter: '',
      sort: { id: 'attributes.start_time', desc: true },
      columns: undefined,
      lifecycle: 'active',
      groupBy: undefined,
      expanded: [],
    });
  });

  it('round-trips a whole view', () => {
    const view = {
      filter: "params.lr = '0.1'",
      sort: { id: 'metrics.acc', desc: false },
      columns: [{ kind: 'metrics' as const, key: 'acc', pinned: true }],
      lifecycle: 'all' as const,
      groupBy: 'tags.team',
      expanded: ['abc', 'def'],
    };
    const url = writeRunsViewState(new URLSearchParams('other=1'), view);
    expect(url.get('other')).toBe('1');
    expect(readRunsViewState(new URLSearchParams(url.toString()))).toEqual(view);
  });

  it('leaves the URL clean for default values', () => {
    const url = writeRunsViewState(new URLSearchParams('lifecycle=all&group=tags.x&open=a'), {
      lifecycle: 'active',
      groupBy: undefined,
      expanded: [],
      filter: '  ',
      columns: undefined,
    });
    expect(url.toString()).toBe('');
  });

  it('treats an unknown lifecycle as active', () => {
    expect(readRunsViewState(new URLSearchParams('lifecycle=gone')).lifecycle).toBe('active');
  });
});
