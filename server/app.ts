import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerArtifact } from './artifact.ts';
import { createAuthProvider } from './auth.ts';
import { createDatabricksArtifacts } from './databricks-artifact.ts';
import { registerBackendInfo } from './backend-info.ts';
import type { ServerConfig } from './config.ts';
import { sendError } from './http-errors.ts';
import { registerMetricSeries } from './metric-series.ts';
import { registerMetricsAtStep } from './metrics-at-step.ts';
import { registerProxy } from './proxy.ts';
import { registerSecurity } from './security.ts';
import { registerStatic } from './static.ts';
import { createUpstreamClient } from './upstream.ts';

/** The whole Parallax server, ready for `listen` or `inject`. */
export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.headers["x-forwarded-access-token"]',
              ],
              censor: '[redacted]',
            },
          },
    // Long artifact downloads must not keep a shutdown waiting forever.
    forceCloseConnections: true,
  });

  const upstream = createUpstreamClient(config.upstream, config);
  const auth = createAuthProvider(config.auth, {
    useForwardedToken: config.useForwardedToken,
    timeoutMs: config.connectTimeoutMs + config.upstreamTimeoutMs,
  });
  app.addHook('onClose', async () => upstream.close());

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isCutOffUpstream(error)) {
      // MLflow dropped the connection mid-answer (killed, restarted, a proxy timing out). The
      // compressor still held the headers, so the browser can be told the truth: MLflow, not us.
      request.log.warn({ err: error }, 'MLflow closed the connection mid-answer');
      return sendError(
        reply,
        502,
        'MLFLOW_UNAVAILABLE',
        `MLflow at ${upstream.host} closed the connection before its answer was complete.`,
      );
    }
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE' && request.raw.destroyed) {
      // The browser left mid-answer (a cancelled query, a closed tab): nobody to answer, nothing wrong.
      request.log.debug({ err: error }, 'client left before the answer was complete');
      return reply;
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendError(reply, status, 'INTERNAL_ERROR', 'Parallax could not handle this request.');
    }
    return sendError(reply, status, 'BAD_REQUEST', error.message);
  });

  registerSecurity(app, {
    frameAncestors: config.frameAncestors,
    hosts: config.hosts,
    listeningPort: () => {
      const address = app.server.address();
      return address && typeof address === 'object' ? address.port : undefined;
    },
  });
  // Request bodies are forwarded as they came, so request decompression stays off.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], globalDecompression: false });

  app.get('/healthz', async () => ({ ok: true }));
  const backendInfo = registerBackendInfo(app, { config, upstream, auth });
  registerArtifact(app, {
    upstream,
    auth,
    retry: config.retry,
    ...(config.backend === 'databricks'
      ? {
          databricks: createDatabricksArtifacts({
            upstream,
            auth,
            retry: config.retry,
            timeoutMs: config.upstreamTimeoutMs,
          }),
        }
      : {}),
  });
  const seriesStore = registerMetricSeries(app, {
    upstream,
    auth,
    retry: config.retry,
    cacheBytes: config.seriesCacheBytes,
  });
  // The same store: the compare page's values come from the histories the charts cached.
  await registerMetricsAtStep(app, { store: seriesStore, upstream, auth });
  await registerProxy(app, {
    upstream,
    auth,
    retry: config.retry,
    readOnly: config.readOnly,
    // Only a Databricks backend can have a Unity Catalog registry: on open-source MLflow the
    // registry calls are never mapped, and never wait on a probe.
    unityCatalog:
      config.backend === 'databricks'
        ? async (token) => (await backendInfo.registry(token)) === 'unity-catalog'
        : undefined,
  });
  await registerStatic(app, config.staticDir);
  return app;
}

/**
 * An upstream response that ended early: Node reports it as `aborted` with ECONNRESET on the
 * IncomingMessage being relayed. Client-side disconnects never reach the error handler with it
 * (nobody is left to answer), so this is always MLflow's side.
 */
function isCutOffUpstream(error: FastifyError): boolean {
  return error.code === 'ECONNRESET' && error.message === 'aborted';
}
