import { describe, expect, it } from 'vitest';
import { buildExperimentFolders, folderPaths, type FolderEntry } from './experiment-folders';

const names = (entries: FolderEntry<string>[]) =>
  entries.map((e) => (e.kind === 'folder' ? `${e.name}/ (${e.count})` : e.name));

const build = (items: string[]) => buildExperimentFolders(items, (n) => n);

describe('buildExperimentFolders', () => {
  it('groups workspace paths into their folders, folders first', () => {
    const tree = build([
      '/Shared/e2e/churn',
      'Default',
      '/Users/ada@example.com/resnet',
      '/Shared/e2e/paging',
      '/Shared/churn_prediction',
    ]);
    expect(tree.count).toBe(5);
    expect(names(tree.children)).toEqual(['Shared/ (3)', 'Users/ (1)', 'Default']);
    const shared = tree.children[0];
    if (shared?.kind !== 'folder') throw new Error('Shared is a folder');
    expect(shared.path).toBe('/Shared');
    expect(names(shared.children)).toEqual(['e2e/ (2)', 'churn_prediction']);
    const e2e = shared.children[0];
    if (e2e?.kind !== 'folder') throw new Error('e2e is a folder');
    expect(e2e.path).toBe('/Shared/e2e');
    // The list's own order (its sort) is kept among experiments.
    expect(names(e2e.children)).toEqual(['churn', 'paging']);
    expect(e2e.children.map((c) => c.kind === 'experiment' && c.item)).toEqual([
      '/Shared/e2e/churn',
      '/Shared/e2e/paging',
    ]);
  });

  it('keeps names that are not clean paths whole, at the top', () => {
    const tree = build(['team/churn', '/lonely', '/Shared//x', '/Shared/x/', 'plain']);
    expect(names(tree.children)).toEqual([
      'team/churn',
      '/lonely',
      '/Shared//x',
      '/Shared/x/',
      'plain',
    ]);
  });

  it('sorts folders by name and keeps one folder per path', () => {
    const tree = build(['/b/x', '/a/y', '/b/z']);
    expect(names(tree.children)).toEqual(['a/ (1)', 'b/ (2)']);
  });

  it('is empty for no experiments', () => {
    expect(build([])).toEqual({ kind: 'folder', name: '', path: '', children: [], count: 0 });
  });
});

describe('folderPaths', () => {
  it('lists every folder, nested ones included', () => {
    const tree = build(['/Shared/e2e/churn', '/Users/ada/x', 'Default']);
    expect(folderPaths(tree)).toEqual(['/Shared', '/Shared/e2e', '/Users', '/Users/ada']);
  });
});
