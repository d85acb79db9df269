import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIST_STATE,
  experimentSearchParams,
  parseExperimentListState,
  writeExperimentListState,
} from './experiment-list-state';

const parse = (query: string) => parseExperimentListState(new URLSearchParams(query));

describe('parseExperimentListState', () => {
  it('gives the defaults for a bare URL', () => {
    expect(parse('')).toEqual(DEFAULT_LIST_STATE);
    expect(DEFAULT_LIST_STATE).toEqual({ q: '', sort: 'updated', view: 'active', layout: 'flat' });
  });

  it('reads q, sort, view and layout', () => {
    expect(parse('q=churn&sort=name&view=deleted&layout=folders')).toEqual({
      q: 'churn',
      sort: 'name',
      view: 'deleted',
      layout: 'folders',
    });
  });

  it('keeps the search text exactly, spaces and quotes included', () => {
    expect(parse('q=%20it%27s%20').q).toBe(" it's ");
  });

  it('falls back to defaults for unknown sort and view values', () => {
    expect(parse('sort=size&view=archived&layout=tree')).toEqual(DEFAULT_LIST_STATE);
  });
});

describe('writeExperimentListState', () => {
  const write = (query: string, patch: Parameters<typeof writeExperimentListState>[1]) =>
    writeExperimentListState(new URLSearchParams(query), patch).toString();

  it('leaves defaults out of the URL', () => {
    expect(
      write('q=a&sort=name&view=deleted&layout=folders', {
        q: '',
        sort: 'updated',
        view: 'active',
        layout: 'flat',
      }),
    ).toBe('');
  });

  it('changes one field and keeps the others and unrelated parameters', () => {
    expect(write('q=a&other=1', { view: 'deleted' })).toBe('q=a&other=1&view=deleted');
  });

  it('round-trips through parse', () => {
    const state = { q: 'x y', sort: 'created', view: 'deleted', layout: 'folders' } as const;
    expect(
      parseExperimentListState(writeExperimentListState(new URLSearchParams(), state)),
    ).toEqual(state);
  });
});

describe('experimentSearchParams', () => {
  it('maps the default state to active experiments, newest update first, unfiltered', () => {
    expect(experimentSearchParams(DEFAULT_LIST_STATE)).toEqual({
      filter: undefined,
      orderBy: ['last_update_time DESC'],
      viewType: 'ACTIVE_ONLY',
    });
  });

  it('filters by name and asks for deleted experiments in the deleted view', () => {
    expect(
      experimentSearchParams({ q: 'churn', sort: 'name', view: 'deleted', layout: 'flat' }),
    ).toEqual({
      filter: "name ILIKE '%churn%'",
      orderBy: ['name ASC'],
      viewType: 'DELETED_ONLY',
    });
  });

  it('sorts by creation time, newest first', () => {
    expect(experimentSearchParams({ ...DEFAULT_LIST_STATE, sort: 'created' }).orderBy).toEqual([
      'creation_time DESC',
    ]);
  });
});
