import { test as base, expect } from '@playwright/test';

interface Fixtures {
  /**
   * Console errors a test expects. Chromium logs every failed HTTP response ("Failed to load
   * resource: … 404") as a console error, so a test that asks for a missing resource lists it here.
   */
  expectedConsoleErrors: RegExp[];
  /** Browser errors seen during the test; it fails if any unexpected one is left at the end. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(process.env.E2E_PARALLAX_URL);
  },
  expectedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (!expectedConsoleErrors.some((re) => re.test(text)))
          errors.push(`console.error: ${text}`);
      });
      await use(errors);
      expect(errors, 'no unexpected console error in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
