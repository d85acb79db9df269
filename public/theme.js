/* global window, document */
// Applies the stored theme before the app's bundle runs, so the page never flashes the wrong one.
// A classic script of its own, not part of the bundle: a page's first localStorage read can take
// tens of milliseconds, and here it runs in a task of its own instead of lengthening the bundle's
// start-up. It mirrors parseThemePreference and resolveTheme in src/lib/theme.ts (a unit test
// checks that they agree); after start-up, src/hooks/useTheme.ts keeps the theme up to date.
(function () {
  var preference = 'system';
  try {
    var stored = window.localStorage.getItem('parallax.theme');
    if (stored === 'light' || stored === 'dark') preference = stored;
  } catch {
    // Storage blocked by privacy settings: follow the system.
  }
  var dark =
    preference === 'dark' ||
    (preference === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
