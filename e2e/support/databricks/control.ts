// The specs' handle on the emulated workspace, which lives in the suite's set-up process: its log,
// its token issuances and its rules, through the workspace's control routes.
import type { GatewayCall, RateLimit, TokenIssue } from './workspace';

export function workspaceUrl(): string {
  const url = process.env.E2E_DBX_WORKSPACE_URL;
  if (!url) throw new Error('E2E_DBX_WORKSPACE_URL is not set: run the suite through playwright');
  return url;
}

async function control<T>(action: string, body?: unknown): Promise<T> {
  const res = await fetch(`${workspaceUrl()}/e2e-control/${action}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`workspace control ${action} → ${res.status}`);
  return (await res.json()) as T;
}

export const workspace = {
  log: async () => (await control<{ calls: GatewayCall[] }>('log')).calls,
  /** Calls logged after `seq` (take it from `lastSeq()` before the test acts). */
  logSince: async (seq: number) =>
    (await control<{ calls: GatewayCall[] }>('log')).calls.filter((c) => c.seq > seq),
  lastSeq: async () => (await control<{ calls: GatewayCall[] }>('log')).calls.at(-1)?.seq ?? 0,
  tokensIssued: async () => (await control<{ issued: TokenIssue[] }>('tokens')).issued,
  signedUrls: async () => (await control<{ urls: string[] }>('signed-urls')).urls,
  setRate429: (limit: RateLimit | null) => control('rate429', limit ?? {}),
  addClient: (clientId: string, secret: string, lifetimeS?: number) =>
    control('client', { clientId, secret, lifetimeS }),
  guardExperiment: (experimentId: string) => control('guard', { experimentId }),
  setSignedUrlLifetime: (seconds: number) => control('signed-url-lifetime', { seconds }),
};

export function appUrl(withUserAuthorization: boolean): string {
  const name = withUserAuthorization ? 'E2E_DBX_OBO_APP_URL' : 'E2E_DBX_APP_URL';
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set: run the suite through playwright`);
  return url;
}
