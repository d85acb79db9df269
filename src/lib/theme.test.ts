import { describe, expect, it } from 'vitest';
import { parseThemePreference, resolveTheme } from './theme';

describe('parseThemePreference', () => {
  it('reads light and dark', () => {
    expect(parseThemePreference('light')).toBe('light');
    expect(parseThemePreference('dark')).toBe('dark');
  });

  it('defaults to following the system for anything else', () => {
    expect(parseThemePreference(null)).toBe('system');
    expect(parseThemePreference('system')).toBe('system');
    expect(parseThemePreference('solarized')).toBe('system');
  });
});

describe('resolveTheme', () => {
  it('follows the OS only when the preference is system', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
