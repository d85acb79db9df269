// The emulated workspace's identities, shared by the suite's set-up (which starts the workspace and
// the front proxies) and the specs (which sign in as one of them and read the gateway's log).

/** A workspace user: the front proxy forwards their identity, and their token when asked to. */
export interface WorkspaceUser {
  /** Short name, also what a test's sign-in cookie holds. */
  name: string;
  email: string;
  /** Their OAuth token as the Apps proxy would forward it (X-Forwarded-Access-Token). */
  token: string;
}

export const VIEWER: WorkspaceUser = {
  name: 'viewer',
  email: 'viewer@e2e.example.com',
  token: 'dapi-e2e-user-viewer-5d1c7e',
};

export const EDITOR: WorkspaceUser = {
  name: 'editor',
  email: 'editor@e2e.example.com',
  token: 'dapi-e2e-user-editor-93af20',
};

export const WORKSPACE_USERS: readonly WorkspaceUser[] = [VIEWER, EDITOR];

/** The app's service principal, as DATABRICKS_CLIENT_ID/SECRET hand it to the app. */
export const APP_CLIENT = { id: 'parallax-e2e-app', secret: 'e2e-secret-7b41f9' };

/**
 * The cookie a test sets to pick who is signed in behind a front proxy: the Apps proxy's session,
 * reduced to a user name. Without it the proxy's default user is signed in.
 */
export const SIGN_IN_COOKIE = 'e2e-databricks-user';

/** The gateway's name for who made a call: `app:<client id>` or `user:<name>`. */
export const appCaller = (clientId: string) => `app:${clientId}`;
export const userCaller = (user: WorkspaceUser) => `user:${user.name}`;
