import { describe, expect, it } from 'vitest';
import { PROMPT_TAG } from './model-list';
import { readUcScope, ucModelListView, ucModelSearchError, writeUcScope } from './uc-model-list';

const model = (name: string, updated: number, prompt = false) => ({
  name,
  last_updated_timestamp: String(updated),
  tags: prompt ? [{ key: PROMPT_TAG, value: 'true' }] : [],
});

const MODELS = [
  model('main.ml.churn', 30),
  model('main.ml.ads_ctr', 10),
  model('main.mlops.churn_v2', 50),
  model('dev.ml.churn', 20),
  model('main.ml.summarize', 40, true),
];
const names = (list: readonly { name: string }[]) => list.map((m) => m.name);

describe('ucModelListView', () => {
  it('lists models (not prompts) by name', () => {
    expect(names(ucModelListView(MODELS, { q: '', sort: 'name', kind: 'models' }, ''))).toEqual([
      'dev.ml.churn',
      'main.ml.ads_ctr',
      'main.ml.churn',
      'main.mlops.churn_v2',
    ]);
  });

  it('lists the prompts apart', () => {
    expect(names(ucModelListView(MODELS, { q: '', sort: 'name', kind: 'prompts' }, ''))).toEqual([
      'main.ml.summarize',
    ]);
  });

  it('keeps a catalog.schema scope, level by level', () => {
    expect(
      names(ucModelListView(MODELS, { q: '', sort: 'name', kind: 'models' }, 'main.ml')),
    ).toEqual(['main.ml.ads_ctr', 'main.ml.churn']);
    expect(names(ucModelListView(MODELS, { q: '', sort: 'name', kind: 'models' }, 'dev'))).toEqual([
      'dev.ml.churn',
    ]);
  });

  it('searches names for the text, ignoring case, within the scope', () => {
    expect(
      names(ucModelListView(MODELS, { q: ' CHURN ', sort: 'name', kind: 'models' }, 'main')),
    ).toEqual(['main.ml.churn', 'main.mlops.churn_v2']);
  });

  it('sorts the most recently changed first', () => {
    expect(names(ucModelListView(MODELS, { q: '', sort: 'updated', kind: 'models' }, ''))).toEqual([
      'main.mlops.churn_v2',
      'main.ml.churn',
      'dev.ml.churn',
      'main.ml.ads_ctr',
    ]);
  });

  it('leaves its input in order', () => {
    const copy = [...MODELS];
    ucModelListView(MODELS, { q: '', sort: 'updated', kind: 'models' }, '');
    expect(MODELS).toEqual(copy);
  });
});

describe('ucModelSearchError', () => {
  it('accepts a name to search for', () => {
    expect(ucModelSearchError('churn')).toBeUndefined();
    expect(ucModelSearchError('main.ml')).toBeUndefined();
  });

  it('marks a whole filter, which UC cannot take', () => {
    const text = "name ILIKE '%churn%'";
    expect(ucModelSearchError(text)).toMatchObject({ start: 0, end: text.length });
    expect(ucModelSearchError("tags.team = 'a'")?.message).toMatch(/no filter/);
  });
});

describe('the scope in the URL', () => {
  it('reads and writes ?in=, leaving other parameters alone', () => {
    const url = writeUcScope(new URLSearchParams('q=churn'), ' main.ml ');
    expect(url.toString()).toBe('q=churn&in=main.ml');
    expect(readUcScope(url)).toBe('main.ml');
    expect(writeUcScope(url, '').toString()).toBe('q=churn');
    expect(readUcScope(new URLSearchParams(''))).toBe('');
  });
});
