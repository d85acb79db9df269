import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { windowKeyAction } from './chart-window';
import { keyLabel, SHORTCUT_GROUPS, shortcutGroupsFor, shortcutsMarkdown } from './shortcuts';
import type { ShortcutPage } from './shortcuts';

const titles = (page: ShortcutPage) => shortcutGroupsFor(page).map((g) => g.title);

describe('shortcutGroupsFor', () => {
  it("lists each page's own groups after the ones that work anywhere", () => {
    expect(titles('experiments')).toEqual(['Anywhere', 'Experiments']);
    expect(titles('experiment-table')).toEqual([
      'Anywhere',
      'Runs table',
      'Runs table columns',
      'Runs filter',
    ]);
    expect(titles('experiment-charts')).toEqual(['Anywhere', 'Charts', 'Parallel coordinates']);
    expect(titles('run')).toEqual(['Anywhere', 'Charts', 'Artifacts']);
    expect(titles('compare')).toEqual(['Anywhere', 'Compare runs', 'Parallel coordinates']);
    expect(titles('other')).toEqual(['Anywhere']);
  });

  it('lists every group on some page', () => {
    const pages: ShortcutPage[] = [
      'experiments',
      'experiment-table',
      'experiment-charts',
      'run',
      'compare',
      'other',
    ];
    const listed = new Set(pages.flatMap(titles));
    expect(SHORTCUT_GROUPS.filter((g) => !listed.has(g.title))).toEqual([]);
  });
});

describe('keyLabel', () => {
  it('shows arrows, Escape and the space bar as a keycap does', () => {
    expect(keyLabel('ArrowLeft')).toBe('←');
    expect(keyLabel('ArrowDown')).toBe('↓');
    expect(keyLabel('Escape')).toBe('Esc');
    expect(keyLabel(' ')).toBe('Space');
    expect(keyLabel('j')).toBe('j');
    expect(keyLabel('Home')).toBe('Home');
  });

  it('keeps modifiers in front, and a plus that is the key itself', () => {
    expect(keyLabel('Alt+ArrowRight')).toBe('Alt+→');
    expect(keyLabel('Shift+x')).toBe('Shift+x');
    expect(keyLabel('Ctrl+Shift+Escape')).toBe('Ctrl+Shift+Esc');
    expect(keyLabel('+')).toBe('+');
    expect(keyLabel('Alt++')).toBe('Alt++');
    expect(keyLabel('Alt+')).toBe('Alt+');
  });
});

describe('the shortcut data', () => {
  it('has no group or shortcut without keys or words, and no duplicated title', () => {
    for (const group of SHORTCUT_GROUPS) {
      expect(group.shortcuts.length, group.title).toBeGreaterThan(0);
      expect(group.where, group.title).not.toBe('');
      for (const s of group.shortcuts) {
        expect(s.keys.length, s.action).toBeGreaterThan(0);
        expect(s.action, group.title).not.toBe('');
      }
    }
    const all = SHORTCUT_GROUPS.map((g) => g.title);
    expect(new Set(all).size).toBe(all.length);
  });

  it('holds nothing that would break the README table (a pipe, a backtick, a line break)', () => {
    for (const group of SHORTCUT_GROUPS) {
      for (const text of [group.title, group.where, ...group.shortcuts.map((s) => s.action)])
        expect(text).not.toMatch(/[|`\n]/);
      for (const key of group.shortcuts.flatMap((s) => s.keys)) expect(key).not.toMatch(/[|`\n]/);
    }
  });

  it("lists exactly the keys the charts' keyboard handler acts on", () => {
    const charts = SHORTCUT_GROUPS.find((g) => g.title === 'Charts');
    const listed = charts?.shortcuts.flatMap((s) => s.keys) ?? [];
    const candidates = [
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      ...['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Escape', 'Enter', 'Tab'],
      ...['Home', 'End', 'PageUp', 'PageDown', 'Backspace', 'Delete'],
    ];
    const handled = candidates.filter((k) => windowKeyAction(k) !== null);
    expect([...listed].sort()).toEqual([...handled].sort());
  });
});

describe('shortcutsMarkdown', () => {
  it('writes a heading, the place and a table row per shortcut', () => {
    const md = shortcutsMarkdown([
      {
        title: 'Demo',
        where: 'Somewhere.',
        pages: 'all',
        shortcuts: [{ keys: ['Alt+ArrowLeft', ' '], action: 'Do it' }],
      },
    ]);
    expect(md).toContain('\n### Demo\n\nSomewhere.\n\n| Keys | Action |\n| --- | --- |\n');
    expect(md).toContain('| `Alt+←` / `Space` | Do it |\n');
  });
});

describe('README.md', () => {
  // Formatters pad table cells and rules, so both sides are compared with runs of whitespace made
  // one space and every table rule made `---`.
  const normalize = (md: string) =>
    md
      .replace(/:?-{3,}:?/g, '---')
      .replace(/\s+/g, ' ')
      .trim();

  it('lists the same shortcuts as the app (regenerate the section from shortcutsMarkdown())', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('\n## Keyboard shortcuts\n');
    expect(start, 'README.md has a "## Keyboard shortcuts" section').toBeGreaterThan(-1);
    const body = readme.slice(start + '\n## Keyboard shortcuts\n'.length);
    const end = body.search(/^## /m);
    const section = end === -1 ? body : body.slice(0, end);
    expect(normalize(section)).toBe(normalize(shortcutsMarkdown()));
  });
});
