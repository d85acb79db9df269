// The Databricks Apps front proxy, emulated: what the browser talks to in front of a Parallax server
// in app mode. The real one signs the user in, drops whatever identity headers the client sent, and
// adds its own: X-Forwarded-Email/-User/-Preferred-Username on every request, and the user's token
// in X-Forwarded-Access-Token when the app has user authorization. Here "signing in" is a cookie
// naming a workspace user (SIGN_IN_COOKIE); without it the default user is signed in.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGN_IN_COOKIE, type WorkspaceUser } from './users';

export interface FrontProxyOptions {
  /** The Parallax server behind it. */
  appUrl: string;
  users: readonly WorkspaceUser[];
  defaultUser: WorkspaceUser;
  /** User authorization (on-behalf-of): the signed-in user's token is forwarded. */
  userAuthorization: boolean;
  /** Listen here (the app must know its public address before it starts); any free port if absent. */
  port?: number;
}

export interface FrontProxy {
  url: string;
  stop: () => Promise<void>;
}

export async function startFrontProxy(options: FrontProxyOptions): Promise<FrontProxy> {
  const app = new URL(options.appUrl);
  const server = http.createServer((req, res) => {
    const { user, cookie } = signedIn(req.headers.cookie, options);
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      // The platform's own headers replace anything the client sent under those names.
      if (!name.startsWith('x-forwarded-') && name !== 'x-real-ip' && name !== 'cookie') {
        headers[name] = value;
      }
    }
    if (cookie) headers.cookie = cookie;
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['x-forwarded-proto'] = 'http';
    headers['x-forwarded-email'] = user.email;
    headers['x-forwarded-user'] = `${user.name}@e2e-idp`;
    headers['x-forwarded-preferred-username'] = user.name;
    headers['x-real-ip'] = req.socket.remoteAddress ?? '';
    headers['x-request-id'] = randomUUID();
    if (options.userAuthorization) headers['x-forwarded-access-token'] = user.token;
    headers.host = app.host;
    const upstream = http.request(
      { hostname: app.hostname, port: app.port, method: req.method, path: req.url, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end('The app is not answering.');
      else res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user the sign-in cookie names, and the cookie header without it (the app never sees it). */
function signedIn(
  header: string | undefined,
  options: FrontProxyOptions,
): { user: WorkspaceUser; cookie: string | undefined } {
  let user = options.defaultUser;
  const kept: string[] = [];
  for (const part of (header ?? '').split(';')) {
    const [name = '', value = ''] = part.trim().split('=');
    if (name === SIGN_IN_COOKIE) user = options.users.find((u) => u.name === value) ?? user;
    else if (name) kept.push(part.trim());
  }
  return { user, cookie: kept.length > 0 ? kept.join('; ') : undefined };
}
