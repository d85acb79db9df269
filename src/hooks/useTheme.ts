import { useCallback, useEffect, useState } from 'react';
import {
  parseThemePreference,
  resolveTheme,
  THEME_STORAGE_KEY,
  type ThemePreference,
} from '@/lib/theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function readPreference(): ThemePreference {
  try {
    return parseThemePreference(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    // Storage can be blocked (privacy settings); the system theme is a fine fallback.
    return 'system';
  }
}

function apply(preference: ThemePreference) {
  const dark = window.matchMedia(DARK_QUERY).matches;
  document.documentElement.dataset.theme = resolveTheme(preference, dark);
}

/** The stored preference, and a setter that persists it and updates `<html data-theme>`. */
export function useTheme() {
  const [preference, setPreferenceState] = useState(readPreference);

  useEffect(() => {
    apply(preference);
    if (preference !== 'system') return;
    const media = window.matchMedia(DARK_QUERY);
    const onChange = () => apply('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [preference]);

  const setPreference = useCallback((next: ThemePreference) => {
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Not persisted, but still applied for this page.
    }
    setPreferenceState(next);
  }, []);

  return [preference, setPreference] as const;
}
