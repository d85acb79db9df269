import { useTheme } from '@/hooks/useTheme';
import { parseThemePreference, THEME_OPTIONS } from '@/lib/theme';

export function ThemeSelect() {
  const [preference, setPreference] = useTheme();
  return (
    <label className="theme-select">
      <span className="visually-hidden">Theme</span>
      <select
        className="select select-compact"
        value={preference}
        onChange={(e) => setPreference(parseThemePreference(e.target.value))}
      >
        {THEME_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
