// A Parallax server started as a Databricks App would be (the platform's variables, the workspace as
// DATABRICKS_HOST, the app's service principal), behind its own emulated Apps front proxy.
import { freePort } from '../../../scripts/lib/mlflow-server.mjs';
import { startParallax } from '../../../scripts/lib/parallax-server.mjs';
import { startFrontProxy } from './front-proxy';
import { WORKSPACE_USERS, type WorkspaceUser } from './users';

export interface DatabricksApp {
  /** The front proxy: what the browser opens. */
  url: string;
  stop: () => Promise<void>;
}

export async function startDatabricksApp(options: {
  workspaceUrl: string;
  name: string;
  client: { id: string; secret: string };
  userAuthorization: boolean;
  defaultUser: WorkspaceUser;
}): Promise<DatabricksApp> {
  const [frontPort, appPort] = await Promise.all([freePort(), freePort()]);
  const app = await startParallax({
    env: {
      DATABRICKS_APP_PORT: String(appPort),
      DATABRICKS_APP_NAME: options.name,
      // As the platform hands it over; the workspace here speaks plain HTTP, so with a scheme.
      DATABRICKS_HOST: options.workspaceUrl,
      DATABRICKS_CLIENT_ID: options.client.id,
      DATABRICKS_CLIENT_SECRET: options.client.secret,
      // The app's public address: the front proxy's, which the browser names in Host and Origin.
      DATABRICKS_APP_URL: `http://127.0.0.1:${frontPort}`,
      // Ignored by the server beside DATABRICKS_APP_PORT; startParallax probes /healthz there.
      PARALLAX_PORT: String(appPort),
    },
  });
  try {
    const front = await startFrontProxy({
      appUrl: app.url,
      users: WORKSPACE_USERS,
      defaultUser: options.defaultUser,
      userAuthorization: options.userAuthorization,
      port: frontPort,
    });
    return {
      url: front.url,
      stop: async () => {
        await front.stop();
        app.child.kill('SIGTERM');
      },
    };
  } catch (err) {
    app.child.kill('SIGTERM');
    throw err;
  }
}
