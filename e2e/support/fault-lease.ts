// The fault proxy is one per suite, and specs in different worker processes use it: each test of
// a fault spec holds it alone, starts from a clean state and leaves it passing.
import { randomUUID } from 'node:crypto';
import { test } from './fixtures';
import {
  forgetRequests,
  lockFaultProxy,
  seenRequests,
  setFault,
  unlockFaultProxy,
} from './fault-proxy';

export function faultControl(): string {
  const url = process.env.E2E_FAULT_CONTROL_URL;
  if (!url) throw new Error('E2E_FAULT_CONTROL_URL is not set');
  return url;
}

/** Call at the top of a spec: every test then holds the proxy for its whole run. */
export function holdFaultProxyPerTest(): void {
  let token = '';
  // Playwright reads a hook's fixtures from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  test.beforeEach(async ({}, testInfo) => {
    token = `${testInfo.testId}-${randomUUID()}`;
    // Waiting for another spec's test to finish counts against this one's time.
    testInfo.setTimeout(testInfo.timeout + 60_000);
    await lockFaultProxy(faultControl(), token);
    await setFault(faultControl(), { kind: 'pass' });
    await forgetRequests(faultControl());
  });
  test.afterEach(async () => {
    await setFault(faultControl(), { kind: 'pass' });
    await unlockFaultProxy(faultControl(), token);
  });
}

/** How many requests whose path and query match `pattern` reached MLflow's side of Parallax. */
export async function countRequests(pattern: RegExp, method?: string): Promise<number> {
  const seen = await seenRequests(faultControl());
  return seen.filter((r) => pattern.test(r.url) && (method === undefined || r.method === method))
    .length;
}
