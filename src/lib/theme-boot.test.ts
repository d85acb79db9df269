// public/theme.js applies the stored theme before the bundle runs; it must agree with this module.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseThemePreference, resolveTheme, THEME_STORAGE_KEY } from './theme';

const script = readFileSync(new URL('../../public/theme.js', import.meta.url), 'utf8');

function runBoot(stored: string | null, systemDark: boolean, storageThrows = false): string {
  const dataset: Record<string, string> = {};
  const window = {
    localStorage: {
      getItem: (key: string) => {
        if (storageThrows) throw new Error('blocked');
        return key === THEME_STORAGE_KEY ? stored : null;
      },
    },
    matchMedia: (q: string) => ({ matches: q === '(prefers-color-scheme: dark)' && systemDark }),
  };
  const document = { documentElement: { dataset } };
  new Function('window', 'document', script)(window, document);
  return dataset.theme ?? '';
}

describe('public/theme.js', () => {
  for (const stored of ['light', 'dark', 'system', null, 'purple']) {
    for (const systemDark of [false, true]) {
      it(`stored ${String(stored)}, system ${systemDark ? 'dark' : 'light'}`, () => {
        expect(runBoot(stored, systemDark)).toBe(
          resolveTheme(parseThemePreference(stored), systemDark),
        );
      });
    }
  }
  it('follows the system when storage is blocked', () => {
    expect(runBoot('light', true, true)).toBe('dark');
  });
});
