import { describe, expect, it } from 'vitest';
import {
  decodeColumns,
  decodeGroups,
  decodeWidths,
  encodeColumns,
  encodeGroups,
  encodeWidths,
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

describe('width encoding', () => {
  it('is compact: one letter for the kind, whole pixels', () => {
    expect(
      encodeWidths({ 'metrics.accuracy': 180, 'attributes.run_name': 300.4, duration: 90 }),
    ).toBe('m.accuracy:180,a.run_name:300,duration:90');
  });

  it('round-trips keys with commas, colons, dots and percent signs', () => {
    const widths = { 'params.a,b:c%2C': 64, 'tags.mlflow.user': 200, 'metrics.x:1': 799 };
    expect(decodeWidths(encodeWidths(widths))).toEqual(widths);
  });

  it('clamps widths to 60…800 px', () => {
    expect(encodeWidths({ 'metrics.a': 10, 'metrics.b': 5000 })).toBe('m.a:60,m.b:800');
    expect(decodeWidths('m.a:1,m.b:99999')).toEqual({ 'metrics.a': 60, 'metrics.b': 800 });
  });

  it('drops unreadable tokens', () => {
    expect(decodeWidths('m.a,:100,m.b:,m.c:-5,m.d:1e3,m.e:12.5,p.ok:120,')).toEqual({
      'params.ok': 120,
    });
  });
});

describe('collapsed group encoding', () => {
  it('round-trips values with commas and percent signs, the empty value and "no value"', () => {
    const values = ['0.1', 'a,b', '%00', '', null];
    expect(encodeGroups(values)).toBe('0.1,a%2Cb,%2500,,%00');
    expect(decodeGroups(encodeGroups(values))).toEqual(values);
  });

  it('drops repeated values', () => {
    expect(decodeGroups('x,x,%00,%00')).toEqual(['x', null]);
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
      widths: {},
      closedGroups: [],
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
      widths: { 'metrics.acc': 200, 'attributes.run_name': 320 },
      closedGroups: ['core', null],
    };
    const url = writeRunsViewState(new URLSearchParams('other=1'), view);
    expect(url.get('other')).toBe('1');
    expect(readRunsViewState(new URLSearchParams(url.toString()))).toEqual(view);
  });

  it('leaves the URL clean for default values', () => {
    const url = writeRunsViewState(
      new URLSearchParams('lifecycle=all&group=tags.x&open=a&w=m.a:90&closed=x'),
      {
        lifecycle: 'active',
        groupBy: undefined,
        expanded: [],
        filter: '  ',
        columns: undefined,
        widths: {},
        closedGroups: [],
      },
    );
    expect(url.toString()).toBe('');
  });

  it('keeps one collapsed group whose value is the empty string', () => {
    const url = writeRunsViewState(new URLSearchParams(), { closedGroups: [''] });
    expect(url.has('closed')).toBe(true);
    expect(readRunsViewState(url).closedGroups).toEqual(['']);
  });

  it('treats an unknown lifecycle as active', () => {
    expect(readRunsViewState(new URLSearchParams('lifecycle=gone')).lifecycle).toBe('active');
  });
});
