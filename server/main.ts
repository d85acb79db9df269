import { buildServer } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

// A shutdown that has not finished by now is stuck on something; exit anyway.
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Parallax: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  for (const warning of config.warnings) console.warn(`Parallax: ${warning}`);

  const app = await buildServer(config);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Parallax listening on http://${host}:${port} (MLflow at ${config.upstream.host})`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Parallax: error while closing after ${signal}:`, err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error('Parallax failed to start:', err);
  process.exit(1);
});
